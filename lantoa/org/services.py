"""Every write to units, people and audiences (issue 2). Each checks scope and audits."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lantoa.core.audit import audit_record, diff, snapshot
from lantoa.core.concurrency import version_claim
from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.core.text import fold, nfc
from lantoa.org.models import (
    PATH_SEGMENT_WIDTH,
    Audience,
    Person,
    Posting,
    Unit,
    default_abbreviation,
)

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


def unit_path_for(unit: Unit) -> str:
    parent_path = unit.parent.path if unit.parent is not None else "/"
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
