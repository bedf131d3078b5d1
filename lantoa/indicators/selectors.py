"""Every read of targets and their indicators, filtered by the user's scope (issue 4).

A target is in scope through its plan's issuer, or when that issuer is above one of the user's
units: a school sees the ward's targets computed over its own people and records only.

A target the coordinator has not yet looked at computes by the indicator proposed from its
words (`proposals.propose`), made when it is read and saved only when someone confirms or
changes it or enters a value: a plan knows nothing of indicators (issue 11, item 1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from lantoa.activities.models import ActivityKind
from lantoa.core.scoping import ScopedUser, get_in_scope, scope_filter
from lantoa.indicators import compute
from lantoa.indicators.models import Indicator, ManualValue
from lantoa.indicators.params import clean_params
from lantoa.indicators.proposals import propose
from lantoa.org.models import Unit, path_ids
from lantoa.plans.models import Plan, Target
from lantoa.plans.selectors import plan_family_ids

# Kinds that split by unit, so a unit below the issuer sees its own share of the target.
DIVISIBLE_KINDS = {Indicator.Kind.COVERAGE, Indicator.Kind.UNIT_SHARE}
TARGETS = Target.objects.select_related("plan__issuer", "phase", "indicator")


def with_indicator(target: Target) -> Target:
    """The target with its indicator: the saved one, or (unsaved) the one its words propose."""
    try:
        target.indicator  # noqa: B018 (loads the saved indicator, if any)
    except Indicator.DoesNotExist:
        proposal = propose(target.text)
        target.indicator = Indicator(
            target=target, kind=proposal.kind, params=clean_params(proposal.kind, proposal.params)
        )
    return target


def _target_condition(user: ScopedUser) -> Q:
    """Targets of plans issued by the user's units or by any unit above them."""
    ids = {i for path in user.scope.read_paths for i in path_ids(path)}
    return Q(plan__issuer_id__in=ids)


def target_get_for(user: ScopedUser, pk: object) -> Target:
    if user.scope.is_superuser:
        return with_indicator(get_in_scope(TARGETS, user.scope, "plan__issuer__path", pk))
    try:
        target = TARGETS.filter(
            Q(pk__in=scope_filter(Target.objects.all(), user.scope, "plan__issuer__path"))
            | _target_condition(user)
        ).get(pk=pk)
    except (Target.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return with_indicator(target)


def within_for(user: ScopedUser, target: Target, requested: Unit | None = None) -> Unit | None:
    """The subtree a user sees a target over: the requested unit if readable, the whole base if
    the user reads it, otherwise the user's own unit under it."""
    base = compute.base_unit_of(target.plan)
    if requested is not None and user.scope.can_read(requested):
        return requested
    if user.scope.can_read(base):
        return None
    own = sorted(p for p in user.scope.read_paths if p.startswith(base.path))
    if not own:
        raise Http404
    return Unit.objects.get(path=own[0])


def targets_of_unit(unit: Unit, plan: Plan | None = None) -> list[tuple[Target, Unit | None]]:
    """The targets a unit answers for, each with the subtree it is computed over: those of the
    issued plans of the unit and below (whole), and the divisible ones of plans above it
    (narrowed to the unit) — of one plan when `plan` is given (a report is on one plan)."""
    rows: list[tuple[Target, Unit | None]] = []
    targets = TARGETS.filter(
        Q(plan__issuer__path__startswith=unit.path) | Q(plan__issuer_id__in=unit.ancestor_ids()),
        plan__status=Plan.Status.ISSUED,
    ).order_by("plan__issuer__path", "plan__date", "plan_id", "phase__position", "position")
    if plan is not None:
        targets = targets.filter(plan=plan)
    for target in map(with_indicator, targets):
        if target.plan.issuer.path.startswith(unit.path):
            rows.append((target, None))
        elif target.indicator.kind in DIVISIBLE_KINDS:
            rows.append((target, unit))
    return rows


@dataclass(frozen=True)
class TargetRow:
    target: Target
    reading: compute.Reading
    within: Unit | None


def readings_for(
    unit: Unit, at: dt.date | None = None, plan: Plan | None = None
) -> list[TargetRow]:
    """Each target of `unit` (of one plan, if given) with its reading, in plan order; plan
    lookups shared across a plan's targets."""
    family: dict[int, tuple[int, ...]] = {}
    bases: dict[int, Unit] = {}
    rows = []
    for target, within in targets_of_unit(unit, plan):
        plan = target.plan
        if plan.pk not in family:
            family[plan.pk] = plan_family_ids(plan)
            bases[plan.pk] = compute.base_unit_of(plan)
        reading = compute.read(
            target.indicator, at=at, within=within, plan_ids=family[plan.pk], base=bases[plan.pk]
        )
        rows.append(TargetRow(target, reading, within))
    return rows


def manual_value_get_for(user: ScopedUser, pk: object) -> ManualValue:
    return get_in_scope(
        ManualValue.objects.select_related("indicator__target__plan__issuer"),
        user.scope,
        "indicator__target__plan__issuer__path",
        pk,
    )


def briefing_target(plan: Plan) -> Target | None:
    """The plan's target that counts who has been briefed (phổ biến, quán triệt — T1): its
    first coverage target counting briefings."""
    targets = TARGETS.filter(plan=plan).order_by("phase__position", "position")
    return next(
        (
            t
            for t in map(with_indicator, targets)
            if t.indicator.kind == Indicator.Kind.COVERAGE
            and ActivityKind.Category.BRIEFING in t.indicator.params.get("activity_categories", [])
        ),
        None,
    )


def briefing_reading(plan: Plan | None, unit: Unit, at: dt.date) -> TargetRow | None:
    """Who of `unit` has been briefed on `plan` by `at`: the plan's briefing target over the
    unit — the one coverage figure of reports, the evaluation and the dashboards (issue 10,
    item 1). None when there is no plan or it has no such target."""
    target = briefing_target(plan) if plan is not None else None
    if target is None:
        return None
    base = compute.base_unit_of(plan)
    if not unit.path.startswith(base.path):
        return None
    within = None if unit == base else unit
    return TargetRow(target, compute.read(target.indicator, at=at, within=within), within)
