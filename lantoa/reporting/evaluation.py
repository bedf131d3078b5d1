"""The annual evaluation (N5.1, issue 5 item 6): the coordinator's rubric scores each unit that
reports to the ward from its record and its reports, giving a ranked table with the evidence
behind every score (it will feed the nominations for awards, N4.1).

A unit's points on a criterion are `points × min(1, value / goal)`, rounded to one decimal.
The year is the reporting year of Nghị định 09/2019: 15/12 of the year before to 14/12.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.activities.selectors import has_photo, tally
from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.numbers import format_number, percent
from lantoa.indicators.selectors import briefing_reading
from lantoa.org.models import Unit
from lantoa.plans.models import Plan, TaskOccurrence
from lantoa.plans.selectors import PeriodFilters, bucket_counts, periods
from lantoa.reporting.content import activities_in
from lantoa.reporting.models import Criterion, Report, ReportingRule, Rubric
from lantoa.reporting.periods import ReportingPeriod, periods_of_year
from lantoa.reporting.selectors import Timeliness, default_plan, reporters_of, timeliness

M = Criterion.Measure
DEFAULT_CRITERIA = [
    (M.ACTIVITIES, Decimal(12), 30),
    (M.COVERAGE, Decimal(100), 25),
    (M.REPORTS_ON_TIME, Decimal(100), 20),
    (M.TASKS_ON_TIME, Decimal(100), 15),
    (M.PHOTO_ACTIVITIES, Decimal(4), 10),
]


def _carried_over(ward: Unit, year: int) -> list[Criterion]:
    """Unsaved copies of last year's criteria, or the defaults."""
    previous = Rubric.objects.filter(owner=ward, year__lt=year).order_by("-year").first()
    rows = (
        [(c.measure, c.goal, c.points) for c in previous.criteria.all()]
        if previous
        else DEFAULT_CRITERIA
    )
    return [Criterion(measure=m, goal=g, points=p, position=i) for i, (m, g, p) in enumerate(rows)]


def criteria_for(ward: Unit, year: int) -> list[Criterion]:
    """The ward's criteria for the year, read without writing anything: the saved rubric's, or
    those carried over — saved only when the coordinator changes one (`rubric_ensure`)."""
    rubric = Rubric.objects.filter(owner=ward, year=year).first()
    return list(rubric.criteria.all()) if rubric is not None else _carried_over(ward, year)


@transaction.atomic
def rubric_ensure(ward: Unit, year: int) -> Rubric:
    """The ward's saved rubric for the year (a page view never writes: only an edit calls it)."""
    rubric, created = Rubric.objects.get_or_create(owner=ward, year=year)
    if created:
        rows = _carried_over(ward, year)
        for criterion in rows:
            criterion.rubric = rubric
        Criterion.objects.bulk_create(rows)
    return rubric


@dataclass
class Score:
    criterion: Criterion
    value: Decimal | None  # None: nothing to measure yet (no report owed, no task due)
    evidence: str
    url: str
    points: Decimal


@dataclass
class Ranked:
    unit: Unit
    scores: list[Score] = field(default_factory=list)
    rank: int = 0

    @property
    def total(self) -> Decimal:
        """Points earned, brought to the full scale when a criterion does not apply to the unit
        (nobody of it is to be briefed, no report or task period was due): a unit is neither
        punished nor rewarded for what it could not do (docs/decisions.md)."""
        earned = sum((s.points for s in self.scores), Decimal(0))
        full = sum((s.criterion.points for s in self.scores), 0)
        applicable = sum((s.criterion.points for s in self.scores if s.value is not None), 0)
        if not applicable:
            return Decimal(0)
        return (earned * full / applicable).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def scaled(self) -> bool:
        return any(s.value is None for s in self.scores)


def _points(criterion: Criterion, value: Decimal | None) -> Decimal:
    if value is None:
        return Decimal(0)
    share = min(Decimal(1), value / criterion.goal)
    return (criterion.points * share).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _activity_url(unit: Unit, start: dt.date, end: dt.date, *, photo: bool = False) -> str:
    query = {"unit": unit.pk, "date_from": format_vn_date(start), "date_to": format_vn_date(end)}
    if photo:
        query["photo"] = "on"
    return f"{reverse('activities:list')}?{urlencode(query)}"


def _report_share(
    unit: Unit, rules: list[ReportingRule], year: int, today: dt.date
) -> tuple[int, int]:
    """Reports owed in the year (due by today) and how many of them were sent on time."""
    owed = on_time = 0
    sent = {
        (r["rule_id"], r["period"]): r["first_submitted_at"]
        for r in Report.objects.filter(unit=unit, rule__in=rules).values(
            "rule_id", "period", "first_submitted_at"
        )
    }
    for rule in rules:
        for key in periods_of_year(rule.frequency, year):
            start, end = rule.window(key)
            if not rule.applies_to(key) or rule.due(key) >= today:
                continue
            if unit not in reporters_of(rule, start, end):
                continue
            owed += 1
            state, _late = timeliness(end, rule.due(key), sent.get((rule.pk, str(key))), today)
            on_time += state == Timeliness.ON_TIME
    return on_time, owed


def _measure(
    criterion: Criterion,
    unit: Unit,
    start: dt.date,
    end: dt.date,
    rules: list[ReportingRule],
    plan: Plan | None,
    today: dt.date,
) -> tuple[Decimal | None, str, str]:
    """One criterion of one unit, read by the same selectors as the pages it links to."""
    measure = criterion.measure
    end = min(end, today)  # an activity dated ahead has not happened yet
    activities = activities_in(unit, start, end)
    if measure in (M.ACTIVITIES, M.PARTICIPANTS):
        totals = tally(activities)
        value = totals.count if measure == M.ACTIVITIES else totals.participants
        label = _("%(n)s hoạt động") if measure == M.ACTIVITIES else _("%(n)s lượt người dự")
        return Decimal(value), label % {"n": format_number(value)}, _activity_url(unit, start, end)
    if measure == M.PHOTO_ACTIVITIES:
        value = activities.filter(has_photo()).count()
        return (
            Decimal(value),
            _("%(n)s hoạt động có ảnh") % {"n": value},
            _activity_url(unit, start, end, photo=True),
        )
    if measure == M.COVERAGE:
        row = briefing_reading(plan, unit, end)
        if row is None:
            return None, _("Kế hoạch không có chỉ tiêu phổ biến, quán triệt"), ""
        reading = row.reading
        if not reading.denominator:
            return None, _("không áp dụng: đơn vị không có ai thuộc đối tượng của chỉ tiêu"), ""
        text = _("%(b)s/%(p)s người") % {"b": reading.numerator, "p": reading.denominator}
        url = reverse("indicators:detail", args=[row.target.pk]) + f"?unit={unit.pk}"
        return percent(reading.numerator, reading.denominator), text, url
    if measure == M.REPORTS_ON_TIME:
        on_time, owed = _report_share(unit, rules, evaluation_year(start), today)
        if not owed:
            return None, _("không áp dụng: chưa có báo cáo nào đến hạn"), ""
        text = _("%(n)s/%(d)s báo cáo đúng hạn") % {"n": on_time, "d": owed}
        return percent(on_time, owed), text, reverse("reporting:completeness")
    filters = PeriodFilters(unit=unit, plan=plan, due_from=start, due_to=end)
    counts = bucket_counts(periods(filters))
    due = sum(counts.values())
    if not due:
        return None, _("không áp dụng: chưa có kỳ nhiệm vụ nào đến hạn"), ""
    on_time = counts[TaskOccurrence.Bucket.DONE_ON_TIME]
    text = _("%(n)s/%(d)s kỳ nhiệm vụ đúng hạn") % {"n": on_time, "d": due}
    url = filters.url(bucket=TaskOccurrence.Bucket.DONE_ON_TIME)
    return percent(on_time, due), text, url


def evaluation_window(year: int) -> tuple[dt.date, dt.date]:
    """The reporting year of Nghị định 09/2019: 15/12 of the year before to 14/12."""
    return ReportingPeriod(year, "yearly", 1).window()


def evaluation_year(window_start: dt.date) -> int:
    return window_start.year + 1


def evaluate(ward: Unit, year: int, today: dt.date | None = None) -> list[Ranked]:
    """Every unit that reports to the ward, scored on each criterion, best first; nothing for a
    year that has not begun."""
    today = today or local_today()
    criteria = criteria_for(ward, year)
    start, end = evaluation_window(year)
    if start > today:
        return []
    rules = list(
        ReportingRule.objects.filter(owner=ward, level=ReportingRule.Level.UNITS, is_active=True)
    )
    plan = default_plan(ward, ReportingRule.Level.UNITS, min(end, today))
    units: dict[int, Unit] = {}
    for rule in rules:
        for unit in reporters_of(rule, start, end):
            units[unit.pk] = unit
    ranked = []
    for unit in units.values():
        row = Ranked(unit)
        for criterion in criteria:
            value, evidence, url = _measure(criterion, unit, start, end, rules, plan, today)
            row.scores.append(Score(criterion, value, evidence, url, _points(criterion, value)))
        ranked.append(row)
    ranked.sort(key=lambda r: (-r.total, r.unit.name_folded))
    for index, row in enumerate(ranked):
        same = index and row.total == ranked[index - 1].total
        row.rank = ranked[index - 1].rank if same else index + 1
    return ranked
