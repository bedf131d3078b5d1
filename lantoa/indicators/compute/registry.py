"""Each indicator kind's implementation, and the two questions every caller asks of an
indicator: its reading and its drill-down (issue 4; T1–T6)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from lantoa.core.dates import format_vn_date
from lantoa.indicators.compute.base import Drilldown, Kind, Reading, Status
from lantoa.indicators.compute.context import make_context
from lantoa.indicators.compute.continuity import Continuity
from lantoa.indicators.compute.count_per_period import CountPerPeriod
from lantoa.indicators.compute.coverage import Coverage
from lantoa.indicators.compute.grading import goal_of
from lantoa.indicators.compute.manual import Manual
from lantoa.indicators.compute.timeliness import Timeliness
from lantoa.indicators.compute.unit_share import UnitShare
from lantoa.indicators.models import Indicator

KINDS: dict[str, type[Kind]] = {
    Indicator.Kind.COVERAGE: Coverage,
    Indicator.Kind.UNIT_SHARE: UnitShare,
    Indicator.Kind.CONTINUITY: Continuity,
    Indicator.Kind.COUNT_PER_PERIOD: CountPerPeriod,
    Indicator.Kind.TIMELINESS: Timeliness,
    Indicator.Kind.MANUAL: Manual,
}


def read(indicator: Indicator, **context: Any) -> Reading:
    """The indicator's value, status and projection (and how many are missing)."""
    ctx = make_context(indicator, **context)
    if not ctx.window.started:  # nothing counts before the phase: no need to ask the database
        return Reading(
            target=ctx.target,
            kind=indicator.kind,
            numerator=0,
            denominator=0,
            goal=goal_of(ctx.target),
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
