"""Navigation that shows only what exists and what the user may open: at most six top items,
grouped menus for the rest, and the phone's bottom bar (issue 2, item 8; issue 14, item 2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.selectors import can_view_audit, unread_count_for
from lantoa.core.undo import take_undo

Entry = tuple[Any, str, tuple[str, ...]]  # label, URL name, the paths it covers


@dataclass(frozen=True)
class NavItem:
    label: Any
    url: str
    active: bool
    icon: str = ""
    children: list[NavItem] = field(default_factory=list)


def _groups(user: Any) -> list[tuple[Any, str, list[Entry]]]:
    """The top items in order, each (label, icon, entries); a group of one is a plain link."""
    manage: list[Entry] = [
        (_("Đơn vị"), "org:unit_list", ("/org/units/",)),
        (_("Cán bộ"), "org:person_list", ("/org/people/",)),
    ]
    if user.scope.write_paths or user.is_superuser:
        manage += [
            (_("Nhập danh sách"), "org:roster_import", ("/org/people/import/",)),
            (_("Yêu cầu về dữ liệu cá nhân"), "org:data_requests", ("/org/data-requests/",)),
        ]
    if can_view_audit(user):
        manage.append((_("Nhật ký"), "accounts:audit", ("/accounts/audit/",)))
    if user.is_superuser:
        manage.append((_("Quản trị"), "admin:index", ("/admin/",)))
    return [
        (_("Trang chủ"), "home", [(_("Trang chủ"), "web:home", ("/",))]),
        (
            _("Nhiệm vụ"),
            "tasks",
            [
                (_("Nhiệm vụ"), "plans:task_list", ("/plans/tasks/", "/plans/periods/")),
                (_("Kế hoạch"), "plans:list", ("/plans/",)),
            ],
        ),
        (_("Hoạt động"), "activities", [(_("Hoạt động"), "activities:list", ("/activities/",))]),
        (_("Báo cáo"), "reports", [(_("Báo cáo"), "reporting:index", ("/reports/",))]),
        (_("Điều hành"), "dashboard", [(_("Điều hành"), "web:dashboard", ("/dashboard/",))]),
        (_("Quản lý"), "manage", manage),
    ]


def _active_entry(path: str, entries: list[Entry]) -> str | None:
    """The URL name of the most specific entry covering `path` ("Nhập danh sách" over "Cán
    bộ", "Nhiệm vụ" over "Kế hoạch")."""
    best: tuple[int, str] | None = None
    for _label, name, prefixes in entries:
        for prefix in prefixes:
            if path == prefix if prefix == "/" else path.startswith(prefix):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), name)
    return best[1] if best else None


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "bottom_items": [], "unread_count": 0}
    groups = _groups(user)
    active = _active_entry(request.path, [e for _l, _i, entries in groups for e in entries])
    items = []
    for label, icon, entries in groups:
        children = [NavItem(lbl, reverse(name), name == active) for lbl, name, _p in entries]
        if len(children) == 1:
            items.append(NavItem(label, children[0].url, children[0].active, icon))
        else:
            items.append(NavItem(label, "", any(c.active for c in children), icon, children))
    bottom = [
        NavItem(item.label, item.url or item.children[0].url, item.active, item.icon)
        for item in items
        if item.icon in ("home", "tasks", "activities", "reports")
    ]
    return {"nav_items": items, "bottom_items": bottom, "unread_count": unread_count_for(user)}


def undo(request: HttpRequest) -> dict[str, Any]:
    """The «Hoàn tác» offered by the action just done, shown once (core.undo)."""
    return {"undo": take_undo(request)}
