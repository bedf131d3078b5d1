"""A school officer records a briefing with three attendees from the home screen of a 360 px
phone in at most six taps, and nothing else is typed (issue 14, "Done when" 2)."""

import pytest

from conftest import make_person, sign_in
from lantoa.activities.models import Activity, ActivityKind

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
TAPS_ALLOWED = 6


class Taps:
    """Counts every tap the officer makes; nothing is typed."""

    def __init__(self) -> None:
        self.count = 0

    def tap(self, locator) -> None:
        self.count += 1
        locator.click()


def test_school_officer_records_a_briefing_with_three_attendees_in_six_taps(
    browser, live_server, world, school_a_officer
):
    for name in ("Đỗ Thị Mai", "Vũ Văn Khánh", "Lò Thị Hoa"):
        make_person(name, world.school_a)
    page = sign_in(browser, live_server, "school_a_officer", PHONE)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    taps = Taps()

    taps.tap(page.get_by_test_id("quick-briefing"))
    taps.tap(page.get_by_test_id("save-activity"))
    checklist = page.get_by_test_id("roster-checklist")
    for name in ("Đỗ Thị Mai", "Vũ Văn Khánh", "Lò Thị Hoa"):
        taps.tap(checklist.get_by_label(name))
    taps.tap(page.get_by_test_id("save-attendance"))

    assert taps.count <= TAPS_ALLOWED
    attendees = page.get_by_test_id("attendees").inner_text()
    assert all(n in attendees for n in ("Đỗ Thị Mai", "Vũ Văn Khánh", "Lò Thị Hoa"))
    activity = Activity.objects.get()
    assert activity.kind.category == ActivityKind.Category.BRIEFING
    assert activity.organiser == world.school_a
    assert activity.attendances.count() == 3
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert errors == []
