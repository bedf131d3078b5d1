"""Importing a sign-in sheet: same error rules as the roster import, all or nothing (issue 4,
item 2)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_person
from lantoa.activities.models import ActivityKind, Attendance
from lantoa.activities.services import activity_record


@pytest.fixture
def briefing(world):
    return activity_record(
        actor=None,
        organiser=world.school_a,
        kind=ActivityKind.objects.get(category="briefing", unit__isnull=True),
        title="Quán triệt Nghị quyết 71",
        date=dt.date(2026, 11, 20),
    )


def sheet(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("danh-sach-ky.csv", text.encode("utf-8"))


def test_a_sign_in_sheet_adds_its_people_matched_without_diacritics(
    briefing, world, school_a_officer, login
):
    make_person("Nguyễn Văn An", world.school_b, birth_date=dt.date(1990, 1, 2))  # same name
    content = "STT,Họ và tên,Ngày sinh,Ký tên\n1,nguyen van an,17/05/1985,x\n2,Lê Thị Hoa,,x\n"

    response = login(school_a_officer).post(
        f"/activities/{briefing.pk}/attendance/import/", {"sheet": sheet(content)}, follow=True
    )

    page = response.content.decode()
    # Lê Thị Hoa works at the ward office, outside the school officer's roster: nothing saved
    assert "Chưa ghi ai vì tệp có lỗi" in page
    assert "Dòng 3, cột «Họ và tên»: không có «Lê Thị Hoa»" in page
    assert not Attendance.objects.exists()


def test_a_clean_sheet_is_saved_and_a_second_upload_adds_nobody_twice(
    briefing, world, school_a_officer, login
):
    make_person("Đỗ Thị Mai", world.school_a)
    content = "Họ và tên\nNguyễn Văn An\nDo Thi Mai\n"
    client = login(school_a_officer)

    first = client.post(
        f"/activities/{briefing.pk}/attendance/import/", {"sheet": sheet(content)}, follow=True
    )
    client.post(f"/activities/{briefing.pk}/attendance/import/", {"sheet": sheet(content)})

    assert "Đã thêm 2 người dự từ danh sách ký." in first.content.decode()
    assert set(
        Attendance.objects.filter(activity=briefing).values_list("person__full_name", "source")
    ) == {("Nguyễn Văn An", "imported"), ("Đỗ Thị Mai", "imported")}


def test_two_people_with_one_name_need_a_birth_date_and_bad_dates_are_named(
    briefing, world, school_a_officer, login
):
    make_person("Nguyễn Văn An", world.school_a, birth_date=dt.date(1990, 1, 2))
    content = "Họ và tên;Ngày sinh\nNguyễn Văn An;\nNguyễn Văn An;31/02/1985\n"

    page = (
        login(school_a_officer)
        .post(
            f"/activities/{briefing.pk}/attendance/import/", {"sheet": sheet(content)}, follow=True
        )
        .content.decode()
    )

    assert "Dòng 2, cột «Họ và tên»: có 2 người tên «Nguyễn Văn An»" in page
    assert "Dòng 3, cột «Ngày sinh»: «31/02/1985» không phải ngày dạng dd/mm/yyyy" in page
    assert not Attendance.objects.exists()


def test_another_unit_cannot_import_into_the_activity(briefing, school_b_officer, login):
    response = login(school_b_officer).post(
        f"/activities/{briefing.pk}/attendance/import/", {"sheet": sheet("Họ và tên\nAi đó\n")}
    )
    assert response.status_code == 404
