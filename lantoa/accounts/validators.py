"""Password rules beyond Django's (issue 12, item 3)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.core.text import fold

MIN_DETAIL = 4  # shorter parts ("Thị", "An") would refuse half of all passwords


def _squeezed(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


class PersonalDetailValidator:
    """No password holding the account's username, the part of its e-mail before "@" or a
    word of the person's name, however cased or accented: "victim3victim3" for victim3.
    Django's similarity check compares whole strings and let that one through."""

    def validate(self, password: str, user: Any = None) -> None:
        if user is None:
            return
        squeezed = _squeezed(password)
        name_words = f"{getattr(user, 'full_name', '')} {user.first_name} {user.last_name}"
        details = [user.username, (user.email or "").split("@")[0], *name_words.split()]
        for detail in details:
            part = _squeezed(detail or "")
            if len(part) >= MIN_DETAIL and part in squeezed:
                raise ValidationError(
                    _(
                        "Mật khẩu chứa tên đăng nhập, họ tên hoặc địa chỉ thư điện tử của bạn nên "
                        "dễ đoán. Hãy chọn một cụm từ khác, không liên quan đến tên."
                    ),
                    code="password_has_personal_detail",
                )

    def get_help_text(self) -> str:
        return _("Mật khẩu không được chứa tên đăng nhập, họ tên hay thư điện tử của bạn.")
