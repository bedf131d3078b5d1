"""Roster import: every bad file gets its Vietnamese message and the database is unchanged;
a good file imports once and re-importing it changes nothing (issue 2, item 5)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from lantoa.core.models import AuditEntry
from lantoa.org.models import Person, Posting, RosterImport
from lantoa.org.roster import parse_roster
from lantoa.org.roster_columns import COLUMNS

HEADER = [
    "STT",
    "Họ và tên*",
    "Giới tính",
    "Ngày sinh*",
    "Mã đơn vị*",
    "Loại cán bộ*",
    "Chức vụ",
    "Điện thoại",
    "Thư điện tử",
    "Làm việc từ ngày",
]


def row(n, name="Hoàng Thị Mai", birth="12/03/1990", code="90001-THA", category="Giáo viên", **kw):
    return [
        n,
        name,
        kw.get("gender", "Nữ"),
        birth,
        code,
        category,
        kw.get("position", "Giáo viên"),
        kw.get("phone", "0912345678"),
        kw.get("email", ""),
        kw.get("since", ""),
    ]


def xlsx(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, content: bytes, name="danh-sach.xlsx", unit=None):
    """Upload as a person would; the queued job runs when the request's transaction commits."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("org:roster_import"), {"unit": unit, "file": SimpleUploadedFile(name, content)}
        )
    if response.status_code != 302:
        return response  # refused by the upload form itself
    return client.get(response.url)


def state():
    return (
        list(
            Person.objects.order_by("pk").values_list(
                "pk", "full_name", "unit_id", "phone", "position"
            )
        ),
        Posting.objects.count(),
    )


@pytest.fixture
def importer(coordinator, login, world):
    client = login(coordinator)
    return lambda content, name="danh-sach.xlsx": upload(client, content, name, world.ward.pk)


def errors_of(response) -> list[str]:
    if "job" not in response.context:
        return [str(e) for e in response.context["form"].errors["file"]]
    job = response.context["job"]
    assert job.status == RosterImport.Status.FAILED
    return [e["text"] for e in job.errors]


BAD_FILES = {
    "missing column": (
        xlsx(
            [[1, "Hoàng Thị Mai", "Nữ", "12/03/1990", "Giáo viên"]],
            header=["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Loại cán bộ"],
        ),
        "danh-sach.xlsx",
        "Thiếu cột «Mã đơn vị»",
    ),
    "renamed column": (
        xlsx([row(1)], header=[*HEADER[:3], "Sinh nhật", *HEADER[4:]]),
        "danh-sach.xlsx",
        "Cột «Sinh nhật» không có trong mẫu",
    ),
    "empty required cell": (
        xlsx([row(1), row(2, name="", birth="01/01/1991")]),
        "danh-sach.xlsx",
        "Dòng 3, cột «Họ và tên»: bỏ trống",
    ),
    "impossible date": (
        xlsx([row(1, birth="31/02/1980")]),
        "danh-sach.xlsx",
        "Dòng 2, cột «Ngày sinh»: «31/02/1980» không phải ngày có thật",
    ),
    "duplicate rows": (
        xlsx([row(1), row(2, name="HOÀNG THỊ MAI")]),
        "danh-sach.xlsx",
        "Dòng 3: trùng với dòng 2",
    ),
    "text renamed xlsx": (
        "Họ và tên,Ngày sinh\nAn,01/01/1990\n".encode(),
        "danh-sach.xlsx",
        "có đuôi .xlsx nhưng không phải là tệp Excel",
    ),
    "empty file": (b"", "danh-sach.xlsx", "trống"),
    "ten thousand blank rows": (
        xlsx([[None] * 10 for _ in range(10_000)]),
        "danh-sach.xlsx",
        "Tệp không có dòng dữ liệu nào",
    ),
    "unknown unit": (
        xlsx([row(1, code="KHONG-CO")]),
        "danh-sach.xlsx",
        "Dòng 2, cột «Mã đơn vị»: không có đơn vị mã «KHONG-CO»",
    ),
    "unknown category": (
        xlsx([row(1, category="Thủ kho")]),
        "danh-sach.xlsx",
        "Dòng 2, cột «Loại cán bộ»: «Thủ kho» không phải loại cán bộ",
    ),
    "bad email": (
        xlsx([row(1, email="mai@@truong")]),
        "danh-sach.xlsx",
        "cột «Thư điện tử»",
    ),
    "csv not utf8": (
        "Họ và tên*,Ngày sinh*\n".encode("cp1258", errors="replace") + b"\xff\xfe",
        "danh-sach.csv",
        "không phải CSV mã UTF-8",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_roster_file_reports_its_problem_and_saves_nothing(case, importer):
    content, name, expected = BAD_FILES[case]
    before = state()
    audit_before = AuditEntry.objects.count()
    response = importer(content, name)
    messages = errors_of(response)
    assert any(expected in m for m in messages), messages
    assert state() == before
    assert AuditEntry.objects.count() == audit_before
    assert expected in response.content.decode()


def test_one_bad_row_among_good_ones_saves_none(importer):
    before = state()
    rows = [
        row(i, name=f"Giáo Viên Thứ {chr(65 + i)}", birth=f"0{i % 9 + 1}/01/1990")
        for i in range(1, 20)
    ]
    rows.append(row(20, name="Giáo Viên Cuối", birth="30/02/1990"))
    response = importer(xlsx(rows))
    assert any("Dòng 21" in m for m in errors_of(response))
    assert state() == before


def test_good_file_imports_then_reimport_changes_nothing(importer, world):
    rows = [
        row(1),
        row(
            2,
            name="Vũ Minh Quân",
            birth="02/02/1988",
            code="90001-THB",
            gender="Nam",
            category="giao vien",
        ),
        row(
            3,
            name="Lê Thị Hoa",
            birth="17/05/1985",
            code="90001-VHXH",
            category="Công chức",
            position="Chuyên viên",
            phone="0987000111",
        ),
    ]
    content = xlsx(rows)
    response = importer(content)
    job = response.context["job"]
    assert job.status == RosterImport.Status.DONE, job.errors
    # Lê Thị Hoa born 17/05/1985 is already in VH-XH: updated, not duplicated
    assert job.summary == {"created": 2, "updated": 1, "moved": 0, "unchanged": 0}
    mai = Person.objects.get(full_name="Hoàng Thị Mai")
    assert (mai.unit, mai.gender, mai.staff_category) == (world.school_a, "female", "teacher")
    assert Person.objects.get(full_name="Lê Thị Hoa").phone == "0987000111"
    assert mai.postings.count() == 1

    after_first = state()
    audit_after_first = AuditEntry.objects.count()
    second = importer(content).context["job"]
    assert second.summary == {"created": 0, "updated": 0, "moved": 0, "unchanged": 3}
    assert state() == after_first
    assert AuditEntry.objects.count() == audit_after_first


def test_import_moves_a_person_who_changed_school(importer, world):
    content = xlsx([row(1, name="Nguyễn Văn An", birth="17/05/1985", code="90001-THB")])
    job = importer(content).context["job"]
    assert job.summary["moved"] == 1
    world.teacher_a.refresh_from_db()
    assert world.teacher_a.unit == world.school_b
    assert world.teacher_a.postings.count() == 2


def test_csv_with_semicolons_and_bom_imports(importer):
    text = "\ufeffHọ và tên;Ngày sinh;Mã đơn vị;Loại cán bộ\nĐỗ Văn Tú;09/09/1979;90001-THA;Nhân viên\n"
    job = importer(text.encode("utf-8"), "ds.csv").context["job"]
    assert job.status == RosterImport.Status.DONE, job.errors
    assert Person.objects.filter(full_name="Đỗ Văn Tú", staff_category="employee").exists()


def test_school_officer_cannot_import_into_another_school(school_a_officer, world, login):
    client = login(school_a_officer)
    before = state()
    response = upload(client, xlsx([row(1, code="90001-THB")]), unit=world.school_a.pk)
    assert any("90001-THB" in m for m in errors_of(response))
    assert state() == before


def test_import_page_of_another_unit_answers_404(importer, school_b_officer, login):
    job = importer(xlsx([row(1)])).context["job"]
    assert login(school_b_officer).get(job.get_absolute_url()).status_code == 404


def test_progress_is_reported_while_checking(world):
    rows = [
        row(i, name=f"Người Số {i:05d}".replace("0", "Không "), birth="01/01/1990")
        for i in range(1, 1201)
    ]
    seen = []
    units = {"90001-THA": world.school_a}
    parse_roster(
        xlsx(rows), "a.xlsx", units=units, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[0] == (500, 1200) and seen[-1] == (1200, 1200)


def test_progress_bar_shows_on_running_job(coordinator, world, login):
    job = RosterImport.objects.create(
        unit=world.ward,
        uploaded_by=coordinator,
        original_name="lon.xlsx",
        status=RosterImport.Status.RUNNING,
        total_rows=5000,
        processed_rows=2000,
    )
    response = login(coordinator).get(job.get_absolute_url(), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "đã kiểm tra 2000/5000 dòng" in body and 'aria-valuenow="40"' in body
    assert 'hx-trigger="every 1s"' in body


def test_template_downloads_have_every_column(coordinator, login):
    client = login(coordinator)
    response = client.get(reverse("org:roster_template", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in sheet[1]]
    assert headers[1:] == [str(c.label) + ("*" if c.required else "") for c in COLUMNS]
    csv_text = client.get(reverse("org:roster_template", args=["csv"])).content.decode("utf-8-sig")
    assert csv_text.startswith("Họ và tên*,Giới tính,Ngày sinh*")


def test_template_file_imports_cleanly_once_filled(importer):
    from lantoa.org.roster import template_xlsx

    workbook = load_workbook(io.BytesIO(template_xlsx()))
    workbook.active.append([1, "Mạc Thị Xuân", "Nữ", "03/04/1992", "90001-THA", "Giáo viên"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = importer(buffer.getvalue()).context["job"]
    assert job.status == RosterImport.Status.DONE, job.errors


def test_english_template_headers_and_choices_import_too(importer):
    header = ["No.", "Full name", "Gender", "Date of birth", "Unit code", "Staff category"]
    content = xlsx(
        [[1, "Kiều Thị Loan", "Female", "04/04/1994", "90001-THA", "Teacher"]], header=header
    )
    job = importer(content).context["job"]
    assert job.status == RosterImport.Status.DONE, job.errors
    assert Person.objects.get(full_name="Kiều Thị Loan").gender == "female"


# --- jobs end (issue 10, item 8) -------------------------------------------------------------


def _queued_job(coordinator, world, status=RosterImport.Status.PENDING, attempts=0):
    return RosterImport.objects.create(
        unit=world.school_a,
        uploaded_by=coordinator,
        file=SimpleUploadedFile("ds.xlsx", xlsx([row(1)])),
        original_name="ds.xlsx",
        status=status,
        attempts=attempts,
    )


def test_an_import_that_breaks_ends_as_failed_with_its_reason(coordinator, world, login):
    """The stored file vanished before the worker read it: the job says so and nothing is
    saved, instead of spinning "đang kiểm tra" for ever."""
    from lantoa.org.roster_import import roster_import_run

    job = _queued_job(coordinator, world)
    job.file.storage.delete(job.file.name)
    job = roster_import_run(job.pk)
    assert job.status == RosterImport.Status.FAILED
    assert job.errors[0]["text"].startswith("Nhập thất bại: máy chủ không đọc được tệp")
    page = login(coordinator).get(job.get_absolute_url()).content.decode()
    assert "Nhập thất bại:" in page and "Chưa lưu dòng nào" in page
    assert not Person.objects.filter(full_name="Hoàng Thị Mai").exists()


def test_a_job_left_running_by_a_killed_worker_is_retried_then_failed(coordinator, world):
    from lantoa.org.roster_import import roster_import_run
    from lantoa.org.tasks import roster_imports_resume

    interrupted = _queued_job(coordinator, world, RosterImport.Status.RUNNING, attempts=1)
    twice = _queued_job(coordinator, world, RosterImport.Status.RUNNING, attempts=2)
    roster_imports_resume()  # what a starting worker runs (jobs run at once in tests)
    interrupted.refresh_from_db()
    twice.refresh_from_db()
    assert interrupted.status == RosterImport.Status.DONE and interrupted.attempts == 2
    assert Person.objects.filter(full_name="Hoàng Thị Mai").count() == 1
    assert twice.status == RosterImport.Status.FAILED
    assert "máy chủ dừng giữa chừng" in twice.errors[0]["text"]
    # a finished job is never run again
    assert roster_import_run(interrupted.pk).status == RosterImport.Status.DONE
    assert Person.objects.filter(full_name="Hoàng Thị Mai").count() == 1
