"""Every write to units, people and audiences (issue 2). Each checks scope and audits."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.core.audit import audit_entry, audit_record, diff, snapshot
from lantoa.core.concurrency import version_claim
from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.models import AuditEntry
from lantoa.core.scoping import ScopedUser
from lantoa.core.text import fold, nfc
from lantoa.org.models import (
    PATH_SEGMENT_WIDTH,
    Audience,
    Person,
    Posting,
    RosterImport,
    Unit,
    default_abbreviation,
)
from lantoa.org.roster import RosterRow, parse_roster

logger = logging.getLogger(__name__)

UNIT_FIELDS = [
    "code",
    "name",
    "short_name",
    "abbreviation",
    "kind",
    "school_level",
    "parent",
    "division",
    "head",
    "phone",
    "email",
    "address",
    "is_active",
    "established_on",
    "closed_on",
]
PERSON_FIELDS = [
    "full_name",
    "gender",
    "birth_date",
    "staff_category",
    "position",
    "unit",
    "phone",
    "email",
    "active_from",
    "active_to",
]
AUDIENCE_FIELDS = ["name", "description", "staff_categories", "estimated_size"]

PERSON_MOVE_SAME_UNIT = _("Người này đang ở đơn vị đó; chọn đơn vị khác.")
PERSON_MOVE_BEFORE_START = _("Ngày chuyển phải sau ngày bắt đầu ở đơn vị hiện tại ({date}).")
UNIT_PARENT_CYCLE = _(
    "Không thể đặt đơn vị cấp trên là chính đơn vị này hoặc đơn vị cấp dưới của nó."
)
UNIT_HEAD_OUTSIDE = _("Thủ trưởng đơn vị phải là người thuộc đơn vị này.")


def require_write(actor: ScopedUser | None, unit: Unit) -> None:
    """Raise PermissionDenied unless `actor` may change records of `unit` (None: the system)."""
    if actor is not None and not actor.scope.can_write(unit):
        raise PermissionDenied


def unit_path_for(unit: Unit) -> str:
    parent_path = unit.parent.path if unit.parent_id else "/"
    return f"{parent_path}{unit.pk:0{PATH_SEGMENT_WIDTH}d}/"


@transaction.atomic
def unit_create(*, actor: ScopedUser | None, **fields: Any) -> Unit:
    """Create a unit under a parent the actor may write (a superuser or the system may add roots)."""
    parent = fields.get("parent")
    if actor is not None and not actor.scope.is_superuser:
        if parent is None:
            raise PermissionDenied
        require_write(actor, parent)
    fields["name"] = nfc(fields["name"])
    unit = Unit(**fields)
    unit.name_folded = fold(unit.name)
    unit.abbreviation = unit.abbreviation or default_abbreviation(unit.code, unit.kind)
    unit.full_clean(exclude=["path", "head"])
    unit.save()
    unit.path = unit_path_for(unit)
    unit.depth = unit.path.count("/") - 2
    unit.save(update_fields=["path", "depth"])
    audit_record(
        actor=actor,
        action="unit.created",
        obj=unit,
        unit_path=unit.path,
        changes=diff({}, snapshot(unit, UNIT_FIELDS)),
    )
    return unit


@transaction.atomic
def unit_update(
    *, actor: ScopedUser | None, unit: Unit, version: int | None = None, **fields: Any
) -> Unit:
    """Change a unit's details; a new parent moves its whole subtree (paths rewritten).
    `version`: the one the form was opened on (core.concurrency)."""
    require_write(actor, unit)
    version_claim(unit, version, str(_("thông tin đơn vị này")))
    before = snapshot(unit, UNIT_FIELDS)
    old_path = unit.path
    new_parent = fields.get("parent", unit.parent)
    if new_parent != unit.parent:
        if new_parent is None or new_parent.path.startswith(unit.path):
            raise ValidationError({"parent": UNIT_PARENT_CYCLE})
        require_write(actor, new_parent)
    head = fields.get("head", unit.head)
    if head is not None and head.unit_id != unit.pk:
        raise ValidationError({"head": UNIT_HEAD_OUTSIDE})
    for name, value in fields.items():
        setattr(unit, name, nfc(value) if name == "name" else value)
    unit.name_folded = fold(unit.name)
    unit.full_clean(exclude=["path"])
    unit.path = unit_path_for(unit)
    unit.depth = unit.path.count("/") - 2
    changes = diff(before, snapshot(unit, UNIT_FIELDS))
    if not changes:
        return unit
    unit.save(update_fields=[*fields.keys(), "name_folded", "path", "depth"])
    if unit.path != old_path:
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk):
            child.path = unit.path + child.path[len(old_path) :]
            child.depth = child.path.count("/") - 2
            child.save(update_fields=["path", "depth"])
    audit_record(actor=actor, action="unit.changed", obj=unit, unit_path=unit.path, changes=changes)
    return unit


@transaction.atomic
def person_create(*, actor: ScopedUser | None, **fields: Any) -> Person:
    """Add a person to a unit's roster, opening their first posting."""
    unit: Unit = fields["unit"]
    require_write(actor, unit)
    fields["full_name"] = nfc(fields["full_name"])
    fields.setdefault("active_from", local_today())
    person = Person(**fields)
    person.name_folded = fold(person.full_name)
    person.full_clean()
    person.save()
    Posting.objects.create(
        person=person,
        unit=unit,
        staff_category=person.staff_category,
        position=person.position,
        start=person.active_from,
        end=person.active_to,
    )
    audit_record(
        actor=actor,
        action="person.created",
        obj=person,
        unit_path=unit.path,
        changes=diff({}, snapshot(person, PERSON_FIELDS)),
    )
    return person


@transaction.atomic
def person_update(
    *, actor: ScopedUser | None, person: Person, version: int | None = None, **fields: Any
) -> Person:
    """Correct a person's details in place (a move to another unit goes through person_move).
    `version`: the one the form was opened on (core.concurrency)."""
    require_write(actor, person.unit)
    version_claim(person, version, str(_("thông tin người này")))
    if "unit" in fields and fields["unit"] != person.unit:
        return person_move(
            actor=actor,
            person=person,
            unit=fields.pop("unit"),
            on=local_today(),
            **fields,
        )
    fields.pop("unit", None)
    before = snapshot(person, PERSON_FIELDS)
    for name, value in fields.items():
        setattr(person, name, nfc(value) if name == "full_name" else value)
    person.name_folded = fold(person.full_name)
    person.full_clean()
    changes = diff(before, snapshot(person, PERSON_FIELDS))
    if not changes:
        return person
    person.save(update_fields=[*fields.keys(), "name_folded"])
    current = person.postings.filter(end__isnull=True).first()
    if current is not None:
        current.staff_category = person.staff_category
        current.position = person.position
        current.end = person.active_to
        current.save(update_fields=["staff_category", "position", "end"])
    audit_record(
        actor=actor,
        action="person.changed",
        obj=person,
        unit_path=person.unit.path,
        changes=changes,
    )
    return person


@transaction.atomic
def person_move(
    *, actor: ScopedUser | None, person: Person, unit: Unit, on: dt.date, **fields: Any
) -> Person:
    """Move a person to another unit from date `on`: close the posting, open a new one."""
    require_write(actor, person.unit)
    require_write(actor, unit)
    if unit.pk == person.unit_id:
        raise ValidationError({"unit": PERSON_MOVE_SAME_UNIT})
    current = person.postings.filter(end__isnull=True).first()
    if current is not None and on <= current.start:
        raise ValidationError(
            {"unit": str(PERSON_MOVE_BEFORE_START).format(date=format_vn_date(current.start))}
        )
    before = snapshot(person, PERSON_FIELDS)
    if current is not None:
        current.end = on - dt.timedelta(days=1)
        current.save(update_fields=["end"])
    for name, value in fields.items():
        setattr(person, name, nfc(value) if name == "full_name" else value)
    person.unit = unit
    person.name_folded = fold(person.full_name)
    person.full_clean()
    person.save()
    Posting.objects.create(
        person=person,
        unit=unit,
        staff_category=person.staff_category,
        position=person.position,
        start=on,
        end=person.active_to,
    )
    audit_record(
        actor=actor,
        action="person.moved",
        obj=person,
        unit_path=unit.path,
        changes=diff(before, snapshot(person, PERSON_FIELDS)),
    )
    return person


@transaction.atomic
def person_delete(*, actor: ScopedUser | None, person: Person) -> None:
    """Remove a roster entry typed in error (someone who left gets an end date instead)."""
    require_write(actor, person.unit)
    audit_record(
        actor=actor,
        action="person.deleted",
        obj=person,
        unit_path=person.unit.path,
        changes=diff(snapshot(person, PERSON_FIELDS), {}),
    )
    person.delete()


@transaction.atomic
def audience_create(*, actor: ScopedUser | None, unit: Unit, **fields: Any) -> Audience:
    require_write(actor, unit)
    fields["name"] = nfc(fields["name"])
    audience = Audience(unit=unit, **fields)
    audience.full_clean()
    audience.save()
    audit_record(
        actor=actor,
        action="audience.created",
        obj=audience,
        unit_path=unit.path,
        changes=diff({}, snapshot(audience, AUDIENCE_FIELDS)),
    )
    return audience


@transaction.atomic
def audience_update(*, actor: ScopedUser | None, audience: Audience, **fields: Any) -> Audience:
    require_write(actor, audience.unit)
    before = snapshot(audience, AUDIENCE_FIELDS)
    for name, value in fields.items():
        setattr(audience, name, nfc(value) if name == "name" else value)
    audience.full_clean()
    changes = diff(before, snapshot(audience, AUDIENCE_FIELDS))
    if changes:
        audience.save(update_fields=list(fields))
        audit_record(
            actor=actor,
            action="audience.changed",
            obj=audience,
            unit_path=audience.unit.path,
            changes=changes,
        )
    return audience


@transaction.atomic
def audience_delete(*, actor: ScopedUser | None, audience: Audience) -> None:
    require_write(actor, audience.unit)
    audit_record(actor=actor, action="audience.deleted", obj=audience, unit_path=audience.unit.path)
    audience.delete()


# --- Roster import (issue 2, item 5) -------------------------------------------------------

ROSTER_FILE_TOO_BIG = _("Tệp lớn hơn %(mb)s MB. Hãy chia danh sách thành nhiều tệp.")
ROSTER_FILE_TYPE = _("Chỉ nhận tệp .xlsx hoặc .csv. Hãy tải tệp mẫu và điền theo mẫu.")


@transaction.atomic
def roster_import_start(*, actor: ScopedUser, unit: Unit, uploaded: UploadedFile) -> RosterImport:
    """Keep the uploaded file and queue its import; the worker does the rest."""
    require_write(actor, unit)
    if uploaded.size > settings.LANTOA_ROSTER_MAX_BYTES:
        raise ValidationError(
            {"file": str(ROSTER_FILE_TOO_BIG) % {"mb": settings.LANTOA_ROSTER_MAX_BYTES // 2**20}}
        )
    if not uploaded.name.lower().endswith((".xlsx", ".csv", ".xls", ".xlsm")):
        raise ValidationError({"file": ROSTER_FILE_TYPE})
    job = RosterImport.objects.create(
        unit=unit, uploaded_by=actor, file=uploaded, original_name=uploaded.name[:255]
    )
    from lantoa.org.tasks import roster_import_task

    transaction.on_commit(lambda: roster_import_task(job.pk))
    return job


ROSTER_IMPORT_CRASHED = _(
    "Nhập thất bại: %(reason)s. Chưa lưu dòng nào; hãy tải tệp lên lại, nếu vẫn lỗi xin báo quản "
    "trị hệ thống."
)
ROSTER_IMPORT_INTERRUPTED = _("máy chủ dừng giữa chừng hai lần khi đang kiểm tra tệp")
ROSTER_IMPORT_UNREADABLE = _("máy chủ không đọc được tệp đã tải lên")
ROSTER_IMPORT_UNEXPECTED = _("gặp lỗi không lường trước (đã ghi vào nhật ký máy chủ)")
MAX_ROSTER_ATTEMPTS = 2


def roster_import_run(job_id: int) -> RosterImport:
    """Check every row (showing progress), then save all or nothing. Idempotent per job: a job
    is claimed by one worker at a time, and whatever goes wrong ends it as failed with the
    reason, never left "running" (issue 10, item 8)."""
    claimed = RosterImport.objects.filter(pk=job_id, status=RosterImport.Status.PENDING).update(
        status=RosterImport.Status.RUNNING, attempts=F("attempts") + 1
    )
    job = RosterImport.objects.select_related("unit", "uploaded_by").get(pk=job_id)
    if not claimed:  # finished, or another worker has it
        return job
    try:
        return _roster_import_check_and_save(job)
    except OSError:
        logger.exception("roster import %s: the stored file could not be read", job_id)
        return _roster_import_failed(job, str(ROSTER_IMPORT_UNREADABLE))
    except Exception:  # noqa: BLE001 - any failure must end the job, with a reason people read
        logger.exception("roster import %s failed", job_id)
        return _roster_import_failed(job, str(ROSTER_IMPORT_UNEXPECTED))


def _roster_import_check_and_save(job: RosterImport) -> RosterImport:
    actor = job.uploaded_by
    writable = {u.code: u for u in _writable_units(actor, job.unit)}

    def progress(done: int, total: int) -> None:
        RosterImport.objects.filter(pk=job.pk).update(processed_rows=done, total_rows=total)

    with job.file.open("rb") as handle:
        content = handle.read()
    parsed = parse_roster(content, job.original_name, units=writable, progress=progress)
    job.total_rows = parsed.total_rows
    job.processed_rows = parsed.total_rows
    job.finished_at = timezone.now()
    if parsed.errors:
        job.status = RosterImport.Status.FAILED
        job.errors = [e.as_dict() for e in parsed.errors]
    else:
        job.summary = roster_import_apply(actor=actor, rows=parsed.rows, units=writable)
        job.status = RosterImport.Status.DONE
    job.save(
        update_fields=["status", "errors", "summary", "total_rows", "processed_rows", "finished_at"]
    )
    return job


def _roster_import_failed(job: RosterImport, reason: str) -> RosterImport:
    text = str(ROSTER_IMPORT_CRASHED) % {"reason": reason[:300]}
    job.status = RosterImport.Status.FAILED
    job.errors = [{"row": None, "column": "", "message": text, "text": text}]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "errors", "finished_at"])
    return job


def roster_imports_recover() -> list[int]:
    """When the worker starts: a job a killed worker left running goes back in the queue
    once; a second interruption ends it as failed. Returns the ids queued again."""
    retry = []
    for job in RosterImport.objects.filter(status=RosterImport.Status.RUNNING):
        if job.attempts >= MAX_ROSTER_ATTEMPTS:
            _roster_import_failed(job, str(ROSTER_IMPORT_INTERRUPTED))
            continue
        RosterImport.objects.filter(pk=job.pk, status=RosterImport.Status.RUNNING).update(
            status=RosterImport.Status.PENDING
        )
        retry.append(job.pk)
    return retry


def _writable_units(actor: Any, unit: Unit) -> list[Unit]:
    units = Unit.objects.filter(path__startswith=unit.path)
    if actor is None:
        return list(units)
    return [u for u in units if actor.scope.can_write(u)]


@transaction.atomic
def roster_import_apply(
    *, actor: Any, rows: list[RosterRow], units: dict[str, Unit]
) -> dict[str, int]:
    """Save checked rows in one transaction: new people, changed details, moves between units.

    A row matches an existing person in the same units by folded name + birth date. Blank
    optional cells never erase what is saved; people missing from the file are left alone.
    """
    today = local_today()
    unit_ids = [u.pk for u in units.values()]
    existing: dict[tuple[str, dt.date | None], Person] = {
        (p.name_folded, p.birth_date): p
        for p in Person.objects.filter(unit_id__in=unit_ids).select_related("unit")
    }
    to_create: list[Person] = []
    to_update: list[Person] = []
    moves: list[tuple[Person, Unit, dt.date]] = []
    entries = []
    for row in rows:
        unit = units[row.unit_code]
        person = existing.get(row.key)
        if person is None:
            person = Person(
                full_name=row.full_name,
                name_folded=fold(row.full_name),
                birth_date=row.birth_date,
                gender=row.gender,
                staff_category=row.staff_category,
                position=row.position,
                unit=unit,
                phone=row.phone,
                email=row.email,
                active_from=row.active_from or today,
            )
            to_create.append(person)
            continue
        before = snapshot(person, PERSON_FIELDS)
        for name in ("gender", "position", "phone", "email"):
            value = getattr(row, name)
            if value:
                setattr(person, name, value)
        person.staff_category = row.staff_category
        if person.unit_id != unit.pk:
            moves.append((person, unit, row.active_from or today))
            continue
        changes = diff(before, snapshot(person, PERSON_FIELDS))
        if changes:
            to_update.append(person)
            entries.append(
                audit_entry(
                    actor=actor,
                    action="person.changed",
                    obj=person,
                    unit_path=unit.path,
                    changes=changes,
                )
            )
    Person.objects.bulk_create(to_create, batch_size=1000)
    Posting.objects.bulk_create(
        [
            Posting(
                person=p,
                unit=p.unit,
                staff_category=p.staff_category,
                position=p.position,
                start=p.active_from,
            )
            for p in to_create
        ],
        batch_size=1000,
    )
    entries.extend(
        audit_entry(
            actor=actor,
            action="person.created",
            obj=p,
            unit_path=p.unit.path,
            changes={"source": [None, "roster_import"]},
        )
        for p in to_create
    )
    if to_update:
        Person.objects.bulk_update(
            to_update, ["gender", "position", "phone", "email", "staff_category"], batch_size=1000
        )
        for person in to_update:
            Posting.objects.filter(person=person, end__isnull=True).update(
                staff_category=person.staff_category, position=person.position
            )
    AuditEntry.objects.bulk_create(entries, batch_size=1000)
    for person, unit, on in moves:
        person_move(actor=actor, person=person, unit=unit, on=max(on, today))
    return {
        "created": len(to_create),
        "updated": len(to_update),
        "moved": len(moves),
        "unchanged": len(rows) - len(to_create) - len(to_update) - len(moves),
    }
