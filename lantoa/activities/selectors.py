"""Every read of activities, filtered by the user's scope (issue 4).

An activity is in scope through its organiser or any co-organiser.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from lantoa.activities.models import (
    Activity,
    ActivityEvidence,
    ActivityKind,
    Attendance,
    CheckInSession,
    CoOrganiserInvitation,
)
from lantoa.core.files import IMAGE_KINDS
from lantoa.core.scoping import ScopedUser, get_in_scope, scope_filter
from lantoa.core.text import fold
from lantoa.org.models import Person, Unit
from lantoa.org.selectors import person_list_for, ward_root_of

ACTIVITY_PATHS = ("organiser__path", "co_organisers__path")


SUBTREE_ID_LIMIT = 5_000  # beyond this many units, keep the ids as a subquery


def in_subtree(path: str) -> Q:
    """Activities organised or co-organised by a unit under `path`. The ids are looked up
    first (two small queries) so both sides of the OR are literal id lists: SQLite and
    PostgreSQL then answer each from an index (`(organiser, date)`, the primary key) and never
    test the OR row by row; no activity appears twice (docs/performance.md)."""
    units: Any = Unit.objects.filter(path__startswith=path).values_list("pk", flat=True)
    co_organised: Any = Activity.co_organisers.through.objects.filter(
        unit__path__startswith=path
    ).values_list("activity_id", flat=True)
    first = list(units[: SUBTREE_ID_LIMIT + 1])
    if len(first) <= SUBTREE_ID_LIMIT:
        units, co_organised = first, list(co_organised)
    return Q(organiser_id__in=units) | Q(pk__in=co_organised)


def about_plans(plan_ids: Iterable[int]) -> Q:
    """Activities linked to one of the plans, or to a task period of one of them."""
    plan_ids = list(plan_ids)
    linked = Activity.occurrences.through.objects.filter(
        taskoccurrence__task__plan_id__in=plan_ids
    ).values("activity_id")
    return Q(plan_id__in=plan_ids) | Q(pk__in=linked)


def with_participants(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Each activity with `attendee_count` (its attendees on the roster) and
    `participant_count` — the one participants rule (issue 10, item 3): attendees plus the
    guests typed in, who are not on the roster."""
    attendees = (
        Attendance.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return activities.annotate(
        attendee_count=Coalesce(Subquery(attendees, output_field=IntegerField()), 0)
    ).annotate(participant_count=F("attendee_count") + Coalesce("guests", 0))


@dataclass
class Tally:
    """How many activities, and how many took part in them."""

    count: int = 0
    participants: int = 0


def tally(activities: QuerySet[Activity]) -> Tally:
    totals = with_participants(activities).aggregate(n=Count("pk"), p=Sum("participant_count"))
    return Tally(totals["n"] or 0, totals["p"] or 0)


def tally_by_unit(units: Iterable[Unit], activities: QuerySet[Activity]) -> dict[int, Tally]:
    """For each unit: the activities it or a unit below it organised or co-organised, each
    once, with their participants — the rule of the dashboard, the reports and the evaluation
    alike, and what the activity list filtered by that unit shows. An event of two units
    counts for each of them, and once for a unit above both (docs/decisions.md)."""
    wanted = {u.path: u.pk for u in units}
    paths: dict[int, set[str]] = defaultdict(set)
    people: dict[int, int] = {}
    for pk, path, participants in with_participants(activities).values_list(
        "pk", "organiser__path", "participant_count"
    ):
        paths[pk].add(path)
        people[pk] = participants
    for pk, path in Activity.co_organisers.through.objects.filter(
        activity_id__in=activities.values("pk")
    ).values_list("activity_id", "unit__path"):
        paths[pk].add(path)
    result = {pk: Tally() for pk in wanted.values()}
    for pk, unit_paths in paths.items():
        owners = {
            wanted[prefix] for path in unit_paths for prefix in _prefixes(path) if prefix in wanted
        }
        for owner in owners:
            result[owner].count += 1
            result[owner].participants += people.get(pk, 0)
    return result


def _prefixes(path: str) -> list[str]:
    """ "/1/5/9/" → ["/1/", "/1/5/", "/1/5/9/"]."""
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def has_photo() -> Exists:
    """Activities with at least one photo among their evidence (N5.1's "có ảnh" criterion)."""
    return Exists(ActivityEvidence.objects.filter(activity_id=OuterRef("pk"), kind__in=IMAGE_KINDS))


def activity_list_for(
    user: ScopedUser,
    *,
    unit: Unit | None = None,
    kind: ActivityKind | None = None,
    categories: list[str] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    with_photo: bool = False,
) -> QuerySet[Activity]:
    activities = scope_filter(Activity.objects.all(), user.scope, ACTIVITY_PATHS)
    if unit is not None:
        activities = activities.filter(in_subtree(unit.path))
    if kind is not None:
        activities = activities.filter(kind=kind)
    if categories:
        activities = activities.filter(kind__category__in=categories)
    if date_from:
        activities = activities.filter(date__gte=date_from)
    if date_to:
        activities = activities.filter(date__lte=date_to)
    if with_photo:
        activities = activities.filter(has_photo())
    return with_participants(activities.select_related("kind", "organiser")).order_by(
        "-date", "-pk"
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


def invitations_for(user: ScopedUser) -> QuerySet[CoOrganiserInvitation]:
    """Invitations to co-organise the user can answer: sent to a unit the user writes, still
    waiting, on activities not deleted (issue 12, finding 8). The list and its count."""
    return scope_filter(
        CoOrganiserInvitation.objects.filter(
            status=CoOrganiserInvitation.Status.PENDING, activity__deleted_at__isnull=True
        ).select_related("unit", "activity__organiser", "activity__kind"),
        user.scope,
        "unit__path",
        write=True,
    ).order_by("activity__date", "pk")


def invitation_get_for(
    user: ScopedUser, pk: object, *, write: bool = False
) -> CoOrganiserInvitation:
    """One invitation to a unit the user reads (writes, to answer it); 404 for any other."""
    return get_in_scope(
        CoOrganiserInvitation.objects.filter(activity__deleted_at__isnull=True).select_related(
            "unit", "activity__organiser", "activity__kind", "invited_by"
        ),
        user.scope,
        "unit__path",
        pk,
        write=write,
    )


def invitations_sent(activity: Activity) -> QuerySet[CoOrganiserInvitation]:
    """The organiser's view: who was asked to co-organise and has not yet accepted."""
    return activity.invitations.exclude(
        status=CoOrganiserInvitation.Status.ACCEPTED
    ).select_related("unit")


def deleted_activity_get_for(user: ScopedUser, pk: object) -> Activity:
    """A deleted activity, for the coordinator to restore (404 for anyone else's)."""
    return get_in_scope(
        Activity.all_objects.filter(deleted_at__isnull=False).select_related("organiser"),
        user.scope,
        ACTIVITY_PATHS,
        pk,
        write=True,
    )


def deleted_attendance_get_for(user: ScopedUser, pk: object) -> Attendance:
    return get_in_scope(
        Attendance.all_objects.filter(
            deleted_at__isnull=False, activity__deleted_at__isnull=True
        ).select_related("activity__organiser", "person"),
        user.scope,
        "activity__organiser__path",
        pk,
        write=True,
    )


def deleted_evidence_get_for(user: ScopedUser, pk: object) -> ActivityEvidence:
    return get_in_scope(
        ActivityEvidence.all_objects.filter(
            deleted_at__isnull=False, activity__deleted_at__isnull=True
        ).select_related("activity__organiser"),
        user.scope,
        "activity__organiser__path",
        pk,
        write=True,
    )


@dataclass
class Deleted:
    """What was deleted in the user's scope, newest first, for the restore page."""

    activities: list[Activity]
    attendances: list[Attendance]
    evidence: list[ActivityEvidence]


DELETED_SHOWN = 100


def deleted_for(user: ScopedUser) -> Deleted:
    activities = scope_filter(
        Activity.all_objects.filter(deleted_at__isnull=False), user.scope, "organiser__path"
    )
    attendances = scope_filter(
        Attendance.all_objects.filter(deleted_at__isnull=False, activity__deleted_at__isnull=True),
        user.scope,
        "activity__organiser__path",
    )
    evidence = scope_filter(
        ActivityEvidence.all_objects.filter(
            deleted_at__isnull=False, activity__deleted_at__isnull=True
        ),
        user.scope,
        "activity__organiser__path",
    )
    return Deleted(
        list(
            activities.select_related("organiser", "deleted_by", "kind").order_by("-deleted_at")[
                :DELETED_SHOWN
            ]
        ),
        list(
            attendances.select_related("activity", "person", "deleted_by").order_by("-deleted_at")[
                :DELETED_SHOWN
            ]
        ),
        list(
            evidence.select_related("activity", "deleted_by").order_by("-deleted_at")[
                :DELETED_SHOWN
            ]
        ),
    )


def activity_evidence_get_for_write(user: ScopedUser, pk: object) -> ActivityEvidence:
    return get_in_scope(
        ActivityEvidence.objects.select_related("activity__organiser"),
        user.scope,
        "activity__organiser__path",
        pk,
        write=True,
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


CHECKIN_PHONE_DIGITS = 4


def checkin_get(token: str) -> CheckInSession:
    """The session behind a QR link (expired ones too, so the page can say so); 404 if none."""
    try:
        return CheckInSession.objects.select_related("activity__organiser", "activity__kind").get(
            token=token
        )
    except CheckInSession.DoesNotExist:
        raise Http404 from None


def checkin_open_for(activity: Activity) -> CheckInSession | None:
    return activity.checkins.filter(expires_at__gt=timezone.now()).first()


def checkin_roster(session: CheckInSession) -> QuerySet[Person]:
    """Who may confirm their name: the current roster of the organising and co-organising
    units; a ward office organises for the whole ward (its briefings gather every office)."""
    activity = session.activity
    units = [activity.organiser, *activity.co_organisers.all()]
    paths = {
        ward_root_of(u).path if u.kind != Unit.Kind.SCHOOL and u.depth == 1 else u.path
        for u in units
    }
    condition = Q()
    for path in paths:
        condition |= Q(unit__path__startswith=path)
    return Person.objects.filter(condition, active_to__isnull=True).select_related("unit")


def checkin_identify(
    session: CheckInSession, full_name: str, birth_date: dt.date | None, phone_tail: str
) -> Person | None:
    """The one roster person with exactly this name and this birth date (or whose phone ends
    with these digits), else None. The public link never lists anyone: a stranger learns
    nothing but "no match" (issue 12, finding 5)."""
    named = checkin_roster(session).filter(name_folded=fold(full_name))
    if birth_date is not None:
        found = [p for p in named if p.birth_date == birth_date]
    elif len(phone_tail) >= CHECKIN_PHONE_DIGITS:
        found = [p for p in named if "".join(filter(str.isdigit, p.phone)).endswith(phone_tail)]
    else:
        found = []
    return found[0] if len(found) == 1 else None


def signin_roster_for(user: ScopedUser, activity: Activity) -> QuerySet[Person]:
    """Whom a sign-in sheet may name: the current roster the user reads, in the organiser's
    ward (the same people the roster picker offers)."""
    return person_list_for(user).filter(
        unit__path__startswith=ward_root_of(activity.organiser).path
    )
