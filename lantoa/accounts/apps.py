from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lantoa.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from lantoa.accounts import login_audit  # noqa: F401  (login events into the audit trail)
        from lantoa.accounts.middleware import session_start

        user_logged_in.connect(session_start, dispatch_uid="lantoa-session-start")
