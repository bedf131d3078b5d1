"""Login by username or e-mail, lockout per username + IP, password change and reset (issue 2)."""

import re

from django.core import mail
from django.urls import reverse

from conftest import PASSWORD
from lantoa.core.models import AuditEntry


def post_login(client, username, password, ip="10.1.1.1"):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_login_page_is_vietnamese(client, db):
    body = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="vi">' in body
    assert "Tên đăng nhập hoặc thư điện tử" in body and "Quên mật khẩu?" in body


def test_login_by_username_or_email(client, coordinator):
    assert post_login(client, "coordinator", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    response = post_login(client, "COORDINATOR@example.org", PASSWORD)
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_says_so_in_vietnamese(client, coordinator):
    response = post_login(client, "coordinator", "sai-mat-khau")
    assert response.status_code == 200
    assert "mật khẩu không đúng" in response.content.decode()


def test_lockout_is_per_username_and_ip(client, coordinator, school_a_officer):
    for _ in range(5):
        post_login(client, "coordinator", "sai", ip="10.0.0.7")
    locked = post_login(client, "coordinator", PASSWORD, ip="10.0.0.7")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    # the same office IP is not locked for a colleague, nor the same user from elsewhere
    assert post_login(client, "school_a_officer", PASSWORD, ip="10.0.0.7").status_code == 302
    other = post_login(type(client)(), "coordinator", PASSWORD, ip="10.0.0.8")
    assert other.status_code == 302


def test_failed_and_successful_logins_are_audited(client, coordinator):
    post_login(client, "coordinator", "sai", ip="10.9.9.9")
    post_login(client, "coordinator", PASSWORD, ip="10.9.9.9")
    actions = list(
        AuditEntry.objects.filter(action__startswith="auth.").values_list("action", "ip_address")
    )
    assert ("auth.login_failed", "10.9.9.9") in actions
    assert ("auth.login", "10.9.9.9") in actions


def test_password_change(client, coordinator):
    post_login(client, "coordinator", PASSWORD)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mot-mat-khau-moi-2026",
            "new_password2": "mot-mat-khau-moi-2026",
        },
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("mot-mat-khau-moi-2026")


def test_password_reset_by_email(client, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox hands it to the worker
        response = client.post(
            reverse("accounts:password_reset"), {"email": "Coordinator@Example.org"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Lan Tỏa: đặt lại mật khẩu"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "mat-khau-dat-lai-2026", "new_password2": "mat-khau-dat-lai-2026"},
    )
    assert done.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("mat-khau-dat-lai-2026")


def test_passwords_are_hashed_with_argon2():
    """Production hashes with Argon2 first (the tests swap in a fast hasher)."""
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from lantoa import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hashed = Argon2PasswordHasher().encode("mat-khau-dai-2026", "muoi-ngau-nhien")
    assert hashed.startswith("argon2$") and Argon2PasswordHasher().verify(
        "mat-khau-dai-2026", hashed
    )


def test_pages_require_login(client, db):
    response = client.get(reverse("org:person_list"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_admin_is_for_superusers_only(coordinator, login, django_user_model):
    coordinator.is_staff = True
    coordinator.save()
    assert login(coordinator).get("/admin/").status_code == 302
    root = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    assert login(root).get("/admin/").status_code == 200


# --- one identity, the client behind the proxy (issue 12, items 1 and 2) ---------------------


def test_the_lockout_counts_every_spelling_of_one_account_together(client, coordinator):
    """Finding 1: `Victim5`, `vIctim5`, `VICTIM5@…` each had five fresh tries, and a locked
    account signed in with another casing."""
    for login in [
        "coordinator",
        "Coordinator",
        "COORDINATOR",
        "coordinator@example.org",
        "cOORDINATOR",
    ]:
        post_login(client, login, "sai", ip="10.0.0.7")
    for login in ["coordinator", "CoOrdinator", "COORDINATOR@EXAMPLE.ORG"]:
        locked = post_login(client, login, PASSWORD, ip="10.0.0.7")
        assert locked.status_code == 429, login
    assert post_login(type(client)(), "Coordinator", PASSWORD, ip="10.0.0.8").status_code == 302


def test_usernames_are_kept_lower_case(django_user_model, db):
    user = django_user_model.objects.create_user("Victim5", password="x" * 12)
    assert user.username == "victim5"


def test_behind_the_proxy_each_client_is_locked_alone_and_audited_by_its_own_address(
    client, coordinator, settings
):
    """Finding 2: behind nginx every client looked like the proxy, so anyone's five wrong
    passwords locked the account for everyone; the audit trail recorded the proxy."""
    settings.LANTOA_PROXY_COUNT = 1
    proxy = "172.16.0.2"
    for _ in range(5):
        client.post(
            reverse("accounts:login"),
            {"username": "coordinator", "password": "sai"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9",  # the attacker's own left-hand lie
        )
    office = type(client)().post(
        reverse("accounts:login"),
        {"username": "coordinator", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.4",
    )
    assert office.status_code == 302
    failed = AuditEntry.objects.filter(action="auth.login_failed").values_list(
        "ip_address", flat=True
    )
    assert set(failed) == {"203.0.113.9"}
    assert AuditEntry.objects.get(action="auth.login").ip_address == "198.51.100.4"
