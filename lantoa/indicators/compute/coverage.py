"""Coverage (T1, T5): the share of the counted groups' people who attended a qualifying
activity about the plan."""

from __future__ import annotations

from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from lantoa.activities.models import Attendance
from lantoa.indicators.compute.base import Context, Drilldown, DrillRow, Reading
from lantoa.indicators.compute.context import qualifying_activities
from lantoa.indicators.compute.grading import share_reading
from lantoa.indicators.models import Indicator
from lantoa.org.models import Posting, Unit


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
        return share_reading(
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
