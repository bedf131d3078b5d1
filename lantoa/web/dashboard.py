"""The leaders' dashboard: targets with status, tasks in the four buckets, activities by month,
kind and unit, and the units that recorded nothing this month (issue 4, item 4; O4.2, O5.1).

Every number comes with the link to the records behind it. A school sees the same dashboard
over its own subtree; a province viewer sees its wards side by side. The month chart is drawn in
the browser (Chart.js) from `Dashboard.chart`, which reads the very rows the month table shows
(issue 14, item 5); the documents keep their printed matplotlib chart (`core.charts`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.activities.models import Activity, ActivityKind
from lantoa.activities.selectors import in_subtree, tally_by_unit
from lantoa.core.dates import format_vn_date, local_today, month_end, months_between
from lantoa.core.scoping import ScopedUser
from lantoa.indicators.selectors import TargetRow, readings_for
from lantoa.org.models import Unit
from lantoa.plans.selectors import BucketCount, PeriodFilters, period_buckets_for

# Units expected to record activities every month (residential groups report on paper).
RECORDING_KINDS = [
    Unit.Kind.CULTURE_SOCIETY_OFFICE,
    Unit.Kind.SERVICE_CENTRE,
    Unit.Kind.SCHOOL,
    Unit.Kind.FRONT,
    Unit.Kind.MASS_ORGANISATION,
]


# One colour per kind of activity, the same on every dashboard whichever kinds appear; each has
# at least 3:1 contrast against white (WCAG 1.4.11; tests/test_dashboard_charts.py checks it).
SERIES_COLOURS: dict[str, str] = {
    ActivityKind.Category.BRIEFING: "#1f5fa8",
    ActivityKind.Category.THEMATIC_SESSION: "#0e7c86",
    ActivityKind.Category.FLAG_CEREMONY: "#a4262c",
    ActivityKind.Category.SEMINAR: "#c06a1e",
    ActivityKind.Category.MEETING_INTEGRATION: "#6b4fa0",
    ActivityKind.Category.RADIO: "#2f8a50",
    ActivityKind.Category.PORTAL_ARTICLE: "#c0396b",
    ActivityKind.Category.SOCIAL_POST: "#3b4cc0",
    ActivityKind.Category.ZALO_MESSAGE: "#0b7bc1",
    ActivityKind.Category.CORNER_PANEL: "#8c6d31",
    ActivityKind.Category.CONTEST: "#a13fa0",
    ActivityKind.Category.TRAINING: "#5f7a1a",
    ActivityKind.Category.OTHER: "#6c757d",
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def year_to_date(cls, today: dt.date) -> Period:
        return cls(dt.date(today.year, 1, 1), today)

    def months(self) -> list[tuple[int, int]]:
        return months_between(self.start, self.end)

    def month_labels(self) -> list[MonthLabel]:
        """Months as "T1"…"T12", with the year ("T12/2025") only when the period spans two
        years: short enough never to collide on a chart's axis (issue 14, item 5)."""
        with_year = self.start.year != self.end.year
        return [
            MonthLabel(
                _("T%(month)d/%(year)d") % {"month": m, "year": y}
                if with_year
                else _("T%(month)d") % {"month": m},
                _("Tháng %(month)d/%(year)d") % {"month": m, "year": y},
            )
            for y, m in self.months()
        ]


@dataclass(frozen=True)
class MonthLabel:
    short: str  # on the chart's axis and the table's head
    full: str  # in the tooltip and the table head's <abbr title>


@dataclass
class Cell:
    count: int
    url: str


@dataclass
class KindRow:
    """One category of activity: its count each month of the period and in all of it."""

    category: str
    label: str
    cells: list[Cell]
    total: Cell

    @property
    def colour(self) -> str:
        return SERIES_COLOURS.get(self.category, SERIES_COLOURS[ActivityKind.Category.OTHER])


@dataclass
class Dashboard:
    unit: Unit
    period: Period
    targets: list[TargetRow] = field(default_factory=list)
    buckets: list[BucketCount] = field(default_factory=list)
    buckets_at: dt.date | None = None
    months: list[MonthLabel] = field(default_factory=list)
    by_kind: list[KindRow] = field(default_factory=list)
    month_totals: list[Cell] = field(default_factory=list)
    total: Cell | None = None
    by_unit: list[tuple[Unit, Cell]] = field(default_factory=list)
    silent_units: list[Unit] = field(default_factory=list)

    @property
    def chart(self) -> dict[str, object]:
        """What the page's chart draws, read off the rows the month table shows, so the chart,
        its legend and the table cannot disagree (issue 14, item 5: one figure, one rule)."""
        return {
            "labels": [m.short for m in self.months],
            "titles": [m.full for m in self.months],
            "series": [
                {"label": row.label, "colour": row.colour, "values": [c.count for c in row.cells]}
                for row in self.by_kind
            ],
            "totals": [c.count for c in self.month_totals],
            "totalLabel": _("Cộng"),
        }


def activity_url(
    unit: Unit, start: dt.date, end: dt.date, category: str = "", organiser: Unit | None = None
) -> str:
    query = {
        "unit": (organiser or unit).pk,
        "date_from": format_vn_date(start),
        "date_to": format_vn_date(end),
    }
    if category:
        query["category"] = category
    return f"{reverse('activities:list')}?{urlencode(query)}"


def _activities(unit: Unit, period: Period) -> QuerySet[Activity]:
    """Activities organised or co-organised within the unit's subtree, in the period, each once
    (an event of two units is one activity)."""
    return Activity.objects.filter(
        in_subtree(unit.path), date__gte=period.start, date__lte=period.end
    )


def _month_url(unit: Unit, period: Period, year: int, month: int, category: str = "") -> str:
    """The activity list for one month of the period (clipped to the period's ends)."""
    first = max(period.start, dt.date(year, month, 1))
    return activity_url(unit, first, min(period.end, month_end(year, month)), category)


def dashboard_for(
    user: ScopedUser, unit: Unit, period: Period, today: dt.date | None = None
) -> Dashboard:
    """Everything on the dashboard of `unit` (which the caller checked the user may read)."""
    today = today or local_today()
    board = Dashboard(unit=unit, period=period)
    board.targets = readings_for(unit, at=min(period.end, today))

    # The periods of the unit's tasks begun by the period's end, as they stood then: the same
    # selector as home, the task list and the board, each count linking to exactly its periods.
    board.buckets_at = min(period.end, today)
    at = None if board.buckets_at == today else board.buckets_at
    board.buckets = period_buckets_for(user, PeriodFilters(unit=unit, at=at))

    activities = _activities(unit, period)
    board.months = period.month_labels()
    board.by_kind = _by_kind(unit, period, activities)
    board.month_totals = _month_totals(unit, period, activities)
    board.total = Cell(
        sum(c.count for c in board.month_totals), activity_url(unit, period.start, period.end)
    )

    units = list(
        Unit.objects.filter(path__startswith=unit.path, kind__in=RECORDING_KINDS).order_by(
            "kind", "name_folded"
        )
    )
    board.by_unit = _by_unit(unit, period, units, activities)
    this_month = tally_by_unit(units, _activities(unit, Period(today.replace(day=1), today)))
    board.silent_units = [u for u in units if not this_month[u.pk].count and u.is_active]
    return board


def _by_kind(unit: Unit, period: Period, activities: QuerySet[Activity]) -> list[KindRow]:
    """Per category with activities: its count each month and in the period, each linked."""
    rows = (
        activities.annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
        .values("y", "m", "kind__category")
        .annotate(n=Count("pk"))
        .order_by()
    )
    grid: dict[str, dict[tuple[int, int], int]] = defaultdict(dict)
    for row in rows:
        grid[row["kind__category"]][(row["y"], row["m"])] = row["n"]
    months = period.months()
    by_kind = []
    for category, label in ActivityKind.Category.choices:
        if category not in grid:
            continue
        cells = [
            Cell(grid[category].get((y, m), 0), _month_url(unit, period, y, m, category))
            for y, m in months
        ]
        total = Cell(
            sum(c.count for c in cells), activity_url(unit, period.start, period.end, category)
        )
        by_kind.append(KindRow(category, str(label), cells, total))
    return by_kind


def _month_totals(unit: Unit, period: Period, activities: QuerySet[Activity]) -> list[Cell]:
    """All activities of each month of the period, each linked to its list."""
    month_totals = dict(
        ((r["y"], r["m"]), r["n"])
        for r in activities.annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
        .values("y", "m")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        Cell(month_totals.get((y, m), 0), _month_url(unit, period, y, m))
        for y, m in period.months()
    ]


def _by_unit(
    unit: Unit, period: Period, units: list[Unit], activities: QuerySet[Activity]
) -> list[tuple[Unit, Cell]]:
    """Each recording unit with its activities in the period, the busiest first."""
    per_unit = tally_by_unit(units, activities)
    by_unit = [
        (u, Cell(per_unit[u.pk].count, activity_url(unit, period.start, period.end, organiser=u)))
        for u in units
    ]
    by_unit.sort(key=lambda row: -row[1].count)
    return by_unit


@dataclass
class WardRow:
    ward: Unit
    targets: list[TargetRow]


def wards_side_by_side(wards: list[Unit], at: dt.date) -> list[WardRow]:
    """The province view: each ward with its targets' readings, in the same order."""
    return [WardRow(ward, readings_for(ward, at=at)) for ward in wards]
