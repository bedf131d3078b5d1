"""The register of personal-data requests: deadlines, steps, erasure, scope (issue 12, item 7)."""

import datetime as dt

from conftest import make_person
from lantoa.core.models import AuditEntry
from lantoa.org.data_requests import data_request_record, data_requests_for
from lantoa.org.models import DataRequest


def test_a_request_is_recorded_with_its_deadlines_and_shown_late_when_missed(
    world, coordinator, login
):
    person = make_person("Lê Thị Hoa", world.school_a)
    client = login(coordinator)

    response = client.post(
        f"/org/people/{person.pk}/data-requests/new/",
        {"kind": "access", "received_on": "27/11/2026", "channel": "Thư điện tử"},
    )

    entry = DataRequest.objects.get()
    assert response.status_code == 302 and response.url == entry.get_absolute_url()
    assert entry.acknowledge_by == dt.date(2026, 12, 1)  # Friday + 2 working days
    assert entry.due_on == dt.date(
        2026, 12, 1
    )  # 72 hours end Monday: not before the acknowledgement
    assert AuditEntry.objects.filter(action="data_request.recorded").exists()
    register = client.get("/org/data-requests/").content.decode()
    assert "Lê Thị Hoa" in register and "quá hạn" in register  # today is past 30/11/2026
    assert "Xem, nhận bản sao dữ liệu" in client.get(person.get_absolute_url()).content.decode()


def test_a_wednesday_request_is_settled_72_hours_later(world, coordinator):
    entry = data_request_record(
        actor=coordinator,
        person=make_person("Lê Thị Hoa", world.school_a),
        kind="access",
        received_on=dt.date(2026, 11, 25),
    )
    assert (entry.acknowledge_by, entry.due_on) == (dt.date(2026, 11, 27), dt.date(2026, 11, 28))


def test_acknowledging_then_settling_needs_what_was_done(world, coordinator, login):
    person = make_person("Lê Thị Hoa", world.school_a)
    entry = data_request_record(
        actor=coordinator, person=person, kind="correct", received_on=dt.date(2026, 11, 2)
    )
    client = login(coordinator)
    url = entry.get_absolute_url()

    client.post(url, {"step": "acknowledge", "on": "03/11/2026"})
    refused = client.post(url, {"step": "settle", "on": "04/11/2026", "outcome": " "})
    early = client.post(url, {"step": "settle", "on": "01/11/2026", "outcome": "Đã sửa"})

    entry.refresh_from_db()
    assert entry.acknowledged_on == dt.date(2026, 11, 3) and entry.settled_on is None
    assert "Ghi kết quả giải quyết" in refused.content.decode()
    assert "không được trước ngày nhận yêu cầu (02/11/2026)" in early.content.decode()
    client.post(url, {"step": "settle", "on": "04/11/2026", "outcome": "Đã sửa ngày sinh"})
    entry.refresh_from_db()
    assert (entry.settled_on, entry.outcome) == (dt.date(2026, 11, 4), "Đã sửa ngày sinh")
    assert entry.late_on(dt.date(2026, 12, 31)) == ""


def test_a_request_cannot_be_received_tomorrow(world, coordinator, login):
    person = make_person("Lê Thị Hoa", world.school_a)
    page = login(coordinator).post(
        f"/org/people/{person.pk}/data-requests/new/",
        {"kind": "erase", "received_on": "31/12/2099"},
    )
    assert "Ngày nhận không được sau hôm nay" in page.content.decode()
    assert not DataRequest.objects.exists()


def test_erasing_settles_the_open_request_to_erase(world, coordinator, login):
    person = make_person("Lê Thị Hoa", world.school_a)
    entry = data_request_record(
        actor=coordinator, person=person, kind="erase", received_on=dt.date(2026, 11, 30)
    )

    login(coordinator).post(f"/people/{person.pk}/erase/", {"reason": "Đơn ngày 30/11/2026"})

    entry.refresh_from_db()
    assert entry.settled_on is not None and "Đã xóa dữ liệu cá nhân" in entry.outcome
    assert "Lê Thị Hoa" not in str(entry) + entry.outcome


def test_another_unit_neither_sees_nor_records_requests(
    world, coordinator, school_b_officer, other_coordinator, login
):
    person = make_person("Lê Thị Hoa", world.school_a)
    entry = data_request_record(
        actor=coordinator, person=person, kind="access", received_on=dt.date(2026, 11, 30)
    )
    for user in (school_b_officer, other_coordinator):
        client = login(user)
        assert client.get(entry.get_absolute_url()).status_code == 404
        assert client.post(entry.get_absolute_url(), {"step": "acknowledge"}).status_code == 404
        assert client.get(f"/org/people/{person.pk}/data-requests/new/").status_code == 404
        assert "Lê Thị Hoa" not in client.get("/org/data-requests/").content.decode()
        assert list(data_requests_for(user)) == []
