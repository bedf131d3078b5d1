"""What the home page tells each user needs their attention (issue 2, item 8)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lantoa.accounts.models import Notification, User
from lantoa.org.models import Person, RosterImport
from lantoa.org.selectors import ROSTERED_KINDS, person_list_for, unit_list_for
from lantoa.plans.models import TaskOccurrence
from lantoa.plans.selectors import PeriodFilters, period_buckets_for
from lantoa.reporting.selectors import waiting_for


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
    counts = person_list_for(user).order_by().values("staff_category").annotate(n=Count("pk"))
    labels = dict(Person.StaffCategory.choices)
    summary.by_category = sorted(
        ((str(labels.get(c["staff_category"], c["staff_category"])), c["n"]) for c in counts),
        key=lambda item: -item[1],
    )
    summary.people = sum(n for _label, n in summary.by_category)

    empty = [u for u in unit_rows if u["kind"] in ROSTERED_KINDS and not u["active_people"]]
    if empty:
        summary.attention.append(
            AttentionItem(
                ngettext(
                    "%(n)s đơn vị chưa có danh sách cán bộ",
                    "%(n)s đơn vị chưa có danh sách cán bộ",
                    len(empty),
                )
                % {"n": len(empty)},
                reverse("org:unit_list") + "?missing=roster",
                len(empty),
            )
        )
    headless = [u for u in unit_rows if u["kind"] in ROSTERED_KINDS and not u["head_id"]]
    if headless:
        summary.attention.append(
            AttentionItem(
                ngettext(
                    "%(n)s đơn vị chưa ghi thủ trưởng đơn vị",
                    "%(n)s đơn vị chưa ghi thủ trưởng đơn vị",
                    len(headless),
                )
                % {"n": len(headless)},
                reverse("org:unit_list") + "?missing=head",
                len(headless),
            )
        )
    no_contact = person_list_for(user, missing_contact=True).count()
    if no_contact:
        summary.attention.append(
            AttentionItem(
                ngettext(
                    "%(n)s người chưa có điện thoại hay thư điện tử để nhận nhắc việc",
                    "%(n)s người chưa có điện thoại hay thư điện tử để nhận nhắc việc",
                    no_contact,
                )
                % {"n": no_contact},
                reverse("org:person_list") + "?missing=contact",
                no_contact,
            )
        )
    overdue = next(
        b
        for b in period_buckets_for(user, PeriodFilters())
        if b.bucket == TaskOccurrence.Bucket.OPEN_OVERDUE
    )
    if overdue.count:
        summary.attention.append(
            AttentionItem(
                ngettext(
                    "%(n)s kỳ nhiệm vụ đã quá hạn mà chưa báo kết quả",
                    "%(n)s kỳ nhiệm vụ đã quá hạn mà chưa báo kết quả",
                    overdue.count,
                )
                % {"n": overdue.count},
                overdue.url,
                overdue.count,
            )
        )
    waiting = waiting_for(user).count()
    if waiting:
        summary.attention.append(
            AttentionItem(
                ngettext(
                    "%(n)s báo cáo đã gửi đến, chờ tiếp nhận",
                    "%(n)s báo cáo đã gửi đến, chờ tiếp nhận",
                    waiting,
                )
                % {"n": waiting},
                reverse("reporting:index"),
                waiting,
            )
        )
    summary.notifications = list(
        Notification.objects.filter(user=user, read_at__isnull=True).order_by("-created_at")[:10]
    )
    latest = RosterImport.objects.filter(uploaded_by=user).order_by("-created_at", "-id")[:1]
    for job in latest:
        if job.status != RosterImport.Status.FAILED:
            continue
        summary.attention.append(
            AttentionItem(
                _("Lần nhập danh sách «%(name)s» có lỗi, chưa lưu gì")
                % {"name": job.original_name},
                job.get_absolute_url(),
                len(job.errors),
            )
        )
    return summary
