"""Count per year (T4): every year of the phase has at least the minimum number of
qualifying activities."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from lantoa.core.numbers import HUNDRED, percent
from lantoa.indicators.compute.base import Context, Drilldown, DrillRow, Reading
from lantoa.indicators.compute.context import qualifying_activities
from lantoa.indicators.compute.grading import format_figure, sustained_status
from lantoa.indicators.models import Indicator


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
                "n": format_figure(this_year),
                "met": len(met),
                "due": due,
            }
        else:  # the first year is still running: nothing to count as met or missed yet
            reading.actual_text = _("Năm %(y)s: %(n)s hoạt động, năm chưa kết thúc") % {
                "y": w.at.year,
                "n": format_figure(this_year),
            }
        reading.goal_text = _("mỗi năm ≥ %(n)s") % {"n": format_figure(minimum)}
        return sustained_status(reading, percent(total - len(missed), total))

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
