"""QR check-in: attendees confirm their own name from the organisers' roster; the link
expires with the session (issue 4, item 2)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from lantoa.activities.models import ActivityKind, Attendance, CheckInSession
from lantoa.activities.services import activity_record, checkin_open

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def briefing(world):
    return activity_record(
        actor=None,
        organiser=world.school_a,
        kind=ActivityKind.objects.get(category="briefing", unit__isnull=True),
        title="Quán triệt Nghị quyết 71",
        date=dt.date(2026, 11, 26),
    )


def me(name: str = "nguyen van an", birth: str = "17/05/1985", phone: str = "") -> dict:
    return {"full_name": name, "birth_date": birth, "phone_tail": phone}


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_the_organiser_opens_a_qr_code_and_an_attendee_checks_in_without_an_account(
    briefing, world, school_a_officer, login
):
    organiser = login(school_a_officer)
    page = organiser.post(f"/activities/{briefing.pk}/checkin/open/", follow=True)
    session = CheckInSession.objects.get()
    assert session.get_absolute_url() in page.content.decode()
    assert "<svg" in page.content.decode()

    done = Client().post(session.get_absolute_url(), me())

    attendance = Attendance.objects.get(activity=briefing)
    assert (attendance.person, attendance.source) == (world.teacher_a, "qr")
    assert "Đã ghi tên Nguyễn Văn An" in done.content.decode()
    # the organiser sees who checked themselves in, and when, and can take them off
    detail = organiser.get(briefing.get_absolute_url()).content.decode()
    assert "tự điểm danh lúc 08:00" in detail
    assert f"/attendance/{world.teacher_a.pk}/remove/" in detail


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_the_last_phone_digits_stand_in_for_a_forgotten_birth_date(briefing, world):
    world.teacher_a.phone = "0912 345 678"
    world.teacher_a.save()
    session = checkin_open(actor=None, activity=briefing)
    phone = Client()
    assert "4 số cuối" in phone.post(session.get_absolute_url(), me(birth="")).content.decode()
    phone.post(session.get_absolute_url(), me(birth="", phone="5678"))
    assert Attendance.objects.get().person == world.teacher_a


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_the_link_expires_at_the_end_of_the_activity_day(briefing, world):
    session = checkin_open(actor=None, activity=briefing)
    assert session.expires_at == dt.datetime(2026, 11, 26, 23, 59, 59, tzinfo=HCM)

    with time_machine.travel(dt.datetime(2026, 11, 27, 0, 0, 5, tzinfo=HCM), tick=False):
        response = Client().post(session.get_absolute_url(), me())

    assert "Mã điểm danh đã hết hạn" in response.content.decode()
    assert not Attendance.objects.exists()


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_the_public_link_lists_nobody_and_takes_no_ids(briefing, world):
    """Issue 12, finding 5: `?q=tran` listed names with units across the ward, and posting any
    person id marked that person present and echoed the name."""
    session = checkin_open(actor=None, activity=briefing)
    phone = Client()

    search = phone.get(session.get_absolute_url(), {"q": "nguyen"}).content.decode()
    by_id = phone.post(session.get_absolute_url(), {"person": world.teacher_a.pk}).content.decode()
    wrong_birth = phone.post(session.get_absolute_url(), me(birth="18/05/1985")).content.decode()
    other_school = phone.post(session.get_absolute_url(), me("Trần Thị Bình")).content.decode()

    assert "Nguyễn Văn An" not in search + by_id + wrong_birth
    assert world.teacher_a.unit.name not in search.replace(briefing.organiser.name, "")
    assert "Trần Thị Bình" in other_school and "Không tìm thấy" in other_school
    assert not Attendance.objects.exists()


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_guessing_is_limited_per_client(briefing, world):
    session = checkin_open(actor=None, activity=briefing)
    phone = Client()
    for day in range(1, 101):
        phone.post(session.get_absolute_url(), me(birth=f"{day % 28 + 1:02d}/01/1980"))
    blocked = phone.post(session.get_absolute_url(), me()).content.decode()
    assert "quá nhiều lần thử" in blocked
    assert not Attendance.objects.exists()
    elsewhere = Client(REMOTE_ADDR="10.0.0.99").post(session.get_absolute_url(), me())
    assert "Đã ghi tên Nguyễn Văn An" in elsewhere.content.decode()


def test_an_unknown_link_is_404_and_another_unit_cannot_open_check_in(
    briefing, school_b_officer, other_coordinator, login
):
    assert Client().get("/checkin/khong-co-ma-nay/").status_code == 404
    for user in (school_b_officer, other_coordinator):
        response = login(user).post(f"/activities/{briefing.pk}/checkin/open/")
        assert response.status_code == 404
    assert not CheckInSession.objects.exists()
