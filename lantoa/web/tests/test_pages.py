"""The shell: a home page per role, navigation that shows only what exists, Vietnamese error
pages and a language switch to English (issue 2, item 8)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from conftest import make_person


def test_coordinator_home_shows_what_needs_attention(coordinator, world, login):
    response = login(coordinator).get("/")
    attention = [item.text for item in response.context["summary"].attention]
    assert "3 đơn vị chưa có danh sách cán bộ" in attention  # the ward, economy, centre
    assert any("chưa ghi thủ trưởng" in text for text in attention)
    assert any("chưa có điện thoại hay thư điện tử" in text for text in attention)
    assert response.context["summary"].people == 3


def test_school_officer_home_counts_only_the_school(school_a_officer, world, login):
    response = login(school_a_officer).get("/")
    summary = response.context["summary"]
    assert (summary.units, summary.people) == (1, 1)
    assert "Trường Tiểu học Thử B" not in response.content.decode()


def test_home_attention_clears_when_the_gap_is_filled(school_a_officer, world, login):
    from lantoa.org.services import person_update, unit_update

    person_update(actor=school_a_officer, person=world.teacher_a, phone="0912000111")
    unit_update(actor=school_a_officer, unit=world.school_a, head=world.teacher_a)
    response = login(school_a_officer).get("/")
    assert response.context["summary"].attention == []
    assert "Không có việc gì đang chờ bạn." in response.content.decode()


def test_province_viewer_home_is_empty_not_fake(province_viewer, world, login):
    response = login(province_viewer).get("/")
    assert response.status_code == 200
    assert response.context["summary"].people == 0
    assert response.context["summary"].attention == []


TOP = ["Trang chủ", "Nhiệm vụ", "Hoạt động", "Báo cáo", "Điều hành", "Quản lý"]
READ_ONLY = ["Nhiệm vụ", "Kế hoạch", "Đơn vị", "Cán bộ"]
WRITES_UNITS = [
    "Nhiệm vụ",
    "Kế hoạch",
    "Đơn vị",
    "Cán bộ",
    "Nhập danh sách",
    "Yêu cầu về dữ liệu cá nhân",
]


@pytest.mark.parametrize(
    "role,expected",
    [
        ("coordinator", [*WRITES_UNITS, "Nhật ký"]),
        ("leader", READ_ONLY),
        ("school_a_officer", WRITES_UNITS),
        ("province_viewer", READ_ONLY),
        ("contributor", READ_ONLY),
    ],
)
def test_navigation_shows_only_what_the_role_may_open(db, role, expected, request, login):
    """Six top items at most (issue 14, item 2); the grouped menus hold only what the role
    may open."""
    user = request.getfixturevalue(role)
    items = login(user).get("/").context["nav_items"]
    assert [str(item.label) for item in items] == TOP
    assert [str(c.label) for item in items for c in item.children] == expected


def test_phone_bottom_bar_marks_the_page_open(coordinator, world, login):
    response = login(coordinator).get("/plans/tasks/")
    bottom = response.context["bottom_items"]
    assert [str(i.label) for i in bottom] == ["Trang chủ", "Nhiệm vụ", "Hoạt động", "Báo cáo"]
    assert [i.active for i in bottom] == [False, True, False, False]
    assert 'data-testid="bottom-bar"' in response.content.decode()


def test_home_query_count_is_bounded(coordinator, world, login, django_assert_max_num_queries):
    for n in range(30):
        make_person(f"Người Thứ {n}", world.school_b, birth_date=None)
    client = login(coordinator)
    with django_assert_max_num_queries(21):
        client.get("/")


def test_not_found_page_is_vietnamese(coordinator, login):
    response = login(coordinator).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_forbidden_page_is_vietnamese(leader, world, login):
    response = login(leader).get(reverse("org:unit_edit", args=[world.school_a.pk]))
    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện việc này" in response.content.decode()


@override_settings(DEBUG=False)
def test_server_error_page_is_vietnamese(coordinator, login, monkeypatch):
    from lantoa.web import views

    def boom(request):
        raise RuntimeError("test")

    monkeypatch.setattr(views, "home_summary_for", boom)
    client = login(coordinator)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in response.content.decode()


def test_language_switch_to_english(coordinator, login):
    client = login(coordinator)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Needs attention" in body and "Units" in body
    assert "Cần chú ý" not in body


def test_login_page_can_switch_language_before_login(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/accounts/login/"}, follow=True
    )
    assert "Sign in" in response.content.decode()


def test_english_browser_still_gets_vietnamese_until_the_user_switches(coordinator, login):
    client = login(coordinator)
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in body and "Cần chú ý" in body


def test_demo_banner_shows_for_demo_units_only(coordinator, world, login):
    from lantoa.org.models import Unit

    assert 'data-testid="demo-banner"' not in login(coordinator).get("/").content.decode()
    Unit.objects.filter(pk=world.vhxh.pk).update(is_demo=True)
    coordinator.__dict__.pop("roles", None)
    assert 'data-testid="demo-banner"' in login(coordinator).get("/").content.decode()


def test_dates_out_of_range_are_a_clear_message_not_an_error(coordinator, world, login):
    """Issue 10, item 5: 01/01/0001 or 09/09/9999 typed into any date filter names the field
    and the fix; the page still answers."""
    client = login(coordinator)
    for url in [
        "/dashboard/?date_from=01/01/0001",
        "/dashboard/?date_to=09/09/9999",
        "/activities/?date_from=01/01/0001",
        "/accounts/audit/?date_to=31/12/9999",
        "/plans/periods/?at=01/01/0001",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Năm phải từ 1900 đến 2100" in response.content.decode(), url


@pytest.mark.parametrize("path", ["/khong-co-trang-nay/", "/plans/999999/"])
def test_not_found_is_ours_even_under_debug(coordinator, login, path):
    """`make run` serves with DEBUG on; people still meet the Vietnamese page (issue 14)."""
    with override_settings(DEBUG=True, LANTOA_DEBUG_PAGES=False):
        response = login(coordinator).get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang" in body
    assert "NOARCHIVE" not in body


def test_server_error_is_ours_even_under_debug(coordinator, login, monkeypatch):
    from lantoa.web import views

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(views, "home_summary_for", broken)
    client = login(coordinator)
    client.raise_request_exception = False
    with override_settings(DEBUG=True, LANTOA_DEBUG_PAGES=False):
        response = client.get("/")
    assert response.status_code == 500
    assert "NOARCHIVE" not in response.content.decode()
    assert "<html" in response.content.decode()


def test_app_manifest_and_icon_need_no_sign_in(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["name"] == "Lan Tỏa" and data["start_url"] == "/"
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    assert client.get("/favicon.ico").status_code == 301
    page = client.get("/accounts/login/").content.decode()
    assert 'rel="manifest"' in page and 'rel="icon"' in page
