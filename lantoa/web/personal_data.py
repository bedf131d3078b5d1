"""A person's own data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, issue 12, item 7): everything
Lan Tỏa holds about them, to hand over; and erasure that keeps the ward's figures right — the
person becomes a pseudonym, their details are emptied, and the audit trail keeps each fact and
who did it but no longer the person's values.

It lives in `web` because a person's data spans the roster (org), accounts, attendance
(activities) and the audit trail (core).
"""

from __future__ import annotations

import io
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.activities.models import Attendance
from lantoa.core.audit import audit_record, snapshot
from lantoa.core.dates import format_vn_date, format_vn_datetime
from lantoa.core.models import AuditEntry
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.core.spreadsheet import row_append
from lantoa.core.text import fold
from lantoa.org.data_requests import open_erasure_requests_settle
from lantoa.org.models import Person
from lantoa.org.selectors import ward_root_of

ERASED = "(đã xóa)"
PERSON_FIELDS = ["full_name", "gender", "birth_date", "staff_category", "position", "phone",
                 "email", "active_from", "active_to"]  # fmt: skip


def person_data(actor: ScopedUser, person: Person) -> dict[str, Any]:
    """Everything held about the person, readable: details, postings, attendance, accounts and
    the audit entries about them. Only a writer of the person's unit may take it."""
    require_write(actor, person.unit)
    return {
        "person": snapshot(person, PERSON_FIELDS) | {"unit": person.unit.name},
        "postings": [
            {"unit": p.unit.name, "from": format_vn_date(p.start), "to": format_vn_date(p.end)}
            for p in person.postings.select_related("unit").order_by("start")
        ],
        "attendance": [
            {
                "activity": a.activity.title,
                "date": format_vn_date(a.activity.date),
                "organiser": a.activity.organiser.name,
                "source": a.get_source_display(),
            }
            for a in Attendance.objects.filter(person=person)
            .select_related("activity__organiser")
            .order_by("activity__date")
        ],  # fmt: skip
        "accounts": [
            {
                "username": u.username,
                "email": u.email,
                "active": u.is_active,
                "roles": [str(r.get_role_display()) for r in u.roles],
            }
            for u in User.objects.filter(person=person)
        ],  # fmt: skip
        "audit": [
            {
                "at": format_vn_datetime(e.at),
                "action": e.action_label,
                "by": e.actor_name,
                "changes": e.changes,
            }
            for e in _entries_about(person).order_by("at", "pk")
        ],  # fmt: skip
    }


def person_data_xlsx(data: dict[str, Any]) -> bytes:
    """The same data as a workbook a person can open: one sheet per part."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Thông tin"
    for name, value in data["person"].items():
        row_append(sheet, [name, value])
    for part in ("postings", "attendance", "accounts", "audit"):
        rows = data[part]
        sheet = book.create_sheet(part)
        if rows:
            row_append(sheet, list(rows[0]))
            for row in rows:
                row_append(sheet, [_cell(v) for v in row.values()])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def person_erase(*, actor: ScopedUser, person: Person, reason: str) -> Person:
    """Erase on the person's request: a pseudonym in place of the name, every detail emptied,
    their accounts closed, and the audit trail about them stripped of their values. Postings
    and attendance stay, so counts and reports already made stay true."""
    require_write(actor, person.unit)
    if not reason.strip():
        raise ValidationError(_("Ghi căn cứ xóa (ví dụ: đơn yêu cầu của người này, ngày nhận)."))
    pseudonym = _("Người đã xóa dữ liệu #%(n)s") % {"n": person.pk}
    names = {person.full_name, person.email, person.phone} - {""}
    person.full_name, person.name_folded = pseudonym, fold(pseudonym)
    person.gender = person.phone = person.email = person.position = ""
    person.birth_date = None
    person.save()
    for account in User.objects.filter(person=person):
        names |= {account.full_name, account.email} - {""}
        account.full_name, account.email, account.is_active = pseudonym, "", False
        account.set_unusable_password()
        account.save()
    _audit_strip(person, pseudonym, names)
    audit_record(
        actor=actor,
        action="person.erased",
        obj=person,
        unit_path=person.unit.path,
        changes={"reason": [None, reason.strip()]},
    )
    open_erasure_requests_settle(
        actor=actor,
        person=person,
        outcome=_(
            "Đã xóa dữ liệu cá nhân: họ tên thay bằng tên ẩn danh, các thông tin khác bị xóa, "
            "tài khoản bị khóa."
        ),
    )
    return person


def _entries_about(person: Person) -> Any:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    )


def _audit_strip(person: Person, pseudonym: str, names: set[str]) -> None:
    """The entries about the person keep action, actor and time; their values go. Elsewhere in
    the ward's trail (an activity's attendance list), the person's name becomes the pseudonym."""
    for entry in _entries_about(person):
        entry.object_repr = pseudonym
        entry.changes = {key: [ERASED, ERASED] for key in entry.changes}
        entry.save(update_fields=["object_repr", "changes"])
    for entry in AuditEntry.objects.filter(
        unit_path__startswith=ward_root_of(person.unit).path
    ).exclude(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)):
        changes = _replace(entry.changes, names, pseudonym)
        repr_ = _replace(entry.object_repr, names, pseudonym)
        if changes != entry.changes or repr_ != entry.object_repr:
            entry.changes, entry.object_repr = changes, repr_
            entry.save(update_fields=["changes", "object_repr"])


def _replace(value: Any, names: set[str], pseudonym: str) -> Any:
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, pseudonym)
        return value
    if isinstance(value, list):
        return [_replace(v, names, pseudonym) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, names, pseudonym) for k, v in value.items()}
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value) if isinstance(value, dict) else value
