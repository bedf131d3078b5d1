"""On a 360 px phone, in Debian's Chromium, every role of the demo ward walks from home through
the pages it can reach: none is wider than the screen, none logs a console error, and axe-core
finds no serious or critical accessibility fault; and the roles' main jobs complete there
(issue 14, "Done when").

Each test builds the demo (a few seconds): the pages need its volume to show what people will
see, and the live server's database is emptied after every test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Browser, Page, ViewportSize

from conftest import builtin_kinds_ensure
from lantoa.accounts.models import User
from lantoa.activities.models import Activity
from lantoa.core.dates import local_today
from lantoa.demo.ward import load_demo
from lantoa.demo.ward_roster import DEMO_PASSWORD, WARD_CODE
from lantoa.org.models import Unit
from lantoa.plans.models import TaskOccurrence
from lantoa.reporting.models import Report
from lantoa.reporting.services import report_request_signature
from tests.crawl import analyze
from tests.walk import walk

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 360, "height": 740}
DEMO_DAY = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)  # the demo is built as on that day
PAGES_PER_ROLE = 45
# One demo account per role (lantoa/demo/ward_roster.py).
ROLE_ACCOUNTS = [
    ("coordinator", "dieuphoi"),
    ("leader", "lanhdao"),
    ("school-officer", "truong_thcsa"),
    ("editor", "bientap"),
    ("budget-officer", "ketoan"),
    ("province-viewer", "so_gddt"),
    ("contributor", "congtacvien"),
]


@pytest.fixture
def demo(live_server: Any, browser: Browser) -> str:
    """The demo ward behind the live server (emptied after the test); its address."""
    builtin_kinds_ensure()  # an earlier live-server test emptied the tables
    with time_machine.travel(DEMO_DAY, tick=False):
        load_demo()
    analyze()  # the query planner sees the data it was just given
    return live_server.url


@pytest.fixture
def phone(demo: str, browser: Browser) -> Iterator[Page]:
    """A phone's page, not yet signed in."""
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    yield page
    page.close()


def sign_in_demo(page: Page, origin: str, username: str) -> None:
    page.goto(f"{origin}/")
    page.get_by_label("Tên đăng nhập hoặc thư điện tử").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{origin}/")


def wider_than_screen(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")


@pytest.mark.parametrize(
    "username", [u for _r, u in ROLE_ACCOUNTS], ids=[r for r, _u in ROLE_ACCOUNTS]
)
def test_every_page_a_role_reaches_from_home_fits_a_phone_and_passes_axe(
    demo: str, phone: Page, username: str
) -> None:
    sign_in_demo(phone, demo, username)
    result = walk(phone, demo, depth=2, limit=PAGES_PER_ROLE)
    assert len(result.visited) > 15, result.visited  # the walk really went through the pages
    problems = result.problems()
    assert problems == [], (
        f"{username}: {len(problems)} problem(s) on {len(result.visited)} pages\n\n"
        + "\n".join(problems)
    )


def test_coordinator_finds_the_overdue_periods_on_a_phone(demo: str, phone: Page) -> None:
    sign_in_demo(phone, demo, "dieuphoi")
    phone.get_by_test_id("bottom-bar").get_by_role("link", name="Nhiệm vụ").click()
    phone.get_by_role("heading", name="Nhiệm vụ", exact=True).wait_for()
    overdue = phone.get_by_test_id("buckets").get_by_role(
        "link", name=str(TaskOccurrence.Bucket.OPEN_OVERDUE.label)
    )
    count = int(overdue.locator("[data-bucket]").inner_text().replace(".", ""))
    assert count > 0
    overdue.click()
    phone.wait_for_url("**/plans/periods/?bucket=open_overdue")
    assert phone.get_by_test_id("period-count").inner_text() == f"{count} kỳ"
    statuses = phone.get_by_test_id("period-table").locator("tbody tr td:last-child")
    allowed = (TaskOccurrence.Bucket.OPEN_OVERDUE.label, TaskOccurrence.Status.RETURNED.label)
    for status in statuses.all_inner_texts():
        assert status.startswith(tuple(str(label) for label in allowed)), status
    assert not wider_than_screen(phone)


def test_province_viewer_opens_the_wards_completeness_grid_on_a_phone(
    demo: str, phone: Page
) -> None:
    sign_in_demo(phone, demo, "so_gddt")
    phone.get_by_test_id("bottom-bar").get_by_role("link", name="Báo cáo").click()
    phone.get_by_role("link", name="Tình hình nộp báo cáo của các xã, phường").click()
    phone.wait_for_url("**/reports/province/")
    grid = phone.get_by_test_id("grid").first
    ward = Unit.objects.get(code=WARD_CODE).name
    row = grid.locator("tbody tr").filter(has_text=ward)
    assert row.count() == 1
    assert row.locator("td[data-state]").count() >= 1  # one cell per period of the year
    assert not wider_than_screen(phone)


def test_coordinator_reports_a_period_done_from_home_on_a_phone(demo: str, phone: Page) -> None:
    sign_in_demo(phone, demo, "dieuphoi")
    first = phone.get_by_test_id("due-periods").get_by_role("link").first
    period = TaskOccurrence.objects.get(pk=first.get_attribute("href").rsplit("-", 1)[1])
    first.click()
    form = phone.locator(f"#period-{period.pk} form")
    assert form.is_visible()  # the home row opens its «Báo hoàn thành» form
    form.get_by_label("Ngày hoàn thành").fill(local_today().strftime("%d/%m/%Y"))
    form.get_by_label("Kết quả").fill("Đã treo 12 băng rôn tại các tổ dân phố.")
    form.get_by_label("hoặc đường dẫn minh chứng").fill("https://backan.thainguyen.gov.vn/tin/71")
    form.get_by_role("button", name="Báo hoàn thành").click()
    phone.get_by_text("Đã báo hoàn thành kỳ").wait_for()
    period.refresh_from_db()
    assert period.status == TaskOccurrence.Status.DONE
    assert not wider_than_screen(phone)


def test_leader_signs_the_report_put_before_them_from_home_on_a_phone(
    demo: str, phone: Page
) -> None:
    report = Report.objects.get(unit__code=WARD_CODE, period="2026-Q3")
    report_request_signature(actor=User.objects.get(username="dieuphoi"), report=report)
    sign_in_demo(phone, demo, "lanhdao")
    assert phone.get_by_test_id("to-sign-count").inner_text() == "Chờ ký (1)"
    phone.get_by_test_id(f"sign-{report.pk}").click()
    phone.get_by_test_id("document-preview").wait_for()
    assert not wider_than_screen(phone)
    phone.get_by_label("Số văn bản").fill("41/BC-UBND")
    phone.get_by_test_id("issue-continue").click()
    phone.get_by_test_id("issue-confirm").first.click()
    phone.get_by_text("Đã ban hành báo cáo số 41/BC-UBND").wait_for()
    report.refresh_from_db()
    assert (report.status, report.number) == (Report.Status.SUBMITTED, "41/BC-UBND")


@pytest.mark.parametrize("username", ["bientap", "ketoan"])
def test_a_unit_records_an_activity_from_home_on_a_phone(
    demo: str, phone: Page, username: str
) -> None:
    """The editor's bulletin and the budget officer's meeting: «+ Ghi hoạt động» on home."""
    sign_in_demo(phone, demo, username)
    phone.get_by_test_id("quick-activity").click()
    phone.get_by_label("Loại hoạt động").select_option(index=1)
    phone.get_by_label("Tên hoạt động").fill("Bản tin giáo dục tháng 12")
    assert phone.get_by_label("Ngày *").input_value() == local_today().strftime("%d/%m/%Y")
    phone.get_by_test_id("save-activity").click()
    phone.get_by_role("heading", name="Bản tin giáo dục tháng 12").wait_for()
    activity = Activity.objects.get(title="Bản tin giáo dục tháng 12")
    assert activity.organiser == User.objects.get(username=username).primary_role.unit
    assert not wider_than_screen(phone)


def test_contributor_reads_an_activity_of_the_school_on_a_phone(demo: str, phone: Page) -> None:
    """A contributor only reads: the school's activities, one of them with its attendance."""
    sign_in_demo(phone, demo, "congtacvien")
    phone.get_by_test_id("bottom-bar").get_by_role("link", name="Hoạt động").click()
    phone.get_by_test_id("activity-list").get_by_role("link").first.click()
    phone.get_by_test_id("attendees").wait_for()
    assert phone.get_by_test_id("save-attendance").count() == 0  # nothing to write
    assert not wider_than_screen(phone)
