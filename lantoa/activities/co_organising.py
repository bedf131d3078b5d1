"""Co-organising (issue 12, finding 8): a unit named as co-organiser by someone who does not
speak for it is invited, and the activity counts for it, and it reads the activity, only once it
accepts; a co-organising unit can take its name off."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.activities.models import Activity, CoOrganiserInvitation
from lantoa.core.audit import audit_record
from lantoa.core.lifecycle import transition
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.org.models import Unit
from lantoa.org.selectors import ward_root_of

ACTIVITY_CO_ORGANISER_OUTSIDE = _("Đơn vị phối hợp phải thuộc cùng phường, xã với đơn vị tổ chức.")


def co_organisers_name(
    actor: ScopedUser | None, activity: Activity, named: Iterable[Unit]
) -> tuple[list[Unit], list[Unit]]:
    """Make `named` the activity's co-organisers (issue 12, finding 8). A unit the actor
    writes, or one that already co-organises, is one at once; any other is invited and counts
    only when it accepts. Pending invitations to units no longer named are withdrawn. Returns
    (co-organisers, units invited)."""
    named = [u for u in named if u.pk != activity.organiser_id]
    ward = ward_root_of(activity.organiser)
    if any(ward_root_of(u) != ward for u in named):
        raise ValidationError({"co_organisers": ACTIVITY_CO_ORGANISER_OUTSIDE})
    already = set(activity.co_organisers.values_list("pk", flat=True))
    direct = [u for u in named if u.pk in already or actor is None or actor.scope.can_write(u)]
    invited = [u for u in named if u not in direct]
    activity.co_organisers.set(direct)
    pending = activity.invitations.filter(status=CoOrganiserInvitation.Status.PENDING)
    pending.exclude(unit__in=invited).delete()
    asked = set(pending.values_list("unit_id", flat=True))
    for unit in invited:
        if unit.pk not in asked:
            CoOrganiserInvitation.objects.update_or_create(
                activity=activity,
                unit=unit,
                defaults={
                    "status": CoOrganiserInvitation.Status.PENDING,
                    "invited_by": actor if getattr(actor, "pk", None) else None,
                    "answered_by": None,
                    "answered_at": None,
                },
            )
    return direct, invited


def invited_names(activity: Activity) -> list[str]:
    pending = activity.invitations.filter(status=CoOrganiserInvitation.Status.PENDING)
    return sorted(str(i.unit) for i in pending.select_related("unit"))


@transaction.atomic
def co_organising_answer(
    *, actor: ScopedUser, invitation: CoOrganiserInvitation, accept: bool
) -> None:
    """The invited unit accepts (the activity then counts for it and it reads it) or declines
    (issue 12, finding 8). IllegalMove when the invitation was answered or withdrawn."""
    require_write(actor, invitation.unit)
    transition(
        actor=actor,
        obj=invitation,
        move="accept" if accept else "decline",
        unit_path=invitation.activity.organiser.path,
        values={"answered_by": actor, "answered_at": timezone.now()},
        changes={"unit": [None, str(invitation.unit)]},
    )
    if accept:
        invitation.activity.co_organisers.add(invitation.unit)


@transaction.atomic
def co_organising_leave(*, actor: ScopedUser, activity: Activity) -> list[Unit]:
    """The units the actor writes take their name off an activity another unit named them as
    co-organisers of: it no longer counts for them, nor do they read it (issue 12, finding 8:
    the named unit could not remove itself). Returns the units removed."""
    units = [u for u in activity.co_organisers.all() if actor.scope.can_write(u)]
    if not units:
        raise PermissionDenied
    activity.co_organisers.remove(*units)
    audit_record(
        actor=actor,
        action="activity.co_organiser_left",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"co_organisers": [[str(u) for u in units], None]},
    )
    return units
