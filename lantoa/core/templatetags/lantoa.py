"""Template filters for Vietnamese display: `{{ value|vndate }}` → dd/mm/yyyy."""

import datetime as dt

from django import template
from django.utils.translation import gettext as _

from lantoa.core.dates import format_vn_date
from lantoa.core.numbers import format_number

register = template.Library()


@register.filter
def vndate(value: object) -> str:
    """A date, datetime or ISO date string as dd/mm/yyyy (Asia/Ho_Chi_Minh); "" when empty."""
    if isinstance(value, str):
        try:
            return format_vn_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, dt.date | dt.datetime):
        return format_vn_date(value)
    return ""


@register.filter
def vnnumber(value: object) -> str:
    """1234567 → 1.234.567."""
    try:
        return format_number(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return str(value)


@register.filter
def account(user: object) -> str:
    """Who did something: the account's full name (or username); a deleted account — its
    foreign key set to NULL — reads "(tài khoản đã xóa)" instead of failing the page."""
    if user is None:
        return str(_("(tài khoản đã xóa)"))
    return getattr(user, "full_name", "") or getattr(user, "username", "") or str(user)
