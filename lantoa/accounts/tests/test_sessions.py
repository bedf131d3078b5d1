"""Sessions close when idle and after a working day; pages are not cached; passwords hold no
personal detail; reset links are rate-limited (issue 12, items 2, 3 and 7)."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from lantoa.accounts.middleware import LAST_SEEN, SIGNED_IN_AT
from lantoa.core.models import OutgoingMail


def _age(client, **seconds_ago: float) -> None:  # type: ignore[no-untyped-def]
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_thirty_idle_minutes_close_the_session_and_say_why(coordinator, login):
    client = login(coordinator)
    assert client.get("/").status_code == 200
    _age(client, **{LAST_SEEN: 29 * 60})
    assert client.get("/").status_code == 200  # still within the half hour
    _age(client, **{LAST_SEEN: 31 * 60})
    response = client.get("/plans/", follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "không thao tác 30 phút" in response.content.decode()
    assert client.get("/").status_code == 302  # signed out


def test_a_session_ends_ten_hours_after_sign_in_however_busy(coordinator, login):
    client = login(coordinator)
    client.get("/")
    _age(client, **{SIGNED_IN_AT: 10 * 3600 + 60, LAST_SEEN: 10})
    assert client.get("/").status_code == 302


def test_an_expired_htmx_request_sends_the_whole_page_to_the_sign_in(coordinator, login):
    client = login(coordinator)
    client.get("/")
    _age(client, **{LAST_SEEN: 31 * 60})
    response = client.get("/org/people/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("accounts:login"))


def test_pages_are_not_cached_and_carry_a_strict_content_security_policy(
    coordinator, login, client
):
    home = login(coordinator).get("/")
    assert "no-store" in home.headers["Cache-Control"]
    assert "no-store" in client.get(reverse("accounts:login")).headers["Cache-Control"]
    policy = dict(
        part.strip().split(" ", 1) for part in home.headers["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"].startswith("'self'")  # a nonce is added when a page needs one
    assert "unsafe" not in policy["script-src"]
    for directive in ("object-src", "base-uri", "frame-ancestors"):
        assert policy[directive] == "'none'"


@pytest.mark.parametrize(
    "password", ["coordinator2026!", "Coordinat0r-COORDINATOR", "xx-coordinator@"]
)
def test_a_password_holding_the_username_is_refused(coordinator, password):
    with pytest.raises(ValidationError, match="tên đăng nhập, họ tên"):
        validate_password(password, coordinator)


def test_the_finding_victim3victim3_is_refused_and_an_unrelated_phrase_is_not(
    django_user_model, db
):
    victim = django_user_model(
        username="victim3", email="v3@example.org", full_name="Trần Thị Bích"
    )
    with pytest.raises(ValidationError):
        validate_password("victim3victim3", victim)
    with pytest.raises(ValidationError):
        validate_password("bich-2026-hoa-sen", victim)  # "Bích" is 4 letters without its accent
    validate_password("hoa-sen-no-tren-song-2026", victim)


def test_reset_links_are_limited_per_address_without_telling_whether_it_exists(
    client, coordinator, django_capture_on_commit_callbacks
):
    url = reverse("accounts:password_reset")
    with django_capture_on_commit_callbacks(execute=False):
        answers = [client.post(url, {"email": "coordinator@example.org"}) for _ in range(5)]
    assert [a.status_code for a in answers] == [302] * 5  # the same answer every time
    assert OutgoingMail.objects.filter(to="coordinator@example.org").count() == 3


def test_reset_requests_are_limited_per_client(client, db):
    url = reverse("accounts:password_reset")
    for n in range(10):
        assert client.post(url, {"email": f"ai{n}@example.org"}).status_code == 302
    refused = client.post(url, {"email": "ai-nua@example.org"})
    assert refused.status_code == 200
    assert "nhiều yêu cầu đặt lại mật khẩu" in refused.content.decode()
