"""Manual (issue 4, item 3): the latest approved value entered with its evidence, as of the date."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lantoa.core.dates import format_vn_date
from lantoa.indicators.compute.base import Context, Drilldown, DrillRow, Reading
from lantoa.indicators.compute.grading import cumulative_status, format_figure, goal_of
from lantoa.indicators.models import Indicator, ManualValue


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
            goal=goal_of(ctx.target),
            window=ctx.window,
            percent=value,
        )
        unit = ctx.target.unit_of_measure or "%"
        reading.actual_text = (
            _("%(v)s%(u)s (số liệu đến %(d)s)")
            % {"v": format_figure(value), "u": unit, "d": format_vn_date(latest.as_of)}
            if latest
            else _("Chưa có số liệu được duyệt")
        )
        reading.goal_text = f"{format_figure(reading.goal)}{unit}"
        return cumulative_status(reading)

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        result = Drilldown(
            records_title=_("Số liệu đã duyệt"),
            missing_title=_("Số liệu chờ duyệt"),
        )
        for value in cls.values(ctx).order_by("-as_of"):
            row = DrillRow(
                label=format_figure(value.value),
                date=value.as_of,
                url=value.get_absolute_url(),
                detail=value.note,
            )
            (result.records if value.approved_at else result.missing).append(row)
        return result
