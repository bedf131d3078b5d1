"""End to end in Debian's Chromium: a school officer records a briefing and its teachers check
in by QR code; the ward's T1 moves by exactly those people and its drill-down no longer lists
them (issue 4, "Done when" 2)."""

import datetime as dt
import re

import pytest

from conftest import make_person, sign_in
from lantoa.activities.models import ActivityKind
from lantoa.core.dates import local_today
from lantoa.indicators.tests.conftest import record
from lantoa.plans.models import Task

pytestmark = pytest.mark.browser


def actual(page) -> tuple[int, int]:
    text = page.get_by_test_id("actual").inner_text()
    numerator, denominator = re.match(r"(\d+)/(\d+)", text).groups()
    return int(numerator), int(denominator)


def test_qr_check_in_moves_the_ward_t1_by_exactly_the_people_who_checked_in(
    browser, live_server, world, ward_plan, coordinator, school_a_officer
):
    t1 = ward_plan.target("coverage", "100% cán bộ, giáo viên được phổ biến, quán triệt")
    Task.objects.create(
        plan=ward_plan.plan, title="Quán triệt tại trường", lead_unit=world.school_a
    )
    make_person("Đỗ Thị Mai", world.school_a)
    make_person("Vũ Văn Khánh", world.school_a)
    briefing = ActivityKind.Category.BRIEFING
    record(world.vhxh, briefing, dt.date(2026, 4, 1), ward_plan.plan, [world.official])
    desktop = {"width": 1366, "height": 900}

    ward = sign_in(browser, live_server, "coordinator", desktop)
    ward.goto(f"{live_server.url}/targets/{t1.pk}/")
    before = actual(ward)
    assert before == (1, 5)
    assert "Đỗ Thị Mai" in ward.get_by_test_id("missing").inner_text()

    school = sign_in(browser, live_server, "school_a_officer", {"width": 390, "height": 844})
    school.goto(f"{live_server.url}/activities/new/")
    school.get_by_label("Loại hoạt động").select_option(label="Phổ biến, quán triệt nghị quyết")
    school.get_by_label("Tên hoạt động").fill("Quán triệt Nghị quyết 71 cho giáo viên")
    school.locator("#id_date").fill(local_today().strftime("%d/%m/%Y"))
    school.get_by_label("Thuộc kế hoạch").select_option(index=1)
    school.get_by_role("button", name="Lưu", exact=True).click()
    school.get_by_text("Đã ghi hoạt động.").wait_for()
    school.get_by_role("button", name="Mở điểm danh bằng mã QR").click()
    link = school.get_by_test_id("checkin-link").get_attribute("href")
    assert school.locator("[data-testid=checkin-panel] svg").count() == 1

    phone = browser.new_page(viewport={"width": 360, "height": 740}, locale="vi-VN")
    for typed, name in (("do thi mai", "Đỗ Thị Mai"), ("Nguyen Van An", "Nguyễn Văn An")):
        phone.goto(link)
        phone.get_by_label("Họ và tên").fill(typed)
        phone.get_by_label("Ngày sinh").fill("17/05/1985")  # as on the roster (make_person)
        phone.get_by_role("button", name="Ghi tên tôi vào danh sách").click()
        phone.get_by_test_id("checkin-done").wait_for()
        assert name in phone.get_by_test_id("checkin-done").inner_text()

    ward.reload()
    assert actual(ward) == (before[0] + 2, before[1])
    missing = ward.get_by_test_id("missing").inner_text()
    assert "Đỗ Thị Mai" not in missing and "Nguyễn Văn An" not in missing
    assert "Vũ Văn Khánh" in missing
    for page in (ward, school, phone):
        page.close()
