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


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_the_organiser_opens_a_qr_code_and_an_attendee_checks_in_without_an_account(
    briefing, world, school_a_officer, login
):
    page = login(school_a_officer).post(f"/activities/{briefing.pk}/checkin/open/", follow=True)
    session = CheckInSession.objects.get()
    assert session.get_absolute_url() in page.content.decode()
    assert "<svg" in page.content.decode()

    phone = Client()
    found = phone.get(session.get_absolute_url(), {"q": "nguyen van"}).content.decode()
    assert "Nguyễn Văn An" in found
    done = phone.post(session.get_absolute_url(), {"person": world.teacher_a.pk})

    attendance = Attendance.objects.get(activity=briefing)
    assert (attendance.person, attendance.source) == (world.teacher_a, "qr")
    assert "Đã ghi tên Nguyễn Văn An" in done.content.decode()


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_the_link_expires_at_the_end_of_the_activity_day(briefing, world):
    session = checkin_open(actor=None, activity=briefing)
    assert session.expires_at == dt.datetime(2026, 11, 26, 23, 59, 59, tzinfo=HCM)

    with time_machine.travel(dt.datetime(2026, 11, 27, 0, 0, 5, tzinfo=HCM), tick=False):
        response = Client().post(session.get_absolute_url(), {"person": world.teacher_a.pk})

    assert "Mã điểm danh đã hết hạn" in response.content.decode()
    assert not Attendance.objects.exists()


@time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=HCM), tick=False)
def test_only_names_on_the_organisers_roster_can_be_confirmed(briefing, world):
    session = checkin_open(actor=None, activity=briefing)
    phone = Client()

    other_school = phone.get(session.get_absolute_url(), {"q": "Tran Thi Binh"}).content.decode()
    phone.post(session.get_absolute_url(), {"person": world.teacher_b.pk})
    too_short = phone.get(session.get_absolute_url(), {"q": "ng"}).content.decode()

    assert "Trần Thị Bình" not in other_school  # teacher of school B
    assert not Attendance.objects.exists()
    assert 'name="person"' not in too_short  # the link never lists the whole roster


def test_an_unknown_link_is_404_and_another_unit_cannot_open_check_in(
    briefing, school_b_officer, other_coordinator, login
):
    assert Client().get("/checkin/khong-co-ma-nay/").status_code == 404
    for user in (school_b_officer, other_coordinator):
        response = login(user).post(f"/activities/{briefing.pk}/checkin/open/")
        assert response.status_code == 404
    assert not CheckInSession.objects.exists()
