"""The notifications page keeps the history, opens one at a time, and each person chooses how
e-mail reaches them (issue 14, item 8)."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from lantoa.accounts.models import Notification, User
from lantoa.accounts.selectors import unread_count_for
from lantoa.accounts.services import digest_send, notification_settings_save, notify

LIST = reverse("accounts:notifications")
SETTINGS = reverse("accounts:notification_settings")


def open_url(notification: Notification) -> str:
    return reverse("accounts:notification_open", args=[notification.pk])


def items(body: str, kind: str) -> list[str]:
    """The texts of the page's read or unread items, in page order."""
    pattern = (
        rf'data-testid="notification-{kind}".*?'
        r'<span class="link-primary text-decoration-underline[^"]*">(.*?)</span>'
    )
    return re.findall(pattern, body, re.S)


@pytest.fixture
def history(coordinator):
    """Three notifications for the coordinator, the oldest read."""
    first = notify(user=coordinator, text="Báo cáo quý III đã nộp", url="/reporting/")
    second = notify(user=coordinator, text="Văn bản gửi đến: Kế hoạch 12", url="/plans/")
    third = notify(user=coordinator, text="Còn 3 ngày đến hạn", url="")
    Notification.objects.filter(pk=first.pk).update(read_at=first.created_at)
    return [first, second, third]


def test_history_shows_read_and_unread_newest_first_with_unread_marked(coordinator, history, login):
    body = login(coordinator).get(LIST).content.decode()
    assert items(body, "unread") == ["Còn 3 ngày đến hạn", "Văn bản gửi đến: Kế hoạch 12"]
    assert items(body, "read") == ["Báo cáo quý III đã nộp"]
    assert body.index("Còn 3 ngày đến hạn") < body.index("Báo cáo quý III đã nộp")
    assert body.count(">Mới</span>") == 2  # a word, not colour alone
    assert re.search(r"Chưa đọc\s*<span[^>]*>2</span>", body)
    assert re.search(r"Tất cả\s*<span[^>]*>3</span>", body)


def test_the_unread_tab_leaves_out_what_was_read(coordinator, history, login):
    body = login(coordinator).get(LIST, {"show": "unread"}).content.decode()
    assert "Văn bản gửi đến: Kế hoạch 12" in body
    assert "Báo cáo quý III đã nộp" not in body


def test_dates_read_in_vietnam_time(coordinator, login):
    with time_machine.travel(dt.datetime(2026, 4, 27, 17, 30, tzinfo=dt.UTC), tick=False):
        notify(user=coordinator, text="Nhắc việc", url="/")
    body = login(coordinator).get(LIST).content.decode()
    assert "28/04/2026 00:30" in body


def test_an_empty_history_says_so(coordinator, login):
    body = login(coordinator).get(LIST).content.decode()
    assert "Chưa có thông báo nào." in body
    assert "Đánh dấu đã đọc tất cả" not in body


def test_opening_marks_only_that_one_read_and_goes_to_its_page(coordinator, history, login):
    client = login(coordinator)
    response = client.post(open_url(history[1]))
    assert response.status_code == 302
    assert response["Location"] == "/plans/"
    history[1].refresh_from_db()
    history[2].refresh_from_db()
    assert history[1].read_at is not None
    assert history[2].read_at is None
    assert unread_count_for(coordinator) == 1


def test_opening_is_a_post(coordinator, history, login):
    assert login(coordinator).get(open_url(history[1])).status_code == 405
    history[1].refresh_from_db()
    assert history[1].read_at is None


def test_another_users_notification_is_not_found(coordinator, school_a_officer, history, login):
    response = login(school_a_officer).post(open_url(history[1]))
    assert response.status_code == 404
    history[1].refresh_from_db()
    assert history[1].read_at is None
    assert "Kế hoạch 12" not in login(school_a_officer).get(LIST).content.decode()


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "plans/", ""]
)
def test_an_address_outside_the_site_is_not_followed(coordinator, login, url):
    notification = notify(user=coordinator, text="Lạ", url=url)
    response = login(coordinator).post(open_url(notification))
    assert response.status_code == 302
    assert response["Location"] == LIST
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_all_read_returns_to_the_page(coordinator, history, login):
    client = login(coordinator)
    response = client.post(reverse("accounts:notifications_read"), {"next": LIST})
    assert response["Location"] == LIST
    assert unread_count_for(coordinator) == 0
    response = client.post(
        reverse("accounts:notifications_read"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("web:home")


def test_twenty_a_page(coordinator, login):
    for n in range(25):
        notify(user=coordinator, text=f"Thông báo số {n:02d}", url="/")
    client = login(coordinator)
    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()
    assert len(items(first, "unread")) == 20
    assert "Thông báo số 24" in first and "Thông báo số 04" not in first
    assert len(items(second, "unread")) == 5
    assert "Thông báo số 04" in second and "Trang 2/2" in second
    unread_next = client.get(LIST, {"show": "unread"}).content.decode()
    assert "?show=unread&amp;page=2" in unread_next or "?show=unread&page=2" in unread_next


def test_the_page_costs_the_same_few_queries_however_long_the_history(
    coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    notify(user=coordinator, text="Một", url="/")
    client.get(LIST)
    # session, user, roles, their unit, the bell's count; the tabs' counts, the page's count,
    # the page's rows
    with django_assert_max_num_queries(8) as few:
        client.get(LIST)
    for n in range(40):
        notify(user=coordinator, text=f"Thêm {n}", url="/")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_unread_count(coordinator, history, resident):
    from django.contrib.auth.models import AnonymousUser

    assert unread_count_for(coordinator) == 2
    assert unread_count_for(AnonymousUser()) == 0


def test_settings_page_saves_the_choice(coordinator, login):
    client = login(coordinator)
    body = client.get(SETTINGS).content.decode()
    assert "Thông báo trong ứng dụng luôn bật" in body
    assert re.search(r'value="immediate"[^>]*checked', body)  # the default, as before
    for value in User.NotifyBy.values:
        assert re.search(rf'<label[^>]*for="id_notify_by_\d"><input[^>]*value="{value}"', body)
    response = client.post(SETTINGS, {"notify_by": "never"}, follow=True)
    assert "Đã lưu cài đặt thông báo." in response.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.notify_by == User.NotifyBy.NEVER
    assert client.post(SETTINGS, {"notify_by": "hourly"}).status_code == 200
    coordinator.refresh_from_db()
    assert coordinator.notify_by == User.NotifyBy.NEVER


def sent_to(user: User) -> list[str]:
    return [m.body for m in mail.outbox if m.to == [user.email]]


def test_the_sender_honours_immediate_digest_and_never(
    coordinator, school_a_officer, leader, django_capture_on_commit_callbacks
):
    notification_settings_save(user=school_a_officer, notify_by="daily_digest")
    notification_settings_save(user=leader, notify_by="never")
    with django_capture_on_commit_callbacks(execute=True):
        for user in (coordinator, school_a_officer, leader):
            notify(user=user, text="Có văn bản mới", url="/dispatch/")
    assert len(sent_to(coordinator)) == 1
    assert sent_to(school_a_officer) == [] and sent_to(leader) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send() == 1
    assert len(sent_to(school_a_officer)) == 1
    assert "Có văn bản mới" in sent_to(school_a_officer)[0]
    assert sent_to(leader) == []
    assert Notification.objects.filter(user=leader, emailed_at__isnull=True).count() == 1


def test_choosing_the_digest_later_never_mails_the_backlog(
    leader, django_capture_on_commit_callbacks
):
    notification_settings_save(user=leader, notify_by="never")
    notify(user=leader, text="Cũ, chỉ trong ứng dụng", url="/")
    with time_machine.travel(dt.timedelta(minutes=5)):
        notification_settings_save(user=leader, notify_by="daily_digest")
        notify(user=leader, text="Mới, vào thư buổi sáng", url="/")
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send() == 1
    (body,) = sent_to(leader)
    assert "Mới, vào thư buổi sáng" in body and "Cũ" not in body
