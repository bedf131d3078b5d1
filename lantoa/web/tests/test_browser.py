"""End to end in Debian's Chromium: a school officer and the coordinator log in and see their
own scope, on a 360 px phone and on a desktop (issue 2, "Done when")."""

from pathlib import Path

import pytest

from conftest import PASSWORD, sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}


def open_menu_if_collapsed(page):
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#lt-nav.show").wait_for()


def open_nav_group(page, group):
    """The grouped menus (issue 14, item 2): open the phone menu, then the group."""
    open_menu_if_collapsed(page)
    page.locator("#lt-nav").get_by_role("button", name=group).click()


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_school_officer_sees_only_the_school(
    browser, live_server, school_a_officer, world, viewport
):
    page = sign_in(browser, live_server, "school_a_officer", viewport)
    assert page.locator("h1").inner_text() == "Việc của tôi"
    assert "Xin chào" in page.get_by_test_id("greeting").inner_text()
    assert page.get_by_test_id("unit-count").inner_text() == "1 đơn vị"
    shot(page, f"home-school-{viewport['width']}")
    assert no_horizontal_scroll(page)

    open_nav_group(page, "Quản lý")
    nav = page.locator("#lt-nav .navbar-nav.me-auto")
    assert nav.get_by_role("link", name="Nhật ký").count() == 0
    nav.get_by_role("link", name="Đơn vị").click()
    tree = page.get_by_test_id("unit-tree")
    assert tree.locator("li").count() == 1
    assert "Trường Tiểu học Thử A" in tree.inner_text()
    assert "Trường Tiểu học Thử B" not in page.content()

    page.goto(f"{live_server.url}/org/people/?q=nguyen+van+an")
    assert page.get_by_test_id("result-count").inner_text() == "1 người"
    page.goto(f"{live_server.url}/org/people/?q=tran+thi+binh")
    assert page.get_by_test_id("result-count").inner_text() == "0 người"
    shot(page, f"people-school-{viewport['width']}")

    response = page.goto(f"{live_server.url}/org/people/{world.teacher_b.pk}/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_coordinator_sees_the_ward(browser, live_server, coordinator, world, viewport):
    page = sign_in(browser, live_server, "coordinator", viewport)
    assert page.get_by_test_id("unit-count").inner_text() == "6 đơn vị"
    assert page.get_by_test_id("attention").locator("li").count() >= 1
    shot(page, f"home-coordinator-{viewport['width']}")
    assert no_horizontal_scroll(page)

    open_nav_group(page, "Quản lý")
    page.locator("#lt-nav").get_by_role("link", name="Cán bộ").click()
    search = page.get_by_label("Tìm theo họ tên (gõ có dấu hay không dấu đều được)")
    search.fill("binh")
    page.get_by_test_id("result-count").filter(has_text="1 người").wait_for()
    assert "Trần Thị Bình" in page.locator("#results").inner_text()
    shot(page, f"people-coordinator-{viewport['width']}")
    assert no_horizontal_scroll(page)

    page.goto(f"{live_server.url}/org/units/")
    tree_text = page.get_by_test_id("unit-tree").inner_text()
    assert "Trường Tiểu học Thử A" in tree_text and "Trường Tiểu học Thử B" in tree_text
    assert "Bình Yên" not in tree_text
    shot(page, f"units-coordinator-{viewport['width']}")

    open_nav_group(page, "Quản lý")
    page.locator("#lt-nav").get_by_role("link", name="Nhật ký").click()
    page.get_by_role("heading", name="Nhật ký thay đổi", exact=True).wait_for()  # navigated
    assert "Đăng nhập" in page.locator("table").inner_text()
    shot(page, f"audit-coordinator-{viewport['width']}")
    page.close()


def test_pages_work_under_the_content_security_policy(
    browser, live_server, coordinator, world, ward_plan
):
    """Issue 12, item 2: the policy forbids inline scripts, plugins, framing and <base>; the
    pages, htmx and the charts must still work under it, with no violation reported."""
    violations: list[str] = []
    page = browser.new_page(viewport=DESKTOP, locale="vi-VN")
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/")
    page.get_by_label("Tên đăng nhập hoặc thư điện tử").fill("coordinator")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
    for path in ("/", "/dashboard/", "/org/people/", "/plans/tasks/", "/reports/"):
        response = page.goto(f"{live_server.url}{path}")
        policy = response.headers["content-security-policy"]
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    page.goto(f"{live_server.url}/org/people/")
    with page.expect_response(lambda r: "/org/people/?" in r.url):  # htmx swaps the results
        page.locator("#q").fill("nguyen van an")
    page.locator("#results").get_by_text("Nguyễn Văn An").first.wait_for()
    assert violations == []
