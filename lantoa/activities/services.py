"""Every write to activities and attendance (issue 4). Each checks scope and audits."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.activities.models import (
    Activity,
    ActivityEvidence,
    ActivityKind,
    Attendance,
    CheckInSession,
)
from lantoa.core.audit import audit_entry, audit_record
from lantoa.core.files import check_evidence, evidence_fields
from lantoa.core.models import AuditEntry
from lantoa.core.scoping import ScopedUser
from lantoa.core.text import nfc
from lantoa.org.models import Person, Unit
from lantoa.org.selectors import ward_root_of
from lantoa.org.services import require_write

ACTIVITY_CO_ORGANISER_OUTSIDE = _("Đơn vị phối hợp phải thuộc cùng phường, xã với đơn vị tổ chức.")
ATTENDANCE_PERSON_OUTSIDE = _("Chỉ chọn được người trong danh sách cán bộ bạn được xem.")
ATTENDANCE_NOT_TRACKED = _("Loại hoạt động này không điểm danh người dự.")
CHECKIN_EXPIRED = _("Mã điểm danh đã hết hạn. Xin báo người tổ chức để được ghi tên.")
CHECKIN_NOT_ON_ROSTER = _("Tên bạn chọn không có trong danh sách của đơn vị tổ chức.")
CHECKIN_MIN_HOURS = 2  # a session opened late in the day still stays open this long


@transaction.atomic
def activity_record(
    *,
    actor: ScopedUser | None,
    organiser: Unit,
    co_organisers: Iterable[Unit] = (),
    audiences: Iterable[Any] = (),
    occurrences: Iterable[Any] = (),
    **fields: Any,
) -> Activity:
    """Record an activity for a unit the actor may write; co-organisers make it count once."""
    require_write(actor, organiser)
    fields["title"] = nfc(fields["title"])
    activity = Activity(
        organiser=organiser, created_by=actor if getattr(actor, "pk", None) else None, **fields
    )
    activity.full_clean(exclude=["created_by"])
    activity.save()
    co = [u for u in co_organisers if u.pk != organiser.pk]
    ward = ward_root_of(organiser)
    if any(ward_root_of(u) != ward for u in co):
        raise ValidationError({"co_organisers": ACTIVITY_CO_ORGANISER_OUTSIDE})
    activity.co_organisers.set(co)
    activity.audiences.set(list(audiences))
    activity.occurrences.set(list(occurrences))
    audit_record(
        actor=actor,
        action="activity.recorded",
        obj=activity,
        unit_path=organiser.path,
        changes={
            "kind": [None, str(activity.kind)],
            "date": [None, activity.date.strftime("%d/%m/%Y")],
            "co_organisers": [None, [str(u) for u in co]],
        },
    )
    return activity


@transaction.atomic
def attendance_add(
    *,
    actor: ScopedUser | None,
    activity: Activity,
    people: Iterable[Person],
    source: str = Attendance.Source.PICKED,
) -> int:
    """Add attendees (ignoring those already there); returns how many were added."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    if not activity.kind.has_attendance:
        raise ValidationError(ATTENDANCE_NOT_TRACKED)
    people = list(people)
    if actor is not None and any(not actor.scope.can_read(p.unit) for p in people):
        raise ValidationError(ATTENDANCE_PERSON_OUTSIDE)
    present = set(activity.attendances.values_list("person_id", flat=True))
    new = [
        Attendance(activity=activity, person=p, source=source)
        for p in people
        if p.pk not in present
    ]
    Attendance.objects.bulk_create(new)
    if new:
        AuditEntry.objects.bulk_create(
            audit_entry(
                actor=actor,
                action="attendance.added",
                obj=activity,
                unit_path=activity.organiser.path,
                changes={"person": [None, str(a.person)]},
            )
            for a in new
        )
    return len(new)


@transaction.atomic
def attendance_remove(*, actor: ScopedUser | None, activity: Activity, person: Person) -> None:
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    deleted, _rows = Attendance.objects.filter(activity=activity, person=person).delete()
    if deleted:
        audit_record(
            actor=actor,
            action="attendance.removed",
            obj=activity,
            unit_path=activity.organiser.path,
            changes={"person": [str(person), None]},
        )


@transaction.atomic
def activity_kind_create(
    *,
    actor: ScopedUser,
    unit: Unit,
    name: str,
    category: str,
    has_attendance: bool = False,
    has_reach: bool = False,
) -> ActivityKind:
    """The coordinator extends the list of kinds for the ward (issue 4, item 1)."""
    require_write(actor, unit)
    if not unit.is_ward_root:
        raise PermissionDenied
    kind = ActivityKind(
        unit=unit,
        name=nfc(name),
        category=category,
        has_attendance=has_attendance,
        has_reach=has_reach,
        position=100,
    )
    kind.full_clean()
    kind.save()
    audit_record(
        actor=actor,
        action="activity_kind.created",
        obj=kind,
        unit_path=unit.path,
        changes={"name": [None, kind.name]},
    )
    return kind


@transaction.atomic
def activity_evidence_add(
    *, actor: ScopedUser | None, activity: Activity, files: Iterable[UploadedFile]
) -> int:
    """Attach evidence files, each checked by content; all or none are kept."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    checked = [(upload, check_evidence(upload)) for upload in files]
    for upload, kind in checked:
        ActivityEvidence.objects.create(activity=activity, **evidence_fields(upload, kind, actor))
    if checked:
        audit_record(
            actor=actor,
            action="activity.evidence_added",
            obj=activity,
            unit_path=activity.organiser.path,
            changes={"files": [None, [u.name for u, _k in checked]]},
        )
    return len(checked)


@transaction.atomic
def checkin_open(*, actor: ScopedUser | None, activity: Activity) -> CheckInSession:
    """Open (or reopen) QR check-in for an activity. It ends with the activity's day in
    Asia/Ho_Chi_Minh, and never sooner than two hours from now."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    if not activity.kind.has_attendance:
        raise ValidationError(ATTENDANCE_NOT_TRACKED)
    now = timezone.now()
    day_end = timezone.make_aware(dt.datetime.combine(activity.date, dt.time(23, 59, 59)))
    session = CheckInSession.objects.create(
        activity=activity,
        token=secrets.token_urlsafe(32),
        expires_at=max(day_end, now + dt.timedelta(hours=CHECKIN_MIN_HOURS)),
        opened_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action="checkin.opened",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={
            "expires_at": [None, timezone.localtime(session.expires_at).strftime("%d/%m/%Y %H:%M")]
        },
    )
    return session


@transaction.atomic
def checkin_close(*, actor: ScopedUser | None, activity: Activity) -> None:
    """End every open check-in of the activity now."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    closed = activity.checkins.filter(expires_at__gt=timezone.now()).update(
        expires_at=timezone.now()
    )
    if closed:
        audit_record(
            actor=actor, action="checkin.closed", obj=activity, unit_path=activity.organiser.path
        )


@transaction.atomic
def checkin_confirm(*, session: CheckInSession, person: Person) -> bool:
    """An attendee confirms their own name through the session's link; False if they were
    already on the list. The person must be on the organisers' roster (checkin_roster)."""
    from lantoa.activities.selectors import checkin_roster

    if session.expires_at <= timezone.now():
        raise ValidationError(CHECKIN_EXPIRED)
    if not checkin_roster(session).filter(pk=person.pk).exists():
        raise ValidationError(CHECKIN_NOT_ON_ROSTER)
    added = attendance_add(
        actor=None, activity=session.activity, people=[person], source=Attendance.Source.QR
    )
    return added == 1


@transaction.atomic
def attendance_import(
    *, actor: ScopedUser | None, activity: Activity, upload: UploadedFile, roster: Any
) -> int:
    """Add everyone a sign-in sheet names; any bad row saves nothing and every error is
    reported with its row (the roster import's rules). Returns how many were added."""
    from lantoa.activities.signin import parse_sign_in

    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    sheet = parse_sign_in(upload.read(), upload.name, roster)
    if sheet.errors:
        raise ValidationError([str(e) for e in sheet.errors])
    return attendance_add(
        actor=actor, activity=activity, people=sheet.people, source=Attendance.Source.IMPORTED
    )
