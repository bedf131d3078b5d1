"""The notifications page and its settings in Debian's Chromium on a 360 px phone: nothing
wider than the screen, every control at least 44 px high (issue 14, item 8)."""

import pytest

from conftest import sign_in
from lantoa.accounts.models import Notification, User
from lantoa.accounts.services import notify

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
CONTROLS = "main a.btn, main button, main .nav-link, main .page-link, main label"


def too_small(page) -> list[str]:
    """The page's controls less than 44 px high, by their text."""
    return page.evaluate(
        """sel => [...document.querySelectorAll(sel)]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
            .map(e => e.innerText.trim())""",
        CONTROLS,
    )


def test_a_phone_user_opens_a_notification_and_changes_the_settings(
    browser, live_server, coordinator
):
    for n in range(22):
        notify(user=coordinator, text=f"Thông báo thử số {n} về một văn bản khá dài", url="/")
    opened = notify(user=coordinator, text="Văn bản gửi đến: Kế hoạch 12", url="/accounts/audit/")
    page = sign_in(browser, live_server, coordinator.username, PHONE)
    page.goto(f"{live_server.url}/accounts/notifications/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert too_small(page) == []
    page.get_by_role("button", name="Văn bản gửi đến: Kế hoạch 12").click()
    page.wait_for_url(f"{live_server.url}/accounts/audit/")
    opened.refresh_from_db()
    assert opened.read_at is not None
    assert Notification.objects.filter(user=coordinator, read_at__isnull=True).count() == 22

    page.goto(f"{live_server.url}/accounts/notifications/settings/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert too_small(page) == []
    page.get_by_label("Không gửi thư").check()
    page.get_by_role("button", name="Lưu cài đặt").click()
    page.get_by_text("Đã lưu cài đặt thông báo.").wait_for()
    assert User.objects.get(pk=coordinator.pk).notify_by == User.NotifyBy.NEVER
    page.close()
