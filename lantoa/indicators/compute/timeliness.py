"""Timeliness (T6): the share of task periods completed in the window whose result was
published as a qualifying activity within N days."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from lantoa.activities.models import Activity
from lantoa.core.numbers import percent
from lantoa.indicators.compute.base import Context, Drilldown, DrillRow, Reading
from lantoa.indicators.compute.grading import format_figure, goal_of, sustained_status
from lantoa.indicators.models import Indicator
from lantoa.plans.models import TaskOccurrence


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
            goal=goal_of(ctx.target),
            window=ctx.window,
            percent=percent(n, n + missed),
            missing_count=missed,
        )
        reading.actual_text = _("%(n)s/%(d)s kết quả được đưa tin kịp thời") % {
            "n": format_figure(n),
            "d": format_figure(n + missed),
        }
        reading.goal_text = f"{format_figure(reading.goal)}%"
        return sustained_status(reading, reading.percent)

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
