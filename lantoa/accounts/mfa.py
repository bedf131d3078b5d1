"""Two-step sign-in with a time-based code (TOTP, RFC 6238) from an authenticator app, and
single-use recovery codes (issue 12, item 1). django-otp keeps the devices and checks the
codes; this module says who must use it and records where a session stands.

A session is in one of three states, set at sign-in so that no page pays a query for it:
`verify` (the account has an app: enter a code first), `setup` (the account's role requires
one and it has none yet) or absent (nothing to do).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lantoa.accounts.models import Role, User
from lantoa.core.audit import audit_record

MFA_STATE = "lantoa_mfa"
REQUIRED_ROLES = (Role.COORDINATOR, Role.LEADER, Role.PROVINCE_VIEWER)
RECOVERY_CODES = 10


def mfa_required(user: User) -> bool:
    """Coordinators, leaders, the Sở's officers and administrators must use a second step."""
    if not settings.LANTOA_MFA_REQUIRED:
        return False
    return user.is_superuser or user.has_role(*REQUIRED_ROLES)


def has_app(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def session_state(request: HttpRequest, user: User | AnonymousUser) -> None:
    """At sign-in: what the session must do before any page opens."""
    if not isinstance(user, User):
        return
    if has_app(user):
        request.session[MFA_STATE] = "verify"
    elif mfa_required(user):
        request.session[MFA_STATE] = "setup"
    else:
        request.session.pop(MFA_STATE, None)


def verified(request: HttpRequest) -> bool:
    """This session has passed a second step (django-otp records the device it used)."""
    return DEVICE_ID_SESSION_KEY in request.session


def pending_app(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def app_start(user: User) -> TOTPDevice:
    """A new authenticator secret to scan; unconfirmed until a first code proves it."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=False)


@transaction.atomic
def app_confirm(request: HttpRequest, user: User, token: str) -> list[str] | None:
    """The first code from the app: the app replaces any earlier one, the session counts as
    verified, and ten new recovery codes are returned to be shown once; None if it is wrong."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_renew(user)
    otp_login(request, device)
    request.session.pop(MFA_STATE, None)
    audit_record(actor=user, action="auth.mfa_enrolled", obj=user, unit_path="")
    return codes


def recovery_codes_renew(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def code_check(request: HttpRequest, user: User, token: str) -> bool:
    """A code from the app, or a recovery code (used up), completes the sign-in."""
    device = match_token(user, token.strip().replace(" ", ""))
    if device is None:
        audit_record(actor=user, action="auth.mfa_failed", obj=user, unit_path="")
        return False
    otp_login(request, device)
    request.session.pop(MFA_STATE, None)
    return True
