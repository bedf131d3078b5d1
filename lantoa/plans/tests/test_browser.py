"""End to end in Debian's Chromium: the coordinator uploads the ward's plan, fixes a warning on
the review page, saves, issues it and finds the tasks on the task list (issue 3, "Done when")."""

import datetime as dt

import pytest

from conftest import SEED_FILE, sign_in
from lantoa.plans.models import Plan, Task
from lantoa.plans.services import plan_issue

pytestmark = pytest.mark.browser


def test_coordinator_imports_the_seed_and_finds_its_tasks(
    browser, live_server, coordinator, leader, world
):
    page = sign_in(browser, live_server, "coordinator", {"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/plans/import/")
    page.set_input_files("input[name=file]", str(SEED_FILE))
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.get_by_role("heading", name="Kiểm tra kế hoạch vừa đọc").wait_for()
    assert "Mục tiêu thứ 4 lặp lại nguyên văn mục tiêu thứ 3." in page.content()

    # fix a warning: the portal task names no lead unit; give it to the service centre
    portal = page.get_by_test_id("review-task").filter(has_text="Đăng tải tin, bài, chuyên mục")
    assert "chưa có: đơn vị chủ trì" in portal.inner_text()
    portal.locator("select").select_option(label="Trung tâm Dịch vụ tổng hợp")
    page.get_by_label("Số, ký hiệu").fill("12/KH-UBND")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.get_by_text("Đã lưu kế hoạch với").wait_for()
    assert "chưa theo dõi kỳ thực hiện" in page.get_by_test_id("not-followed").inner_text()
    issue = page.get_by_test_id("issue-plan")
    assert issue.get_by_label("Số, ký hiệu").input_value() == "12/KH-UBND"
    assert issue.get_by_role("button", name="Ban hành kế hoạch").is_disabled()  # a leader's call
    plan = Plan.objects.get()
    plan_issue(actor=leader, plan=plan, date=dt.date(2026, 3, 16), override_reason="Ngay")

    page.goto(f"{live_server.url}/plans/tasks/?unit={world.centre.pk}")
    table = page.get_by_test_id("task-table").inner_text()
    assert "Đăng tải tin, bài, chuyên mục" in table
    assert "Giao Trung tâm Dịch vụ tổng hợp phường tham mưu" in table
    assert Task.objects.filter(lead_unit=world.centre).count() >= 2
    page.close()
