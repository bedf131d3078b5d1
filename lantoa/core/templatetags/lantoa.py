"""Template filters for Vietnamese display: `{{ value|vndate }}` → dd/mm/yyyy."""

import datetime as dt

from django import template

from lantoa.core.dates import format_vn_date
from lantoa.core.numbers import format_number

register = template.Library()


@register.filter
def vndate(value: object) -> str:
    """A date, datetime or ISO date string as dd/mm/yyyy (Asia/Ho_Chi_Minh); "" when empty."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
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
