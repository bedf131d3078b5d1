"""Where and when an indicator counts (docs/decisions.md, "Indicators"): the window is the
target's phase (else the plan's years), the base is the issuing ward or school, narrowed by
`within`; "about the plan" takes in the plans derived from it."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from lantoa.activities.models import Activity
from lantoa.activities.selectors import about_plans, in_subtree
from lantoa.core.dates import local_today
from lantoa.indicators.compute.base import Context, Window
from lantoa.indicators.models import Indicator
from lantoa.org.models import Unit
from lantoa.plans.models import Plan, Target
from lantoa.plans.selectors import plan_family_ids


def base_unit_of(plan: Plan) -> Unit:
    """Whose people and units a plan's targets count: the issuing ward (or school)."""
    from lantoa.org.selectors import ward_root_of

    issuer = plan.issuer
    return issuer if issuer.kind == Unit.Kind.SCHOOL else ward_root_of(issuer)


def window_of(target: Target, at: dt.date) -> Window:
    """1 January of the phase's first year to 31 December of its last, evaluated at `at`."""
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
    """The indicator's plan family, base subtree (`within` if inside it) and window."""
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
