"""A person's data handed over, and erased on request with the figures left true (issue 12,
finding 6: no export; erasure only through the admin, and the audit trail still showed the
erased person's birth date, phone and e-mail)."""

from __future__ import annotations

import datetime as dt
import io
import json

from openpyxl import load_workbook

from lantoa.accounts.services import user_create
from lantoa.activities.models import ActivityKind, Attendance
from lantoa.activities.services import activity_record, attendance_add
from lantoa.core.models import AuditEntry
from lantoa.org.services import person_update


def _a_teacher_with_a_trail(world, coordinator):  # type: ignore[no-untyped-def]
    teacher = world.teacher_a
    person_update(actor=coordinator, person=teacher, phone="0912345678", email="an@example.org")
    briefing = activity_record(
        actor=None,
        organiser=world.school_a,
        kind=ActivityKind.objects.get(category="briefing", unit__isnull=True),
        title="Quán triệt Nghị quyết 71",
        date=dt.date(2026, 9, 10),
    )
    attendance_add(actor=coordinator, activity=briefing, people=[teacher])
    return teacher, briefing


def test_a_person_s_data_leaves_as_json_and_as_a_workbook(world, coordinator, login):
    teacher, _briefing = _a_teacher_with_a_trail(world, coordinator)
    client = login(coordinator)
    data = json.loads(client.get(f"/people/{teacher.pk}/data/").content)
    assert data["person"]["full_name"] == "Nguyễn Văn An"
    assert data["person"]["birth_date"] == "17/05/1985"
    assert [a["activity"] for a in data["attendance"]] == ["Quán triệt Nghị quyết 71"]
    assert any("0912345678" in json.dumps(e["changes"]) for e in data["audit"])
    book = load_workbook(io.BytesIO(client.get(f"/people/{teacher.pk}/data/xlsx/").content))
    assert ("full_name", "Nguyễn Văn An") in {
        tuple(r) for r in book["Thông tin"].iter_rows(values_only=True)
    }


def test_erasure_empties_the_person_and_the_trail_but_keeps_the_figures(world, coordinator, login):
    teacher, briefing = _a_teacher_with_a_trail(world, coordinator)
    account = user_create(
        actor=None, username="an_gv", password="mat-khau-rieng-2026", role="unit_officer",
        unit=world.school_a, full_name="Nguyễn Văn An", email="an@example.org", person=teacher,
    )  # fmt: skip
    client = login(coordinator)
    refused = client.post(f"/people/{teacher.pk}/erase/", {"reason": " "}, follow=True)
    assert "Ghi căn cứ xóa" in refused.content.decode()

    client.post(f"/people/{teacher.pk}/erase/", {"reason": "Đơn ngày 01/12/2026 của ông An"})

    teacher.refresh_from_db()
    account.refresh_from_db()
    assert teacher.full_name == f"Người đã xóa dữ liệu #{teacher.pk}"
    assert (teacher.birth_date, teacher.phone, teacher.email) == (None, "", "")
    assert not account.is_active and account.email == ""
    assert Attendance.objects.filter(activity=briefing, person=teacher).count() == 1  # counts
    trail = json.dumps(
        list(AuditEntry.objects.values("object_repr", "changes")), ensure_ascii=False
    )
    for value in ("0912345678", "an@example.org", "Nguyễn Văn An"):
        assert value not in trail
    about = AuditEntry.objects.filter(object_id=str(teacher.pk), content_type__model="person")
    assert "17/05/1985" not in json.dumps(list(about.values("changes")))  # others share the day
    erased = AuditEntry.objects.get(action="person.erased")
    assert erased.actor == coordinator and "Đơn ngày 01/12/2026" in json.dumps(
        erased.changes, ensure_ascii=False
    )
    assert AuditEntry.objects.filter(
        action="person.changed", actor=coordinator
    ).exists()  # the fact stays


def test_a_reader_who_does_not_write_the_unit_cannot_take_or_erase(world, school_b_officer, login):
    client = login(school_b_officer)
    assert client.get(f"/people/{world.teacher_a.pk}/data/").status_code == 404
    assert client.post(f"/people/{world.teacher_a.pk}/erase/", {"reason": "x"}).status_code == 404
