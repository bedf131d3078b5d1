from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DispatchConfig(AppConfig):
    """Sending a stored document to its recipients and recording who opened it (D1). It knows
    neither plans nor reports: whoever sends passes the document and the recipients.

    The label stays "distribution", the app's first name, so its tables and migrations carry
    over unchanged (docs/decisions.md)."""

    name = "lantoa.dispatch"
    label = "distribution"
    verbose_name = _("Gửi văn bản")
