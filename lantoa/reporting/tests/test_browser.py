"""End to end in Debian's Chromium: a school submits its quarterly report, the coordinator returns
it with a comment, the school resubmits, the coordinator accepts; the ward's report then carries
the school's numbers; the coordinator puts it before the leader (trình ký), who reads the preview
on a phone, confirms the number and date, issues it and downloads the DOCX (issue 5, "Done when"
3; issue 14, item 7)."""

import datetime as dt
import io

import pytest
from docx import Document

from conftest import sign_in
from lantoa.reporting.tests.conftest import record

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}


def test_a_quarterly_report_goes_up_comes_back_goes_up_again_and_reaches_the_sở(
    browser, live_server, world, regime, school_a_officer, coordinator, leader
):
    record(world.school_a, "flag_ceremony", dt.date(2026, 7, 6), 1234, title="Chào cờ đầu tuần")
    record(world.school_a, "thematic_session", dt.date(2026, 8, 20), 56)

    school = sign_in(browser, live_server, "school_a_officer", PHONE)
    school.goto(f"{live_server.url}/reports/")
    school.get_by_test_id("open-2026-Q3").click()
    assert school.get_by_test_id("n-activities").inner_text() == "2"
    school.get_by_label("Khó khăn, vướng mắc").fill("Thiếu tài liệu cho phụ huynh.")
    school.get_by_test_id("submit").click()
    school.get_by_text("Số liệu đã được chốt").wait_for()
    report_url = school.url

    ward = sign_in(browser, live_server, "coordinator", DESKTOP)
    ward.goto(f"{live_server.url}/reports/")
    ward.get_by_test_id("waiting").get_by_text(world.school_a.name).click()
    ward.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill("Bổ sung kết quả quán triệt.")
    ward.get_by_test_id("return").click()
    ward.get_by_text("Đã trả lại báo cáo.").wait_for()

    school.goto(report_url)
    assert "Bổ sung kết quả quán triệt." in school.get_by_test_id("return-reason").inner_text()
    school.get_by_label("Đánh giá kết quả").fill("Đã quán triệt cho toàn bộ giáo viên.")
    school.get_by_role("button", name="Gửi lại báo cáo").click()
    school.get_by_text("lần 2").first.wait_for()

    ward.goto(report_url)
    ward.get_by_test_id("accept").click()
    ward.get_by_text("Đã tiếp nhận báo cáo.").wait_for()
    assert ward.get_by_test_id("versions").locator("li").count() == 2

    ward.goto(f"{live_server.url}/reports/")
    ward.get_by_test_id("owed").get_by_test_id("open-2026-Q3").click()
    unit_rows = ward.get_by_test_id("unit-reports").inner_text()
    assert world.school_a.name in unit_rows and "1290" in unit_rows
    assert "Thiếu tài liệu cho phụ huynh." in ward.get_by_label("Khó khăn, vướng mắc").input_value()
    ward.get_by_test_id("request-signature").click()
    ward.get_by_text("Đã trình ký").wait_for()

    boss = leader_signs(browser, live_server, "07/BC-UBND")
    with boss.expect_download() as download:
        boss.get_by_test_id("download-docx").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "Số: 07/BC-UBND" in text
    assert world.school_a.name in text and "1.290" in text
    for page in (school, ward, boss):
        page.close()


def leader_signs(browser, live_server, number: str):  # type: ignore[no-untyped-def]
    """On a phone: «Chờ ký», the preview, the number, the confirmation naming it, «Ban hành»;
    no page wider than the screen."""
    boss = sign_in(browser, live_server, "leader", PHONE)
    boss.goto(f"{live_server.url}/reports/?status=awaiting_signature")
    boss.get_by_test_id("to-sign").get_by_role("link").first.click()
    assert "1.290" in boss.get_by_test_id("document-preview").inner_text()
    assert boss.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    boss.get_by_label("Số văn bản").fill(number)
    boss.get_by_test_id("issue-continue").click()
    boss.get_by_role("heading", name=f"Ban hành báo cáo số {number} ngày").wait_for()
    assert boss.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    boss.get_by_test_id("issue-confirm").first.click()
    boss.get_by_text(f"Đã ban hành báo cáo số {number}").wait_for()
    return boss
