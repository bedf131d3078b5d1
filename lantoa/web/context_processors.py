"""Navigation that shows only what exists and what the user may open (issue 2, item 8)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.selectors import can_view_audit
from lantoa.core.undo import take_undo


@dataclass(frozen=True)
class NavItem:
    label: Any
    url: str
    active: bool


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    entries: list[tuple[Any, str, str | tuple[str, ...]]] = [
        (_("Trang chủ"), "web:home", "/"),
        (_("Điều hành"), "web:dashboard", "/dashboard/"),
        (_("Kế hoạch"), "plans:list", "/plans/"),
        (_("Nhiệm vụ"), "plans:task_list", ("/plans/tasks/", "/plans/periods/")),
        (_("Hoạt động"), "activities:list", "/activities/"),
        (_("Báo cáo"), "reporting:index", "/reports/"),
        (_("Đơn vị"), "org:unit_list", "/org/units/"),
        (_("Cán bộ"), "org:person_list", "/org/people/"),
    ]
    if user.scope.write_paths or user.is_superuser:
        entries.append((_("Nhập danh sách"), "org:roster_import", "/org/people/import/"))
    if can_view_audit(user):
        entries.append((_("Nhật ký"), "accounts:audit", "/accounts/audit/"))
    if user.is_superuser:
        entries.append((_("Quản trị"), "admin:index", "/admin/"))
    path = request.path
    matched: dict[int, int] = {}
    for index, (_label, _name, prefixes) in enumerate(entries):
        prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
        lengths = [len(p) for p in prefixes if (path == p if p == "/" else path.startswith(p))]
        if lengths:
            matched[index] = max(lengths)
    # the most specific entry wins ("Nhập danh sách" over "Cán bộ", "Nhiệm vụ" over "Kế hoạch")
    active = max(matched, key=lambda i: matched[i]) if matched else None
    items = [
        NavItem(label, reverse(name), index == active)
        for index, (label, name, _prefixes) in enumerate(entries)
    ]
    return {"nav_items": items}


def undo(request: HttpRequest) -> dict[str, Any]:
    """The «Hoàn tác» offered by the action just done, shown once (core.undo)."""
    return {"undo": take_undo(request)}
