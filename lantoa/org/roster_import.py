"""Importing a roster file (issue 2, item 5; issue 10, item 8): the upload is kept and checked
by the worker, which saves all or nothing and always ends the job — done, or failed with a
reason people can read — even when a worker was killed midway (`roster_imports_recover`).

The worker job is defined here, beside the code it runs, so that starting an import (which
queues the job) and running it live in one module; `org.tasks` imports it for the worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from huey.contrib.djhuey import db_task

from lantoa.core.audit import audit_entry, diff, snapshot
from lantoa.core.dates import local_today
from lantoa.core.models import AuditEntry
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.core.text import fold
from lantoa.org.models import Person, Posting, RosterImport, Unit
from lantoa.org.roster import parse_roster
from lantoa.org.roster_checks import RosterRow
from lantoa.org.services import PERSON_FIELDS, person_move

if TYPE_CHECKING:
    from lantoa.accounts.models import User

logger = logging.getLogger(__name__)

ROSTER_FILE_TOO_BIG = _("Tệp lớn hơn %(mb)s MB. Hãy chia danh sách thành nhiều tệp.")
ROSTER_FILE_TYPE = _("Chỉ nhận tệp .xlsx hoặc .csv. Hãy tải tệp mẫu và điền theo mẫu.")


@transaction.atomic
def roster_import_start(*, actor: ScopedUser, unit: Unit, uploaded: UploadedFile) -> RosterImport:
    """Keep the uploaded file and queue its import; the worker does the rest."""
    require_write(actor, unit)
    if (uploaded.size or 0) > settings.LANTOA_ROSTER_MAX_BYTES:
        raise ValidationError(
            {"file": str(ROSTER_FILE_TOO_BIG) % {"mb": settings.LANTOA_ROSTER_MAX_BYTES // 2**20}}
        )
    name = uploaded.name or ""
    if not name.lower().endswith((".xlsx", ".csv", ".xls", ".xlsm")):
        raise ValidationError({"file": ROSTER_FILE_TYPE})
    job = RosterImport.objects.create(
        unit=unit,
        uploaded_by=cast("User", actor),  # the ScopedUser protocol is met by accounts.User only
        file=uploaded,
        original_name=name[:255],
    )
    transaction.on_commit(lambda: roster_import_job(job.pk))
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


@db_task()
def roster_import_job(job_id: int) -> None:
    """The worker's side of an import (queued by `roster_import_start`)."""
    roster_import_run(job_id)


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


def _writable_units(actor: ScopedUser | None, unit: Unit) -> list[Unit]:
    """The unit and its subunits that `actor` may write (all of them for the system)."""
    units = Unit.objects.filter(path__startswith=unit.path)
    if actor is None:
        return list(units)
    return [u for u in units if actor.scope.can_write(u)]


@dataclass
class RosterChanges:
    """What saving the checked rows will do, decided before anything is written."""

    to_create: list[Person] = field(default_factory=list)
    to_update: list[Person] = field(default_factory=list)
    moves: list[tuple[Person, Unit, dt.date]] = field(default_factory=list)
    entries: list[AuditEntry] = field(default_factory=list)  # "person.changed", in row order

    def summary(self, rows: int) -> dict[str, int]:
        """The counts the import page shows."""
        return {
            "created": len(self.to_create),
            "updated": len(self.to_update),
            "moved": len(self.moves),
            "unchanged": rows - len(self.to_create) - len(self.to_update) - len(self.moves),
        }


@transaction.atomic
def roster_import_apply(
    *, actor: ScopedUser | None, rows: list[RosterRow], units: Mapping[str, Unit]
) -> dict[str, int]:
    """Save checked rows in one transaction: new people, changed details, moves between units.

    A row matches an existing person in the same units by folded name + birth date. Blank
    optional cells never erase what is saved; people missing from the file are left alone.
    """
    today = local_today()
    changes = _roster_changes(actor=actor, rows=rows, units=units, today=today)
    created_entries = _people_create(actor=actor, people=changes.to_create)
    _people_update(changes.to_update)
    AuditEntry.objects.bulk_create([*changes.entries, *created_entries], batch_size=1000)
    for person, unit, on in changes.moves:
        person_move(actor=actor, person=person, unit=unit, on=max(on, today))
    return changes.summary(len(rows))


def _roster_changes(
    *, actor: ScopedUser | None, rows: list[RosterRow], units: Mapping[str, Unit], today: dt.date
) -> RosterChanges:
    """Each row as a new person, a change of an existing one, a move, or nothing."""
    unit_ids = [u.pk for u in units.values()]
    existing: dict[tuple[str, dt.date | None], Person] = {
        (p.name_folded, p.birth_date): p
        for p in Person.objects.filter(unit_id__in=unit_ids).select_related("unit")
    }
    changes = RosterChanges()
    for row in rows:
        unit = units[row.unit_code]
        person = existing.get(row.key)
        if person is None:
            changes.to_create.append(_new_person(row, unit, today))
        else:
            _existing_person_change(actor, person, row, unit, today, changes)
    return changes


def _new_person(row: RosterRow, unit: Unit, today: dt.date) -> Person:
    """An unsaved person from the row; without a start date they start today."""
    return Person(
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


def _existing_person_change(
    actor: ScopedUser | None,
    person: Person,
    row: RosterRow,
    unit: Unit,
    today: dt.date,
    changes: RosterChanges,
) -> None:
    """Copy the row's non-blank details onto `person`; record a move to another unit, or an
    update with its audit row when a detail changed."""
    before = snapshot(person, PERSON_FIELDS)
    for name in ("gender", "position", "phone", "email"):
        value = getattr(row, name)
        if value:
            setattr(person, name, value)
    person.staff_category = row.staff_category
    if person.unit_id != unit.pk:
        changes.moves.append((person, unit, row.active_from or today))
        return
    changed = diff(before, snapshot(person, PERSON_FIELDS))
    if changed:
        changes.to_update.append(person)
        changes.entries.append(
            audit_entry(
                actor=actor,
                action="person.changed",
                obj=person,
                unit_path=unit.path,
                changes=changed,
            )
        )


def _people_create(*, actor: ScopedUser | None, people: list[Person]) -> list[AuditEntry]:
    """Save the new people with their first posting; their unsaved "person.created" rows."""
    Person.objects.bulk_create(people, batch_size=1000)
    Posting.objects.bulk_create(
        [
            Posting(
                person=p,
                unit=p.unit,
                staff_category=p.staff_category,
                position=p.position,
                start=p.active_from,
            )
            for p in people
        ],
        batch_size=1000,
    )
    return [
        audit_entry(
            actor=actor,
            action="person.created",
            obj=p,
            unit_path=p.unit.path,
            changes={"source": [None, "roster_import"]},
        )
        for p in people
    ]


def _people_update(people: list[Person]) -> None:
    """Save the changed details, and carry category and position onto the open posting."""
    if not people:
        return
    Person.objects.bulk_update(
        people, ["gender", "position", "phone", "email", "staff_category"], batch_size=1000
    )
    for person in people:
        Posting.objects.filter(person=person, end__isnull=True).update(
            staff_category=person.staff_category, position=person.position
        )
