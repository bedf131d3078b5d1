"""Reads of reports, all through the scoping mechanism, and completeness computed from what is
owed rather than from clicks (issue 5, items 3 and 7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Role, User
from lantoa.accounts.selectors import users_with_role
from lantoa.core.dates import local_today
from lantoa.core.numbers import format_percent
from lantoa.core.scoping import ScopedUser, get_in_scope, scope_filter
from lantoa.core.status import Chip, Tone
from lantoa.org.models import Unit
from lantoa.org.selectors import department_of, ward_root_of
from lantoa.plans.models import Plan
from lantoa.plans.selectors import plan_in_force
from lantoa.reporting import content, permissions
from lantoa.reporting.models import Report, ReportingRule, ReportVersion
from lantoa.reporting.periods import ReportingPeriod, periods_of_year

REPORT_PATHS = ("unit__path", "recipient__path")


def _readable(user: ScopedUser) -> QuerySet[Report]:
    """A province officer reads the wards' records but not their unfinished reports: a report
    reaches the Sở when it is first sent (issued), not while it is drafted or awaits signature."""
    reports = Report.objects.all()
    roles = getattr(user, "roles", [])
    if roles and all(a.role == Role.PROVINCE_VIEWER for a in roles):
        reports = reports.exclude(first_submitted_at__isnull=True)
    return reports


def report_list_for(user: ScopedUser) -> QuerySet[Report]:
    """Reports the user may read: of units in scope, or sent to a unit in scope (the Sở)."""
    return scope_filter(_readable(user), user.scope, REPORT_PATHS).select_related(
        "unit", "recipient", "rule"
    )


def report_get_for(user: ScopedUser, pk: int | str) -> Report:
    return get_in_scope(
        _readable(user).select_related("unit", "recipient", "rule", "plan"),
        user.scope,
        REPORT_PATHS,
        pk,
    )


def version_get_for(user: ScopedUser, report_pk: int | str, number: int | str) -> ReportVersion:
    report = report_get_for(user, report_pk)
    try:
        return report.versions.get(number=number)
    except (ReportVersion.DoesNotExist, ValueError):
        raise Http404 from None


def rules_for(user: ScopedUser) -> QuerySet[ReportingRule]:
    """The regimes of the wards the user reads, and of the ward the user's own unit is in (a
    school reads the rule it reports under, not the rest of the ward)."""
    rules = ReportingRule.objects.select_related("owner", "recipient")
    own_wards = [ward_root_of(a.unit).pk for a in getattr(user, "roles", [])]
    in_scope = scope_filter(rules, user.scope, "owner__path").values("pk")
    return rules.filter(Q(pk__in=in_scope) | Q(owner_id__in=own_wards))


def rule_get_for(user: ScopedUser, pk: int | str, *, write: bool = False) -> ReportingRule:
    if write:
        return get_in_scope(
            ReportingRule.objects.select_related("owner", "recipient"),
            user.scope,
            "owner__path",
            pk,
            write=True,
        )
    try:
        return rules_for(user).get(pk=pk)
    except (ReportingRule.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- completeness ----------------------------------------------------------------------------


class Timeliness(models.TextChoices):
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Muộn")
    MISSING = "missing", _("Chưa gửi, quá hạn")
    NOT_DUE = "not_due", _("Chưa đến hạn")
    OPEN = "open", _("Đang trong kỳ")


TIMELINESS_TONES = {
    Timeliness.ON_TIME: Tone.DONE,
    Timeliness.LATE: Tone.DONE_LATE,
    Timeliness.MISSING: Tone.OVERDUE,
    Timeliness.NOT_DUE: Tone.NEUTRAL,
    Timeliness.OPEN: Tone.OPEN,
}


def timeliness_tone(state: str, report_status: str) -> Tone:
    """A report sent back to be corrected is red whenever it was first sent (issue 14: a
    returned report showed green «Đúng hạn · bị trả lại»)."""
    if report_status == Report.Status.RETURNED:
        return Tone.RETURNED
    return TIMELINESS_TONES[Timeliness(state)]


def timeliness(
    end: dt.date, due: dt.date, submitted_at: dt.datetime | None, today: dt.date
) -> tuple[str, int]:
    """Where one owed report stands, and the days late. Days are Asia/Ho_Chi_Minh days: a
    report sent at 23:30 on the due date is on time, at 00:10 the next day one day late."""
    if submitted_at is not None:
        sent = timezone.localdate(submitted_at)
        return (Timeliness.ON_TIME, 0) if sent <= due else (Timeliness.LATE, (sent - due).days)
    if today <= end:
        return Timeliness.OPEN, 0
    if today <= due:
        return Timeliness.NOT_DUE, 0
    return Timeliness.MISSING, (today - due).days


STATUS_NOTES: dict[str, Any] = {
    Report.Status.AWAITING_SIGNATURE: _("chờ ký"),
    Report.Status.RETURNED: _("bị trả lại"),
    Report.Status.SUBMITTED: _("chờ tiếp nhận"),
}


def timeliness_label(state: str, days_late: int, report_status: str) -> str:
    """“Muộn 3 ngày”, “Chưa gửi, quá hạn 70 ngày”, “Đúng hạn · bị trả lại”."""
    text = str(Timeliness(state).label)
    if days_late:
        text = _("%(state)s %(n)s ngày") % {"state": text, "n": days_late}
    if report_status in STATUS_NOTES:
        text = f"{text} · {STATUS_NOTES[report_status]}"
    return text


@dataclass
class GridCell:
    key: ReportingPeriod
    state: str
    days_late: int = 0
    report: int | None = None  # pk, for the link
    report_status: str = ""
    owed: bool = True

    @property
    def label(self) -> str:
        return (
            timeliness_label(self.state, self.days_late, self.report_status) if self.owed else "—"
        )

    @property
    def status_chip(self) -> Chip:
        return Chip(self.label, timeliness_tone(self.state, self.report_status))


@dataclass
class GridRow:
    unit: Unit
    cells: list[GridCell] = field(default_factory=list)


@dataclass
class Grid:
    keys: list[ReportingPeriod]
    rows: list[GridRow]
    totals: dict[str, int]


def completeness(
    rules: list[ReportingRule],
    year: int,
    today: dt.date | None = None,
    reader: ScopedUser | None = None,
) -> Grid:
    """Unit × period grid for rules of one frequency: one row per reporting unit (for ward-level
    rules, per ward), each cell on time / late / missing / not yet due / period running. A
    cell links to its report only when `reader` may open it (a Sở never opens a ward's draft),
    and a row shows only for a unit `reader` reads (issue 12, finding 8)."""
    today = today or local_today()
    if not rules:
        return Grid([], [], {})
    keys = periods_of_year(rules[0].frequency, year)
    reports = {
        (r["unit_id"], r["rule_id"], r["period"]): r
        for r in Report.objects.filter(rule__in=rules, period__in=[str(k) for k in keys]).values(
            "pk", "unit_id", "rule_id", "period", "first_submitted_at", "status"
        )
    }
    readable: set[int] | None = None
    if reader is not None:
        found_ids = [r["pk"] for r in reports.values()]
        readable = set(
            report_list_for(reader).filter(pk__in=found_ids).values_list("pk", flat=True)
        )
    rows: list[GridRow] = []
    totals = {state.value: 0 for state in Timeliness}
    first, last = rules[0].window(keys[0])[0], rules[0].window(keys[-1])[1]
    for rule in rules:
        for unit in reporters_of(rule, first, last):
            if reader is not None and rule.level == rule.Level.UNITS:
                if not reader.scope.can_read(unit):
                    continue  # a school sees its own row, not how the others are doing
            row = GridRow(unit)
            for key in keys:
                start, end = rule.window(key)
                owed = (
                    rule.applies_to(key)
                    and (unit.established_on is None or unit.established_on <= end)
                    and (unit.closed_on is None or unit.closed_on >= start)
                )
                found = reports.get((unit.pk, rule.pk, str(key)))
                state, late = timeliness(
                    end, rule.due(key), found["first_submitted_at"] if found else None, today
                )
                cell = GridCell(key, state, late, owed=owed)
                if found:
                    cell.report_status = found["status"]
                    if readable is None or found["pk"] in readable:
                        cell.report = found["pk"]
                if owed:
                    totals[state] += 1
                row.cells.append(cell)
            rows.append(row)
    return Grid(keys, rows, totals)


def province_rules(department: Unit, frequency: str) -> list[ReportingRule]:
    """The wards' rules that send their reports to this Sở (one per ward)."""
    return list(
        ReportingRule.objects.filter(
            level=ReportingRule.Level.WARD,
            recipient=department,
            frequency=frequency,
            is_active=True,
        )
        .select_related("owner")
        .order_by("owner__name_folded")
    )


@dataclass
class Owed:
    """One report a unit owes (or owed): its rule, period and where it stands."""

    unit: Unit
    rule: ReportingRule
    key: ReportingPeriod
    start: dt.date
    end: dt.date
    due: dt.date
    report: Report | None
    state: str
    days_late: int

    @property
    def status_chip(self) -> Chip:
        """Where the report stands against its deadline, in the one status component."""
        status = self.report.status if self.report else ""
        label = timeliness_label(self.state, self.days_late, status)
        return Chip(label, timeliness_tone(self.state, status))


def owed_by(units: list[Unit], today: dt.date | None = None, back: int = 4) -> list[Owed]:
    """The recent periods each unit owes a report for: the running one and `back` before."""
    today = today or local_today()
    result: list[Owed] = []
    for unit in units:
        ward = ward_root_of(unit)
        for rule in ward.reporting_rules.filter(is_active=True).order_by("level", "frequency"):
            key = ReportingPeriod.containing(rule.frequency, today, rule.cutoff_day)
            for _step in range(back + 1):
                start, end = rule.window(key)
                if not rule.applies_to(key):
                    break
                if unit in reporters_of(rule, start, end):
                    report = Report.objects.filter(unit=unit, rule=rule, period=str(key)).first()
                    state, late = timeliness(
                        end, rule.due(key), report.first_submitted_at if report else None, today
                    )
                    result.append(
                        Owed(unit, rule, key, start, end, rule.due(key), report, state, late)
                    )
                key = key.previous()
    result.sort(key=lambda o: (o.due, o.unit.name_folded), reverse=True)
    return result


@dataclass
class TargetTotal:
    """One target summed over the wards that reported it to the Sở, each ward once."""

    text: str
    wards: int = 0
    numerator: int = 0
    denominator: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> str:
        return format_percent(self.numerator, self.denominator)


def province_targets(department: Unit, year: int) -> tuple[list[TargetTotal], int]:
    """The wards' targets as each ward last reported them to the Sở in the year: for every
    target, each ward's latest reading — one per ward, whichever of its plans and reports it
    came from — summed (numerators, denominators) and counted by status (issue 10, item 2).
    Returns the totals and how many wards they come from."""
    reports = (
        Report.objects.filter(recipient=department, end__year=year)
        .exclude(status=Report.Status.DRAFT)
        .values_list("pk", "unit_id", "end")
    )
    ward_of = {pk: (unit_id, end) for pk, unit_id, end in reports}
    versions = (
        ReportVersion.objects.filter(report_id__in=ward_of)
        .order_by("report_id", "-number")
        .values_list("report_id", "snapshot")
    )
    latest: dict[tuple[str, int], tuple[dt.date, dict[str, Any]]] = {}
    seen: set[int] = set()
    for report_id, snapshot in versions:
        if report_id in seen:  # the latest version of each report only
            continue
        seen.add(report_id)
        ward, end = ward_of[report_id]
        for target in snapshot.get("targets", []):
            key = (" ".join(target["text"].lower().split()), ward)
            if key not in latest or latest[key][0] < end:
                latest[key] = (end, target)
    totals: dict[str, TargetTotal] = {}
    for (text, _ward), (_end, target) in sorted(latest.items(), key=lambda item: item[0]):
        total = totals.setdefault(text, TargetTotal(target["text"]))
        total.wards += 1
        total.numerator += target.get("numerator", 0)
        total.denominator += target.get("denominator", 0)
        total.statuses[target["status"]] = total.statuses.get(target["status"], 0) + 1
    wards = {ward for _text, ward in latest}
    return list(totals.values()), len(wards)


def waiting_for(user: ScopedUser) -> QuerySet[Report]:
    """Submitted reports the user is to accept or return: sent to the ward they coordinate,
    or to the Sở they work for (one query; the home page counts them)."""
    return Report.objects.filter(
        status__in=Report.LIFECYCLE["accept"].sources,
        recipient__path__in=user.scope.home_paths(Role.COORDINATOR, Role.PROVINCE_VIEWER),
    )


def awaiting_signature_for(user: ScopedUser) -> QuerySet[Report]:
    """«Chờ ký»: the ward reports put before this user for signature — of the wards they lead
    (`permissions.is_signer`), read through their scope — the longest waiting first (issue 14,
    item 7). One query; the home page counts them, /reports/?status=awaiting_signature lists
    them."""
    reports = report_list_for(user).filter(
        unit__kind=Unit.Kind.PEOPLE_COMMITTEE,
        status__in=Report.LIFECYCLE["issue"].sources,
    )
    if not user.scope.is_superuser:
        reports = reports.filter(unit__path__in=user.scope.home_paths(Role.LEADER))
    return reports.order_by("updated_at", "pk")


def reporters_of(rule: ReportingRule, start: dt.date, end: dt.date) -> list[Unit]:
    """The units that owe a report under the rule for a window: for the ward level, the ward;
    otherwise its units of the named kinds that existed during the window."""
    if rule.level == ReportingRule.Level.WARD:
        return [rule.owner]
    units = Unit.objects.filter(
        path__startswith=rule.owner.path, kind__in=rule.reporter_kinds
    ).exclude(pk=rule.owner_id)
    return [
        u
        for u in units.order_by("kind", "name_folded")
        if (u.established_on is None or u.established_on <= end)
        and (u.closed_on is None or u.closed_on >= start)
        and (u.is_active or u.closed_on is not None)
    ]


def default_plan(ward: Unit, level: str, on: dt.date) -> Plan | None:
    """The plan a new report is on: the one its regime names, else the ward's plan in force
    on the window's last day; the author may choose another on the report."""
    rule = ReportingRule.objects.filter(
        owner=ward, level=level, is_active=True, plan__isnull=False
    ).first()
    return rule.plan if rule is not None else plan_in_force(ward, on)


def deciders_of(report: Report) -> list[User]:
    if report.recipient.is_ward_root:
        return list(users_with_role([Role.COORDINATOR], within=report.recipient.path))
    return list(users_with_role([Role.PROVINCE_VIEWER], unit=report.recipient))


def signers_of(report: Report) -> list[User]:
    """Who is told a report awaits signature: the leaders of its ward (permissions.is_signer)."""
    if not report.is_ward_report:
        return []
    return list(users_with_role([Role.LEADER], unit=report.unit))


def authors_of(report: Report) -> list[User]:
    """Who is told of a decision: those who write the report (permissions.is_author)."""
    roles = [Role.COORDINATOR] if report.is_ward_report else [Role.UNIT_OFFICER, Role.EDITOR]
    users = users_with_role(roles, within=report.unit.path)
    return [u for u in users if permissions.is_author(u, report)]


def next_number(ward: Unit, year: int) -> str:
    """The next report number of the ward in the year: numbering restarts each 1 January."""
    used = [
        int(n.split("/")[0])
        for n in Report.objects.filter(unit=ward, issued_on__year=year)
        .exclude(number="")
        .values_list("number", flat=True)
        if n.split("/")[0].isdigit()
    ]
    return f"{max(used, default=0) + 1:02d}/BC-{ward.document_symbol}"


def latest_snapshot(report: Report) -> dict[str, Any]:
    """A sent or accepted report prints its last frozen version; a draft, a returned report
    being mended or one awaiting signature prints the record as it is now (what the next
    submission or issue will freeze)."""
    if not report.live:
        version = report.versions.order_by("-number").first()
        if version is not None:
            return version.snapshot
    return content.collect(report)


def report_for_period(unit: Unit, key: Any) -> Report:
    """The unit's report for the period: the saved one if any, else an unsaved draft over the
    rule's window (or the regime's default window when the unit owes no such report)."""
    ward = ward_root_of(unit)
    level = ReportingRule.Level.WARD if unit == ward else ReportingRule.Level.UNITS
    rule = ReportingRule.objects.filter(owner=ward, level=level, frequency=key.frequency).first()
    if rule is not None:
        saved = Report.objects.filter(unit=unit, rule=rule, period=str(key)).first()
        if saved is not None:
            return saved
    start, end = key.window(rule.cutoff_day if rule else 14)
    recipient = (rule.recipient if rule and rule.recipient else None) or (
        department_of(ward) if unit == ward else ward
    )
    report = Report(
        unit=unit,
        recipient=recipient or ward,
        rule=rule,
        period=str(key),
        start=start,
        end=end,
        due=rule.due(key) if rule else None,
        plan=(rule.plan if rule else None) or plan_in_force(ward, end),
    )
    if unit == ward:
        report.take_signer_from_plan()
    return report
