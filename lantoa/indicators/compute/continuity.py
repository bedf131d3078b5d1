"""Continuity (T3): every month from the plan's issue has at least the minimum number of
qualifying activities."""

from __future__ import annotations

import calendar
import datetime as dt
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.core.dates import format_vn_date, months_between
from lantoa.core.numbers import HUNDRED, percent
from lantoa.indicators.compute.base import Context, Drilldown, DrillRow, Reading
from lantoa.indicators.compute.context import qualifying_activities
from lantoa.indicators.compute.grading import sustained_status
from lantoa.indicators.models import Indicator


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
        return sustained_status(reading, best)

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
                url=activity_list_url(ctx, dt.date(year, month, 1), last_day),
            )
            if n >= minimum:
                result.records.append(row)
            elif (year, month) != current or w.at == last_day:
                result.missing.append(row)
        return result


def activity_list_url(ctx: Context, first: dt.date, last: dt.date) -> str:
    """The activity list of the indicator's categories between two dates."""
    query = urlencode(
        {
            "date_from": format_vn_date(first),
            "date_to": format_vn_date(last),
            "category": ctx.params["activity_categories"],
        },
        doseq=True,
    )
    return f"{reverse('activities:list')}?{query}"
