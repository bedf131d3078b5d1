"""Each target's value, status and projection computed from the record at a date (issue 4;
T1–T6). Nothing here is stored: the same call on the same record gives the same number.

Rules every kind follows (docs/decisions.md, "Indicators"):
- the window is the target's phase (else the plan's years), from 1 January of its first year to
  31 December of its last, evaluated at `at` (today by default);
- "about the plan" means an activity linked to the plan or to a plan derived from it, or to one
  of their task periods;
- denominators are dated: the people posted, and the units existing, on the evaluation date;
- `within` narrows everything to one unit's subtree (a school's own dashboard).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.activities.models import Activity, Attendance
from lantoa.activities.selectors import about_plans, in_subtree
from lantoa.core.dates import format_vn_date, local_today, months_between
from lantoa.core.numbers import HUNDRED, format_number, percent
from lantoa.indicators.models import Indicator, ManualValue
from lantoa.org.models import Posting, Unit
from lantoa.plans.models import Plan, Target, TaskOccurrence
from lantoa.plans.selectors import plan_family_ids

AT_RISK_SHARE = Decimal("0.8")  # a projection within 80% of the goal is "at risk", below is "not"


class Status:
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    NOT_ACHIEVED = "not_achieved"
    NOT_STARTED = "not_started"
    NO_DATA = "no_data"

    LABELS = {
        ACHIEVED: gettext_lazy("Đạt"),
        ON_TRACK: gettext_lazy("Đúng tiến độ"),
        AT_RISK: gettext_lazy("Có nguy cơ"),
        NOT_ACHIEVED: gettext_lazy("Chưa đạt"),
        NOT_STARTED: gettext_lazy("Chưa đến giai đoạn"),
        NO_DATA: gettext_lazy("Chưa có số liệu"),
    }
    BADGES = {
        ACHIEVED: "success",
        ON_TRACK: "primary",
        AT_RISK: "warning",
        NOT_ACHIEVED: "danger",
        NOT_STARTED: "secondary",
        NO_DATA: "secondary",
    }


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    at: dt.date

    @property
    def started(self) -> bool:
        return self.at >= self.start

    @property
    def ended(self) -> bool:
        return self.at >= self.end

    @property
    def elapsed(self) -> Decimal:
        """Share of the window gone by at `at`, between 0 and 1."""
        total = (self.end - self.start).days + 1
        gone = min(total, max(0, (self.at - self.start).days + 1))
        return Decimal(gone) / Decimal(total)


@dataclass
class Reading:
    target: Target
    kind: str
    numerator: int
    denominator: int
    goal: Decimal
    window: Window
    percent: Decimal | None = None
    projection: Decimal | None = None
    status: str = Status.NO_DATA
    missing_count: int = 0
    actual_text: str = ""
    goal_text: str = ""

    @property
    def status_label(self) -> str:
        return str(Status.LABELS[self.status])

    @property
    def badge(self) -> str:
        return Status.BADGES[self.status]


@dataclass
class DrillRow:
    """One line of a drill-down: what it is, where it belongs, when, and a link."""

    label: str
    group: str = ""
    date: dt.date | None = None
    url: str = ""
    detail: str = ""


@dataclass
class Drilldown:
    records_title: str
    missing_title: str
    records: list[DrillRow] = field(default_factory=list)
    missing: list[DrillRow] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    indicator: Indicator
    target: Target
    plan: Plan
    plan_ids: tuple[int, ...]
    base_path: str
    window: Window

    @property
    def params(self) -> dict[str, Any]:
        return self.indicator.params


def base_unit_of(plan: Plan) -> Unit:
    """Whose people and units a plan's targets count: the issuing ward (or school)."""
    from lantoa.org.selectors import ward_root_of

    issuer = plan.issuer
    return issuer if issuer.kind == Unit.Kind.SCHOOL else ward_root_of(issuer)


def window_of(target: Target, at: dt.date) -> Window:
    phase, plan = target.phase, target.plan
    first = (phase and phase.start_year) or plan.start_year or (plan.date or at).year
    last = (phase and phase.end_year) or plan.end_year or first
    start, end = dt.date(first, 1, 1), dt.date(last, 12, 31)
    return Window(start=start, end=end, at=min(at, end))


def make_context(
    indicator: Indicator,
    *,
    at: dt.date | None = None,
    within: Unit | None = None,
    plan_ids: tuple[int, ...] | None = None,
    base: Unit | None = None,
) -> Context:
    target = indicator.target
    plan = target.plan
    base = base or base_unit_of(plan)
    base_path = (
        within.path if within is not None and within.path.startswith(base.path) else base.path
    )
    return Context(
        indicator=indicator,
        target=target,
        plan=plan,
        plan_ids=plan_ids or plan_family_ids(plan),
        base_path=base_path,
        window=window_of(target, at or local_today()),
    )


def read(indicator: Indicator, **context: Any) -> Reading:
    """The indicator's value, status and projection (and how many are missing)."""
    ctx = make_context(indicator, **context)
    if not ctx.window.started:  # nothing counts before the phase: no need to ask the database
        return Reading(
            target=ctx.target,
            kind=indicator.kind,
            numerator=0,
            denominator=0,
            goal=_goal(ctx.target),
            window=ctx.window,
            status=Status.NOT_STARTED,
            actual_text=_("Giai đoạn bắt đầu từ %(d)s") % {"d": format_vn_date(ctx.window.start)},
        )
    return KINDS[indicator.kind].read(ctx)


def drill(indicator: Indicator, **context: Any) -> Drilldown:
    """The records behind the number, and what is missing."""
    ctx = make_context(indicator, **context)
    if not ctx.window.started:
        return Drilldown(
            records_title=_("Chưa đến giai đoạn"), missing_title=_("Chưa đến giai đoạn")
        )
    return KINDS[indicator.kind].drill(ctx)


# --- shared pieces ---------------------------------------------------------------------------


def _goal(target: Target, default: int = 100) -> Decimal:
    return Decimal(target.value) if target.value is not None else Decimal(default)


def _fmt(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    return format_number(value)


def _grade(projection: Decimal, goal: Decimal) -> str:
    if projection >= goal:
        return Status.ON_TRACK
    if projection >= goal * AT_RISK_SHARE:
        return Status.AT_RISK
    return Status.NOT_ACHIEVED


def _share_reading(ctx: Context, kind: str, done: int, total: int, text: str) -> Reading:
    """A "done of total" reading (coverage, unit share) with its words and cumulative status;
    `text` takes n, d and p (the percentage)."""
    reading = Reading(
        target=ctx.target,
        kind=kind,
        numerator=done,
        denominator=total,
        goal=_goal(ctx.target),
        window=ctx.window,
        percent=percent(done, total),
        missing_count=total - done,
    )
    reading.actual_text = text % {"n": _fmt(done), "d": _fmt(total), "p": _fmt(reading.percent)}
    reading.goal_text = f"{_fmt(reading.goal)}%"
    return _cumulative_status(reading)


def _cumulative_status(reading: Reading) -> Reading:
    """Coverage, unit share, manual: reached is reached; otherwise project the pace so far.
    (A phase that has not started never gets here: `read` answers it without a query.)"""
    w, goal = reading.window, reading.goal
    if reading.percent is None:
        reading.status = Status.NO_DATA
    elif reading.percent >= goal:
        reading.status = Status.ACHIEVED
        reading.projection = reading.percent
    else:
        reading.projection = min(HUNDRED, (reading.percent / w.elapsed)).quantize(Decimal("0.1"))
        reading.status = Status.NOT_ACHIEVED if w.ended else _grade(reading.projection, goal)
    return reading


def _sustained_status(reading: Reading, best_case: Decimal | None) -> Reading:
    """Continuity, count per year, timeliness: every period must hold until the end."""
    w, goal = reading.window, reading.goal
    reading.projection = best_case
    if reading.percent is None:
        reading.status = Status.NO_DATA if best_case is None else _grade(best_case, goal)
    elif w.ended:
        reading.status = Status.ACHIEVED if reading.percent >= goal else Status.NOT_ACHIEVED
    else:
        reading.status = _grade(best_case if best_case is not None else reading.percent, goal)
    return reading


def qualifying_activities(ctx: Context) -> QuerySet[Activity]:
    """Activities of the indicator's categories about the plan, by units within the base, in
    the window up to `at` (each once, however many co-organisers)."""
    return Activity.objects.filter(
        about_plans(ctx.plan_ids),
        in_subtree(ctx.base_path),
        kind__category__in=ctx.params["activity_categories"],
        date__gte=ctx.window.start,
        date__lte=ctx.window.at,
    )


# --- coverage (T1, T5) ------------------------------------------------------------------------


class Coverage:
    @staticmethod
    def eligible(ctx: Context) -> QuerySet[Posting]:
        """Postings that put a person of the counted groups in a counted unit on `at`. The
        units are looked up first, so the postings are found through their unit index."""
        units = list(Unit.objects.filter(path__startswith=ctx.base_path).values_list("pk", "kind"))
        groups = Q(pk__in=[])
        for group in ctx.params["groups"]:
            ids = [pk for pk, kind in units if kind in group["unit_kinds"]]
            groups |= Q(unit_id__in=ids, staff_category__in=group["staff_categories"])
        at = ctx.window.at
        return Posting.objects.filter(groups, Q(end__isnull=True) | Q(end__gte=at), start__lte=at)

    @staticmethod
    def attended(ctx: Context) -> Exists:
        activity_ids = qualifying_activities(ctx).values("pk")
        return Exists(
            Attendance.objects.filter(person_id=OuterRef("person_id"), activity_id__in=activity_ids)
        )

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        eligible = cls.eligible(ctx).values("person_id").order_by().distinct()
        # Two counts rather than COUNT(...) FILTER (WHERE EXISTS ...): PostgreSQL runs that
        # EXISTS once per posting, a semi-join runs it once (docs/performance.md).
        counts = {
            "total": eligible.count(),
            "briefed": eligible.filter(cls.attended(ctx)).count(),
        }
        return _share_reading(
            ctx,
            Indicator.Kind.COVERAGE,
            counts["briefed"],
            counts["total"],
            _("%(n)s/%(d)s người (%(p)s%%)"),
        )

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        eligible = (
            cls.eligible(ctx)
            .select_related("person", "unit")
            .order_by("unit__path", "person__name_folded")
        )
        first_dates = dict(
            Attendance.objects.filter(
                person_id__in=eligible.values("person_id"),
                activity_id__in=qualifying_activities(ctx).values("pk"),
            )
            .values("person_id")
            .annotate(first=Min("activity__date"))
            .values_list("person_id", "first")
        )
        result = Drilldown(
            records_title=_("Đã được phổ biến, tham dự"),
            missing_title=_("Chưa được phổ biến, tham dự (theo đơn vị)"),
        )
        seen: set[int] = set()
        for posting in eligible:
            if posting.person_id in seen:
                continue
            seen.add(posting.person_id)
            row = DrillRow(
                label=posting.person.full_name,
                group=posting.unit.name,
                date=first_dates.get(posting.person_id),
                url=posting.person.get_absolute_url(),
                detail=posting.get_staff_category_display(),
            )
            (result.records if posting.person_id in first_dates else result.missing).append(row)
        return result


# --- unit share (T2) --------------------------------------------------------------------------


class UnitShare:
    @staticmethod
    def units(ctx: Context) -> QuerySet[Unit]:
        """Units of the counted kinds that exist on `at`."""
        at = ctx.window.at
        return Unit.objects.filter(
            Q(established_on__isnull=True) | Q(established_on__lte=at),
            Q(closed_on__isnull=True) | Q(closed_on__gt=at),
            Q(is_active=True) | Q(closed_on__isnull=False),
            path__startswith=ctx.base_path,
            kind__in=ctx.params["unit_kinds"],
        )

    @staticmethod
    def child_plans(ctx: Context) -> QuerySet[Plan]:
        return Plan.objects.filter(
            Q(date__isnull=True) | Q(date__lte=ctx.window.at),
            parent_id__in=ctx.plan_ids,
            status__in=[Plan.Status.ISSUED, Plan.Status.SUPERSEDED],
        )

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        has_plan = Exists(cls.child_plans(ctx).filter(issuer__path__startswith=OuterRef("path")))
        counts = cls.units(ctx).aggregate(total=Count("pk"), done=Count("pk", filter=Q(has_plan)))
        return _share_reading(
            ctx,
            Indicator.Kind.UNIT_SHARE,
            counts["done"],
            counts["total"],
            _("%(n)s/%(d)s đơn vị (%(p)s%%)"),
        )

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        plans_by_unit: dict[str, Plan] = {}
        for plan in cls.child_plans(ctx).select_related("issuer").order_by("date", "pk"):
            plans_by_unit.setdefault(plan.issuer.path, plan)
        result = Drilldown(
            records_title=_("Đơn vị đã có kế hoạch"),
            missing_title=_("Đơn vị chưa có kế hoạch"),
        )
        for unit in cls.units(ctx).order_by("name_folded"):
            plan = next(
                (p for path, p in plans_by_unit.items() if path.startswith(unit.path)), None
            )
            if plan is None:
                result.missing.append(DrillRow(label=unit.name, url=unit.get_absolute_url()))
            else:
                result.records.append(
                    DrillRow(
                        label=unit.name,
                        date=plan.date,
                        url=plan.get_absolute_url(),
                        detail=str(plan),
                    )
                )
        return result


# --- continuity (T3) and count per year (T4) --------------------------------------------------


class Continuity:
    @staticmethod
    def first_day(ctx: Context) -> dt.date:
        """Months count from the later of the phase's start and the plan's issue."""
        issued = ctx.plan.date or ctx.window.start
        return max(ctx.window.start, issued.replace(day=1))

    @classmethod
    def per_month(cls, ctx: Context) -> dict[tuple[int, int], int]:
        rows = (
            qualifying_activities(ctx)
            .filter(date__gte=cls.first_day(ctx))
            .annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
            .values("y", "m")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return {(r["y"], r["m"]): r["n"] for r in rows}

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        w, minimum = ctx.window, ctx.params["min_per_month"]
        counts = cls.per_month(ctx)
        elapsed = months_between(cls.first_day(ctx), w.at)
        current = (w.at.year, w.at.month)
        month_over = w.at.day == calendar.monthrange(*current)[1]
        met = [m for m in elapsed if counts.get(m, 0) >= minimum]
        missed = [m for m in elapsed if counts.get(m, 0) < minimum and (m != current or month_over)]
        due = len(met) + len(missed)
        total = len(months_between(cls.first_day(ctx), w.end))
        reading = Reading(
            target=ctx.target,
            kind=Indicator.Kind.CONTINUITY,
            numerator=len(met),
            denominator=due,
            goal=HUNDRED,
            window=w,
            percent=percent(len(met), due),
            missing_count=len(missed),
        )
        reading.actual_text = _("%(n)s/%(d)s tháng đủ tin, bài") % {"n": len(met), "d": due}
        reading.goal_text = _("mỗi tháng ≥ %(n)s") % {"n": minimum}
        best = percent(total - len(missed), total) if total else None
        return _sustained_status(reading, best)

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        w, minimum = ctx.window, ctx.params["min_per_month"]
        counts = cls.per_month(ctx)
        current = (w.at.year, w.at.month)
        result = Drilldown(
            records_title=_("Các tháng và số tin, bài"),
            missing_title=_("Các tháng chưa đủ tin, bài"),
        )
        for year, month in months_between(cls.first_day(ctx), w.at):
            n = counts.get((year, month), 0)
            last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
            row = DrillRow(
                label=f"{month:02d}/{year}",
                date=dt.date(year, month, 1),
                detail=_("Số hoạt động: %(n)s") % {"n": n},
                url=_activity_list_url(ctx, dt.date(year, month, 1), last_day),
            )
            if n >= minimum:
                result.records.append(row)
            elif (year, month) != current or w.at == last_day:
                result.missing.append(row)
        return result


class CountPerPeriod:
    @staticmethod
    def per_year(ctx: Context) -> dict[int, int]:
        rows = (
            qualifying_activities(ctx)
            .annotate(y=ExtractYear("date"))
            .values("y")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return {r["y"]: r["n"] for r in rows}

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        w, minimum = ctx.window, ctx.params["min_count"]
        counts = cls.per_year(ctx)
        years = list(range(w.start.year, w.at.year + 1))
        year_over = (w.at.month, w.at.day) == (12, 31)
        met = [y for y in years if counts.get(y, 0) >= minimum]
        missed = [y for y in years if counts.get(y, 0) < minimum and (y != w.at.year or year_over)]
        due = len(met) + len(missed)
        total = w.end.year - w.start.year + 1
        reading = Reading(
            target=ctx.target,
            kind=Indicator.Kind.COUNT_PER_PERIOD,
            numerator=len(met),
            denominator=due,
            goal=HUNDRED,
            window=w,
            percent=percent(len(met), due),
            missing_count=len(missed),
        )
        this_year = counts.get(w.at.year, 0)
        if due:
            reading.actual_text = _("Năm %(y)s: %(n)s hoạt động; %(met)s/%(due)s năm đạt") % {
                "y": w.at.year,
                "n": this_year,
                "met": len(met),
                "due": due,
            }
        else:  # the first year is still running: nothing to count as met or missed yet
            reading.actual_text = _("Năm %(y)s: %(n)s hoạt động, năm chưa kết thúc") % {
                "y": w.at.year,
                "n": this_year,
            }
        reading.goal_text = _("mỗi năm ≥ %(n)s") % {"n": minimum}
        return _sustained_status(reading, percent(total - len(missed), total))

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        w, minimum = ctx.window, ctx.params["min_count"]
        result = Drilldown(
            records_title=_("Các hoạt động được tính"),
            missing_title=_("Các năm chưa đủ số hoạt động"),
        )
        activities = (
            qualifying_activities(ctx).select_related("organiser", "kind").order_by("date", "pk")
        )
        per_year: dict[int, int] = defaultdict(int)
        for activity in activities:
            per_year[activity.date.year] += 1
            result.records.append(
                DrillRow(
                    label=activity.title,
                    group=activity.organiser.name,
                    date=activity.date,
                    url=activity.get_absolute_url(),
                    detail=activity.kind.name,
                )
            )
        year_over = (w.at.month, w.at.day) == (12, 31)
        for year in range(w.start.year, w.at.year + 1):
            if per_year[year] < minimum and (year != w.at.year or year_over):
                result.missing.append(
                    DrillRow(
                        label=str(year),
                        detail=_("%(n)s/%(m)s hoạt động") % {"n": per_year[year], "m": minimum},
                    )
                )
        return result


# --- timeliness (T6) --------------------------------------------------------------------------


class Timeliness:
    @staticmethod
    def results(ctx: Context) -> QuerySet[TaskOccurrence]:
        """Task periods completed in the window by units within the base."""
        return TaskOccurrence.objects.filter(
            Q(task__lead_unit__path__startswith=ctx.base_path)
            | Q(task__lead_unit__isnull=True, task__plan__issuer__path__startswith=ctx.base_path),
            task__plan_id__in=ctx.plan_ids,
            status=TaskOccurrence.Status.DONE,
            completed_on__gte=ctx.window.start,
            completed_on__lte=ctx.window.at,
        )

    @staticmethod
    def published(ctx: Context) -> Exists:
        days = dt.timedelta(days=ctx.params["within_days"])
        return Exists(
            Activity.objects.filter(
                occurrences=OuterRef("pk"),
                kind__category__in=ctx.params["activity_categories"],
                date__gte=OuterRef("completed_on"),
                date__lte=OuterRef("completed_on") + days,
            )
        )

    @classmethod
    def split(cls, ctx: Context) -> tuple[QuerySet[TaskOccurrence], QuerySet[TaskOccurrence]]:
        """(published in time, due but not published in time); periods whose N days have not
        run out yet and are unpublished are in neither."""
        cutoff = ctx.window.at - dt.timedelta(days=ctx.params["within_days"])
        results = cls.results(ctx).annotate(on_time=cls.published(ctx))
        return results.filter(on_time=True), results.filter(on_time=False, completed_on__lt=cutoff)

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        on_time, late = cls.split(ctx)
        n, missed = on_time.count(), late.count()
        reading = Reading(
            target=ctx.target,
            kind=Indicator.Kind.TIMELINESS,
            numerator=n,
            denominator=n + missed,
            goal=_goal(ctx.target),
            window=ctx.window,
            percent=percent(n, n + missed),
            missing_count=missed,
        )
        reading.actual_text = _("%(n)s/%(d)s kết quả được đưa tin kịp thời") % {
            "n": n,
            "d": n + missed,
        }
        reading.goal_text = f"{_fmt(reading.goal)}%"
        return _sustained_status(reading, reading.percent)

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        on_time, late = cls.split(ctx)
        result = Drilldown(
            records_title=_("Kết quả đã được đưa tin kịp thời"),
            missing_title=_("Kết quả chưa được đưa tin hoặc đưa tin muộn"),
        )
        for rows, occurrences in ((result.records, on_time), (result.missing, late)):
            for occurrence in occurrences.select_related("task", "task__lead_unit").order_by(
                "completed_on", "pk"
            ):
                rows.append(
                    DrillRow(
                        label=occurrence.task.title,
                        group=occurrence.task.lead_unit.name if occurrence.task.lead_unit else "",
                        date=occurrence.completed_on,
                        url=occurrence.task.get_absolute_url(),
                        detail=occurrence.label,
                    )
                )
        return result


# --- manual -----------------------------------------------------------------------------------


class Manual:
    @staticmethod
    def values(ctx: Context) -> QuerySet[ManualValue]:
        """Its values, none while it is an unsaved proposal."""
        if ctx.indicator.pk is None:
            return ManualValue.objects.none()
        return ctx.indicator.values.filter(as_of__lte=ctx.window.at)

    @classmethod
    def approved(cls, ctx: Context) -> QuerySet[ManualValue]:
        return cls.values(ctx).filter(approved_at__isnull=False)

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        latest = cls.approved(ctx).order_by("-as_of", "-pk").first()
        value = latest.value if latest else None
        reading = Reading(
            target=ctx.target,
            kind=Indicator.Kind.MANUAL,
            numerator=0,
            denominator=0,
            goal=_goal(ctx.target),
            window=ctx.window,
            percent=value,
        )
        unit = ctx.target.unit_of_measure or "%"
        reading.actual_text = (
            _("%(v)s%(u)s (số liệu đến %(d)s)")
            % {"v": _fmt(value), "u": unit, "d": format_vn_date(latest.as_of)}
            if latest
            else _("Chưa có số liệu được duyệt")
        )
        reading.goal_text = f"{_fmt(reading.goal)}{unit}"
        return _cumulative_status(reading)

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        result = Drilldown(
            records_title=_("Số liệu đã duyệt"),
            missing_title=_("Số liệu chờ duyệt"),
        )
        for value in cls.values(ctx).order_by("-as_of"):
            row = DrillRow(
                label=_fmt(value.value),
                date=value.as_of,
                url=value.get_absolute_url(),
                detail=value.note,
            )
            (result.records if value.approved_at else result.missing).append(row)
        return result


KINDS: dict[str, Any] = {
    Indicator.Kind.COVERAGE: Coverage,
    Indicator.Kind.UNIT_SHARE: UnitShare,
    Indicator.Kind.CONTINUITY: Continuity,
    Indicator.Kind.COUNT_PER_PERIOD: CountPerPeriod,
    Indicator.Kind.TIMELINESS: Timeliness,
    Indicator.Kind.MANUAL: Manual,
}


def _activity_list_url(ctx: Context, first: dt.date, last: dt.date) -> str:
    query = urlencode(
        {
            "date_from": format_vn_date(first),
            "date_to": format_vn_date(last),
            "category": ctx.params["activity_categories"],
        },
        doseq=True,
    )
    return f"{reverse('activities:list')}?{query}"
