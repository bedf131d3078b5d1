"""Unit share (T2): the share of the counted units, existing on the date, that issued a plan
of their own derived from this one."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from lantoa.indicators.compute.base import Context, Drilldown, DrillRow, Reading
from lantoa.indicators.compute.grading import share_reading
from lantoa.indicators.models import Indicator
from lantoa.org.models import Unit
from lantoa.plans.models import Plan


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
        return share_reading(
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
            unit_plan = next(
                (p for path, p in plans_by_unit.items() if path.startswith(unit.path)), None
            )
            if unit_plan is None:
                result.missing.append(DrillRow(label=unit.name, url=unit.get_absolute_url()))
            else:
                result.records.append(
                    DrillRow(
                        label=unit.name,
                        date=unit_plan.date,
                        url=unit_plan.get_absolute_url(),
                        detail=str(unit_plan),
                    )
                )
        return result
