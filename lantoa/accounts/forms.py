"""Login and audit filter forms (issue 2, items 6–7); notification settings (issue 14, item 8)."""

from collections.abc import Iterator
from typing import Any, cast

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import User
from lantoa.core.forms import StyledFormMixin, VNDateField
from lantoa.core.mail import mail_queue


class LoginForm(StyledFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập (hoặc thư điện tử) hay mật khẩu không đúng. Lưu ý chữ hoa, chữ thường "
            "trong mật khẩu."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ Phòng Văn hóa - Xã hội."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập hoặc thư điện tử")
        cast(forms.CharField, self.fields["username"]).max_length = 254
        self.fields["username"].widget.attrs["maxlength"] = 254
        self.fields["password"].label = _("Mật khẩu")


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    pass


class StyledPasswordResetForm(StyledFormMixin, PasswordResetForm):
    def get_users(self, email: str) -> Iterator[User]:
        """Active users with this address, compared ignoring case."""
        return (
            u
            for u in User.objects.filter(email__iexact=email, is_active=True)
            if u.has_usable_password()
        )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """The reset link leaves through the outbox like every other e-mail (`core.mail`)."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        mail_queue(to=to_email, subject=subject, body=body)


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    pass


class AuditFilterForm(StyledFormMixin, forms.Form):
    person = forms.CharField(label=_("Người thực hiện"), required=False)
    record = forms.CharField(label=_("Bản ghi hoặc thao tác"), required=False)
    date_from = VNDateField(label=_("Từ ngày"), required=False)
    date_to = VNDateField(label=_("Đến ngày"), required=False)


class NotificationSettingsForm(forms.Form):
    """The person's e-mail choice; notifications in the app are always on."""

    notify_by = forms.ChoiceField(
        label=_("Nhận thư điện tử"),
        choices=User.NotifyBy.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input mt-0 flex-shrink-0"}),
    )
