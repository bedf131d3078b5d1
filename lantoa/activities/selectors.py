"""Every read of activities, filtered by the user's scope (issue 4).

An activity is in scope through its organiser or any co-organiser.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from lantoa.activities.models import Activity, ActivityEvidence, ActivityKind
from lantoa.core.scoping import ScopedUser, get_in_scope, scope_filter
from lantoa.org.models import Unit
from lantoa.org.selectors import ward_root_of

ACTIVITY_PATHS = ("organiser__path", "co_organisers__path")


def activity_list_for(
    user: ScopedUser,
    *,
    unit: Unit | None = None,
    kind: ActivityKind | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[Activity]:
    activities = scope_filter(Activity.objects.all(), user.scope, ACTIVITY_PATHS)
    if unit is not None:
        activities = activities.filter(
            Q(organiser__path__startswith=unit.path) | Q(co_organisers__path__startswith=unit.path)
        ).distinct()
    if kind is not None:
        activities = activities.filter(kind=kind)
    if date_from:
        activities = activities.filter(date__gte=date_from)
    if date_to:
        activities = activities.filter(date__lte=date_to)
    return (
        activities.select_related("kind", "organiser")
        .annotate(attendee_count=Count("attendances", distinct=True))
        .order_by("-date", "-pk")
    )


def activity_get_for(user: ScopedUser, pk: object, *, write: bool = False) -> Activity:
    return get_in_scope(
        Activity.objects.select_related("kind", "organiser", "plan").prefetch_related(
            "co_organisers", "audiences"
        ),
        user.scope,
        ACTIVITY_PATHS,
        pk,
        write=write,
    )


def kinds_for(unit: Unit | None) -> QuerySet[ActivityKind]:
    """The built-in kinds plus those the unit's ward added."""
    condition = Q(unit__isnull=True)
    if unit is not None:
        condition |= Q(unit=ward_root_of(unit))
    return ActivityKind.objects.filter(condition).order_by("position", "name")


def activity_evidence_get_for(user: ScopedUser, pk: object) -> ActivityEvidence:
    return get_in_scope(
        ActivityEvidence.objects.select_related("activity"),
        user.scope,
        tuple(f"activity__{p}" for p in ACTIVITY_PATHS),
        pk,
    )
