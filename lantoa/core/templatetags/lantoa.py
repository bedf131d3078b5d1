"""Template filters for Vietnamese display: `{{ value|vndate }}` → dd/mm/yyyy."""

import datetime as dt
from typing import Any

from django import template
from django.utils.translation import gettext as _

from lantoa.core import icons
from lantoa.core.dates import format_vn_date
from lantoa.core.filters import filter_chips
from lantoa.core.numbers import format_number
from lantoa.core.status import Chip, render_chip

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


@register.simple_tag(name="icon")
def icon_tag(name: str, size: int = 20) -> str:
    """`{% icon "home" %}`: an inline line icon beside a label (core.icons)."""
    return icons.icon(name, size)


@register.simple_tag(name="status")
def status_tag(chip: object) -> str:
    """`{% status report.status_chip %}`: the one status component (core.status)."""
    return render_chip(chip if isinstance(chip, Chip) else None)


@register.inclusion_tag("web/_filters.html", takes_context=True)
def filters(context: dict[str, Any], form: Any, testid: str = "filters") -> dict[str, Any]:
    """`{% filters form %}`: a list's filters behind «Bộ lọc (n)» with chips (core.filters)."""
    chips = filter_chips(form, context["request"].GET)
    return {"form": form, "chips": chips, "testid": testid, "open": bool(form.errors)}
