"""What the home page tells each user needs their attention (issue 2, item 8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from lantoa.accounts.models import Notification, User
from lantoa.org.models import Person, RosterImport
from lantoa.org.selectors import ROSTERED_KINDS, person_list_for, unit_list_for
from lantoa.reporting.selectors import waiting_for

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as StrPromise


@dataclass
class AttentionItem:
    text: str
    url: str
    count: int


@dataclass
class HomeSummary:
    units: int = 0
    people: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    attention: list[AttentionItem] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)


def home_summary_for(user: User) -> HomeSummary:
    """Counts of the user's scope and what is missing in it; a handful of queries."""
    summary = HomeSummary()
    units = unit_list_for(user).annotate(
        active_people=Count("people", filter=Q(people__active_to__isnull=True))
    )
    unit_rows = list(units.values("pk", "kind", "head_id", "active_people"))
    summary.units = len(unit_rows)
    summary.by_category = _people_by_category(user)
    summary.people = sum(n for _label, n in summary.by_category)
    summary.attention = [
        AttentionItem(message % {"n": count}, url, count)
        for message, count, url in _attention_counts(user, unit_rows)
        if count
    ]
    summary.notifications = list(
        Notification.objects.filter(user=user, read_at__isnull=True).order_by("-created_at")[:10]
    )
    summary.attention += _failed_roster_import(user)
    return summary


def _people_by_category(user: User) -> list[tuple[str, int]]:
    """The people in the user's scope per staff category, the largest first."""
    counts = person_list_for(user).order_by().values("staff_category").annotate(n=Count("pk"))
    labels = dict(Person.StaffCategory.choices)
    return sorted(
        ((str(labels.get(c["staff_category"], c["staff_category"])), c["n"]) for c in counts),
        key=lambda item: -item[1],
    )


def _attention_counts(
    user: User, unit_rows: Sequence[Mapping[str, Any]]
) -> list[tuple[StrPromise, int, str]]:
    """What the home page counts as missing, in order: (message keyed on n, count, list url).
    Overdue task periods are counted once, in `web.my_work`. The roster's gaps show only to
    who can fill them: a leader or the Sở reads the roster, it does not keep it (issue 14)."""
    waiting = (
        ngettext_lazy(
            "%(n)s báo cáo đã gửi đến, chờ tiếp nhận",
            "%(n)s báo cáo đã gửi đến, chờ tiếp nhận",
            "n",
        ),
        waiting_for(user).count(),
        reverse("reporting:index"),
    )
    if not (user.scope.write_paths or user.is_superuser):
        return [waiting]
    rostered = [u for u in unit_rows if u["kind"] in ROSTERED_KINDS]
    return [
        (
            ngettext_lazy(
                "%(n)s đơn vị chưa có danh sách cán bộ",
                "%(n)s đơn vị chưa có danh sách cán bộ",
                "n",
            ),
            sum(1 for u in rostered if not u["active_people"]),
            reverse("org:unit_list") + "?missing=roster",
        ),
        (
            ngettext_lazy(
                "%(n)s đơn vị chưa ghi thủ trưởng đơn vị",
                "%(n)s đơn vị chưa ghi thủ trưởng đơn vị",
                "n",
            ),
            sum(1 for u in rostered if not u["head_id"]),
            reverse("org:unit_list") + "?missing=head",
        ),
        (
            ngettext_lazy(
                "%(n)s người chưa có điện thoại hay thư điện tử để nhận nhắc việc",
                "%(n)s người chưa có điện thoại hay thư điện tử để nhận nhắc việc",
                "n",
            ),
            person_list_for(user, missing_contact=True).count(),
            reverse("org:person_list") + "?missing=contact",
        ),
        waiting,
    ]


def _failed_roster_import(user: User) -> list[AttentionItem]:
    """The user's latest roster import, if it failed (nothing of it was saved)."""
    latest = RosterImport.objects.filter(uploaded_by=user).order_by("-created_at", "-id")[:1]
    return [
        AttentionItem(
            _("Lần nhập danh sách «%(name)s» có lỗi, chưa lưu gì") % {"name": job.original_name},
            job.get_absolute_url(),
            len(job.errors),
        )
        for job in latest
        if job.status == RosterImport.Status.FAILED
    ]
