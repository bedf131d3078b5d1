"""Two-step sign-in: required of coordinators, leaders, the Sở and administrators, offered to
everyone, with single-use recovery codes (issue 12, item 1)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from lantoa.core.models import AuditEntry


@pytest.fixture(autouse=True)
def _required(settings):
    settings.LANTOA_MFA_REQUIRED = True


def sign_in(username: str) -> Client:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code_now(user) -> str:  # type: ignore[no-untyped-def]
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def enrol(client: Client, user) -> list[str]:  # type: ignore[no-untyped-def]
    page = client.get(reverse("accounts:mfa_setup"))
    assert "<svg" in page.content.decode()  # the code to scan
    done = client.post(reverse("accounts:mfa_setup"), {"code": code_now(user), "next": "/"})
    return re.findall(r"<li class=\"col\">(\d{8})</li>", done.content.decode())


def test_a_coordinator_sets_up_the_app_before_any_page_opens(coordinator):
    client = sign_in("coordinator")
    assert client.get("/plans/").url.startswith(reverse("accounts:mfa_setup"))
    wrong = client.post(reverse("accounts:mfa_setup"), {"code": "000000"})
    assert "Mã chưa đúng" in wrong.content.decode()
    codes = enrol(client, coordinator)
    assert len(codes) == 10
    assert client.get("/plans/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.mfa_enrolled").exists()


def test_the_next_sign_in_asks_for_a_code_and_a_password_alone_opens_nothing(coordinator):
    enrol(sign_in("coordinator"), coordinator)
    later = timezone.now() + dt.timedelta(minutes=2)  # the enrolment code is spent
    with time_machine.travel(later, tick=True):
        client = sign_in("coordinator")
        for path in ("/", "/plans/", "/org/people/", reverse("accounts:mfa_setup")):
            assert reverse("accounts:mfa_verify") in client.get(path).url  # no new app either
        refused = client.post(reverse("accounts:mfa_verify"), {"code": "123456"})
        assert "Mã không đúng" in refused.content.decode()
        assert AuditEntry.objects.filter(action="auth.mfa_failed").count() == 1
        TOTPDevice.objects.filter(user=coordinator).update(throttling_failure_count=0)  # no wait
        done = client.post(
            reverse("accounts:mfa_verify") + "?next=/plans/", {"code": code_now(coordinator)}
        )
        assert done.url == "/plans/"
        assert client.get("/plans/").status_code == 200


def test_a_recovery_code_stands_in_for_a_lost_phone_once(coordinator):
    codes = enrol(sign_in("coordinator"), coordinator)
    first = sign_in("coordinator")
    assert first.post(reverse("accounts:mfa_verify"), {"code": codes[0]}).status_code == 302
    assert first.get("/").status_code == 200
    again = sign_in("coordinator")
    used = again.post(reverse("accounts:mfa_verify"), {"code": codes[0]})
    assert used.status_code == 200 and "đã dùng" in used.content.decode()


def test_a_school_officer_is_offered_the_second_step_not_forced(school_a_officer):
    client = sign_in("school_a_officer")
    assert client.get("/").status_code == 200
    enrol(client, school_a_officer)
    assert reverse("accounts:mfa_verify") in sign_in("school_a_officer").get("/").url


@pytest.mark.parametrize("fixture", ["leader", "province_viewer"])
def test_leaders_and_the_so_must_set_it_up_too(fixture, request):
    user = request.getfixturevalue(fixture)
    assert sign_in(user.username).get("/").url.startswith(reverse("accounts:mfa_setup"))
