"""«Việc của tôi»: what waits for this person or their unit, nearest deadline first, each one
tap from done, and the two or three actions they take most (issue 14, item 1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.accounts.models import Role, User
from lantoa.activities.models import ActivityKind
from lantoa.activities.selectors import invitations_for, kinds_for
from lantoa.core.dates import local_today
from lantoa.org.selectors import unit_list_for
from lantoa.plans.models import TaskOccurrence
from lantoa.plans.selectors import (
    BucketCount,
    PeriodFilters,
    period_buckets_for,
    period_list_for,
)
from lantoa.reporting import permissions as report_permissions
from lantoa.reporting import selectors as report_selectors
from lantoa.reporting.models import Report
from lantoa.reporting.periods import Frequency

Bucket = TaskOccurrence.Bucket
SOON_DAYS = 14  # "sắp đến hạn": due within two weeks
REPORT_AHEAD_DAYS = 21  # a running period's report shows three weeks before it is due
PERIODS_SHOWN = 6


@dataclass(frozen=True)
class Action:
    label: str
    url: str
    icon: str
    testid: str


@dataclass(frozen=True)
class CountLink:
    """A count and the list of exactly those rows."""

    count: int
    url: str


@dataclass
class MyWork:
    actions: list[Action] = field(default_factory=list)
    overdue: CountLink | None = None
    due_soon: CountLink | None = None
    periods: list[TaskOccurrence] = field(default_factory=list)
    reports: list[report_selectors.Owed] = field(default_factory=list)
    signs: bool = False  # a leader: «Chờ ký» shows even when nothing waits
    to_sign: list[Report] = field(default_factory=list)
    summary: list[BucketCount] = field(default_factory=list)  # a leader's four buckets
    invitations: CountLink | None = None
    province_grids: list[tuple[Any, report_selectors.Grid]] = field(default_factory=list)
    today: dt.date = field(default_factory=local_today)

    @property
    def nothing_waits(self) -> bool:
        return not (
            (self.overdue and self.overdue.count)
            or (self.due_soon and self.due_soon.count)
            or self.reports
            or self.to_sign
            or (self.invitations and self.invitations.count)
        )


def my_work_for(user: User) -> MyWork:
    """The home page's work list for `user`, read through the usual scoped selectors."""
    work = MyWork()
    work.actions = _actions(user)
    overdue = PeriodFilters(bucket=Bucket.OPEN_OVERDUE)
    soon = PeriodFilters(
        bucket=Bucket.OPEN_IN_TIME, due_to=work.today + dt.timedelta(days=SOON_DAYS)
    )
    overdue_rows = period_list_for(user, overdue)
    soon_rows = period_list_for(user, soon)
    work.overdue = CountLink(overdue_rows.count(), overdue.url())
    work.due_soon = CountLink(soon_rows.count(), soon.url())
    if user.has_role(Role.PROVINCE_VIEWER):
        # the Sở follows its wards' reports, not their task lists: the grid, and the counts
        work.province_grids = _province_grids(user, work.today.year)
    else:
        work.periods = list(overdue_rows[:PERIODS_SHOWN])
        work.periods += list(soon_rows[: max(0, PERIODS_SHOWN - len(work.periods))])
    work.reports = _reports_to_send(user, work.today)
    work.signs = user.has_role(Role.LEADER)
    work.to_sign = list(report_selectors.awaiting_signature_for(user)) if work.signs else []
    if work.signs:
        work.summary = period_buckets_for(user, PeriodFilters())
    pending = invitations_for(user).count()
    work.invitations = CountLink(pending, reverse("activities:invitations"))
    return work


def _actions(user: User) -> list[Action]:
    """The large buttons: record an activity (and a briefing straight away), report a task
    done, send a report — each only where the user may do it."""
    actions: list[Action] = []
    organiser = unit_list_for(user, write=True).first()
    if organiser is not None:
        briefing = kinds_for(organiser).filter(category=ActivityKind.Category.BRIEFING).first()
        if briefing is not None:
            actions.append(
                Action(
                    _("+ Ghi buổi phổ biến, quán triệt"),
                    f"{reverse('activities:create')}?kind={briefing.pk}",
                    "",
                    "quick-briefing",
                )
            )
        actions.append(
            Action(_("+ Ghi hoạt động"), reverse("activities:create"), "", "quick-activity")
        )
        actions.append(
            Action(
                _("Báo hoàn thành nhiệm vụ"),
                PeriodFilters(bucket=Bucket.OPEN_OVERDUE).url(),
                "check",
                "quick-report-task",
            )
        )
    if report_permissions.author_units(user):
        actions.append(
            Action(_("Gửi báo cáo"), reverse("reporting:index"), "reports", "quick-report")
        )
    return actions


def _reports_to_send(user: User, today: dt.date) -> list[report_selectors.Owed]:
    """Reports the user's units still have to write or send: overdue, due now, due within
    three weeks, or sent and returned to be corrected; the nearest deadline first."""
    units = report_permissions.author_units(user)
    if not units:
        return []
    waiting: list[report_selectors.Owed] = []
    for owed in report_selectors.owed_by(units, today, back=1):
        if owed.report is not None and not owed.report.editable:
            continue
        running = owed.state == report_selectors.Timeliness.OPEN
        if running and (owed.due - today).days > REPORT_AHEAD_DAYS:
            continue
        waiting.append(owed)
    return sorted(waiting, key=lambda o: (o.due, o.unit.name_folded))


def _province_grids(user: User, year: int) -> list[tuple[Any, report_selectors.Grid]]:
    """The Sở's wards × this year's quarters: who sent, who is late (the province page's grid)."""
    departments = [a.unit for a in user.roles if a.role == Role.PROVINCE_VIEWER]
    grids = []
    for department in departments:
        rules = report_selectors.province_rules(department, Frequency.QUARTERLY)
        if rules:
            grids.append((department, report_selectors.completeness(rules, year, reader=user)))
    return grids
