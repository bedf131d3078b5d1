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

from lantoa.accounts.models import Role
from lantoa.activities.co_organising import co_organisers_name, invited_names
from lantoa.activities.models import (
    Activity,
    ActivityEvidence,
    ActivityKind,
    Attendance,
    CheckInSession,
)
from lantoa.activities.selectors import checkin_identify
from lantoa.activities.signin import parse_sign_in
from lantoa.core.audit import audit_entry, audit_record, diff, snapshot
from lantoa.core.concurrency import version_claim
from lantoa.core.dates import format_vn_date, format_vn_datetime
from lantoa.core.files import check_evidence, evidence_fields
from lantoa.core.models import AuditEntry
from lantoa.core.ratelimit import Limit, hit
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.core.text import nfc
from lantoa.org.models import Person, Unit

ATTENDANCE_PERSON_OUTSIDE = _("Chỉ chọn được người trong danh sách cán bộ bạn được xem.")
ATTENDANCE_NOT_TRACKED = _("Loại hoạt động này không điểm danh người dự.")
CHECKIN_EXPIRED = _("Mã điểm danh đã hết hạn. Xin báo người tổ chức để được ghi tên.")
CHECKIN_NO_MATCH = _(
    "Không tìm thấy người nào có đúng họ tên và ngày sinh (hoặc số điện thoại) này trong danh "
    "sách cán bộ của đơn vị tổ chức. Kiểm tra lại chính tả và ngày sinh, hoặc báo người tổ chức."
)
CHECKIN_TOO_MANY = _("Có quá nhiều lần thử từ máy này. Xin báo người tổ chức để được ghi tên.")
CHECKIN_PER_CLIENT = Limit("checkin:client", 100, dt.timedelta(hours=1))
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
    co, invited = co_organisers_name(actor, activity, co_organisers)
    activity.audiences.set(list(audiences))
    activity.occurrences.set(list(occurrences))
    audit_record(
        actor=actor,
        action="activity.recorded",
        obj=activity,
        unit_path=organiser.path,
        changes={
            "kind": [None, str(activity.kind)],
            "date": [None, format_vn_date(activity.date)],
            "co_organisers": [None, [str(u) for u in co]],
            "invited": [None, [str(u) for u in invited]],
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
    """Add attendees (ignoring those already there; one removed earlier comes back); returns
    how many were added."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    if not activity.kind.has_attendance:
        raise ValidationError(ATTENDANCE_NOT_TRACKED)
    people = list(people)
    if actor is not None and any(not actor.scope.can_read(p.unit) for p in people):
        raise ValidationError(ATTENDANCE_PERSON_OUTSIDE)
    rows = {a.person_id: a for a in Attendance.all_objects.filter(activity=activity)}
    new = [
        Attendance(activity=activity, person=p, source=source)
        for p in dict.fromkeys(people)
        if p.pk not in rows
    ]
    returning = [rows[p.pk] for p in people if p.pk in rows and rows[p.pk].is_deleted]
    Attendance.objects.bulk_create(new)
    Attendance.all_objects.filter(pk__in=[a.pk for a in returning]).update(
        deleted_at=None, deleted_by=None, deletion_reason="", source=source
    )
    added = [*new, *returning]
    if added:
        AuditEntry.objects.bulk_create(
            audit_entry(
                actor=actor,
                action="attendance.added",
                obj=activity,
                unit_path=activity.organiser.path,
                changes={"person": [None, str(a.person)]},
            )
            for a in added
        )
    return len(added)


@transaction.atomic
def attendance_remove(
    *, actor: ScopedUser | None, activity: Activity, person: Person, reason: str = ""
) -> Attendance | None:
    """Take someone off the attendance; the row is kept, marked removed, so the removal can be
    undone (`attendance_restore`). Returns the removed row (None if they were not there)."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    row = Attendance.objects.filter(activity=activity, person=person).first()
    if row is None:
        return None
    _soft_delete(row, actor, reason or str(ATTENDANCE_REMOVED_REASON))
    audit_record(
        actor=actor,
        action="attendance.removed",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"person": [str(person), None]},
    )
    return row


@transaction.atomic
def attendance_restore(*, actor: ScopedUser | None, attendance: Attendance) -> None:
    """Undo a removal: the organiser's writers (the «Hoàn tác» button) or the coordinator."""
    activity = attendance.activity
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    _restore(attendance)
    audit_record(
        actor=actor,
        action="attendance.restored",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"person": [None, str(attendance.person)]},
    )


ATTENDANCE_REMOVED_REASON = _("Bỏ khỏi danh sách người dự")
DELETE_NEEDS_REASON = _("Ghi lý do xóa (ví dụ: ghi trùng, ghi nhầm đơn vị) để người khác hiểu.")
RESTORE_COORDINATOR_ONLY = _("Chỉ cán bộ điều phối của phường khôi phục được bản ghi đã xóa.")


def _soft_delete(record: Any, actor: ScopedUser | None, reason: str) -> None:
    if not reason.strip():
        raise ValidationError({"reason": DELETE_NEEDS_REASON})
    record.deleted_at = timezone.now()
    record.deleted_by = actor if getattr(actor, "pk", None) else None
    record.deletion_reason = reason.strip()[:300]
    record.save(update_fields=["deleted_at", "deleted_by", "deletion_reason"])


def _restore(record: Any) -> None:
    record.deleted_at = None
    record.deleted_by = None
    record.deletion_reason = ""
    record.save(update_fields=["deleted_at", "deleted_by", "deletion_reason"])


def _require_restorer(actor: ScopedUser | None, unit: Unit) -> None:
    """Restoring a deleted activity or file is the coordinator's call (issue 10, item 4)."""
    if actor is None or getattr(actor, "is_superuser", False):
        return
    if not (actor.has_role(Role.COORDINATOR) and actor.scope.can_write(unit)):  # type: ignore[attr-defined]
        raise PermissionDenied(RESTORE_COORDINATOR_ONLY)


ACTIVITY_FIELDS = [
    "kind",
    "title",
    "date",
    "start_time",
    "place",
    "guests",
    "channel",
    "reach",
    "shares",
    "link",
    "plan",
    "description",
]


@transaction.atomic
def activity_update(
    *,
    actor: ScopedUser | None,
    activity: Activity,
    version: int | None = None,
    co_organisers: Iterable[Unit] | None = None,
    audiences: Iterable[Any] | None = None,
    **fields: Any,
) -> Activity:
    """Correct what was recorded (issue 10, item 4); the organiser stays (delete and record
    again to move an activity to another unit). `version`: the one the form was opened on."""
    require_write(actor, activity.organiser)
    version_claim(activity, version, str(_("hoạt động này")))
    fields.pop("organiser", None)
    before = snapshot(activity, ACTIVITY_FIELDS)
    before["co_organisers"] = sorted(str(u) for u in activity.co_organisers.all())
    before["invited"] = invited_names(activity)
    before["audiences"] = sorted(str(a) for a in activity.audiences.all())
    for name, value in fields.items():
        setattr(activity, name, nfc(value) if name == "title" else value)
    activity.full_clean(exclude=["created_by", "organiser"])
    activity.save(update_fields=[*fields.keys(), "version"] if fields else ["version"])
    if co_organisers is not None:
        co_organisers_name(actor, activity, co_organisers)
    if audiences is not None:
        activity.audiences.set(list(audiences))
    after = snapshot(activity, ACTIVITY_FIELDS)
    after["co_organisers"] = sorted(str(u) for u in activity.co_organisers.all())
    after["invited"] = invited_names(activity)
    after["audiences"] = sorted(str(a) for a in activity.audiences.all())
    changes = diff(before, after)
    if changes:
        audit_record(
            actor=actor,
            action="activity.changed",
            obj=activity,
            unit_path=activity.organiser.path,
            changes=changes,
        )
    return activity


@transaction.atomic
def activity_delete(*, actor: ScopedUser | None, activity: Activity, reason: str) -> None:
    """Delete an activity with a reason: it leaves every count, list, target and report draft
    at once; the coordinator can restore it (`activity_restore`)."""
    require_write(actor, activity.organiser)
    _soft_delete(activity, actor, reason)
    audit_record(
        actor=actor,
        action="activity.deleted",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"reason": [None, activity.deletion_reason]},
    )


@transaction.atomic
def activity_restore(*, actor: ScopedUser | None, activity: Activity) -> None:
    _require_restorer(actor, activity.organiser)
    reason = activity.deletion_reason
    _restore(activity)
    audit_record(
        actor=actor,
        action="activity.restored",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"reason": [reason, None]},
    )


@transaction.atomic
def activity_evidence_delete(
    *, actor: ScopedUser | None, evidence: ActivityEvidence, reason: str
) -> None:
    """Remove a file from an activity's evidence, with a reason; the file is kept for the
    coordinator to restore."""
    activity = evidence.activity
    require_write(actor, activity.organiser)
    _soft_delete(evidence, actor, reason)
    audit_record(
        actor=actor,
        action="activity.evidence_deleted",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"file": [evidence.original_name, None], "reason": [None, reason.strip()]},
    )


@transaction.atomic
def activity_evidence_restore(*, actor: ScopedUser | None, evidence: ActivityEvidence) -> None:
    activity = evidence.activity
    _require_restorer(actor, activity.organiser)
    _restore(evidence)
    audit_record(
        actor=actor,
        action="activity.evidence_restored",
        obj=activity,
        unit_path=activity.organiser.path,
        changes={"file": [None, evidence.original_name]},
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
    checked = [check_evidence(upload) for upload in files]
    for file in checked:
        ActivityEvidence.objects.create(activity=activity, **evidence_fields(file, actor))
    if checked:
        audit_record(
            actor=actor,
            action="activity.evidence_added",
            obj=activity,
            unit_path=activity.organiser.path,
            changes={"files": [None, [f.name for f in checked]]},
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
        changes={"expires_at": [None, format_vn_datetime(session.expires_at)]},
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


def checkin_self(
    *,
    session: CheckInSession,
    full_name: str,
    birth_date: dt.date | None,
    phone_tail: str,
    client: str,
) -> tuple[Person, bool]:
    """An attendee puts their own name on the list through the session's link: the one person
    on the organisers' roster with this name and birth date (or phone ending), never picked
    from a list; (the person, whether newly added). At most CHECKIN_PER_CLIENT tries an hour
    from one client, so names cannot be guessed at speed (issue 12, finding 5). Not atomic on
    purpose: a failed try must still count."""
    if session.expires_at <= timezone.now():
        raise ValidationError(CHECKIN_EXPIRED)
    if not hit(CHECKIN_PER_CLIENT, f"{session.pk}:{client}"):
        raise ValidationError(CHECKIN_TOO_MANY)
    person = checkin_identify(session, full_name, birth_date, phone_tail)
    if person is None:
        raise ValidationError(CHECKIN_NO_MATCH)
    added = attendance_add(
        actor=None, activity=session.activity, people=[person], source=Attendance.Source.QR
    )
    return person, added == 1


@transaction.atomic
def attendance_import(
    *, actor: ScopedUser | None, activity: Activity, upload: UploadedFile, roster: Any
) -> int:
    """Add everyone a sign-in sheet names; any bad row saves nothing and every error is
    reported with its row (the roster import's rules). Returns how many were added."""
    if actor is not None and not actor.scope.can_write(activity.organiser):
        raise PermissionDenied
    sheet = parse_sign_in(upload.read(), upload.name, roster)
    if sheet.errors:
        raise ValidationError([str(e) for e in sheet.errors])
    return attendance_add(
        actor=actor, activity=activity, people=sheet.people, source=Attendance.Source.IMPORTED
    )
