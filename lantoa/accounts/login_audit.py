"""Logins, logouts and failed logins go into the audit trail (issue 2, item 7).

Django's auth signals are the only place these events surface; this is bookkeeping, not
domain logic, so a receiver is the right tool here.
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from lantoa.accounts.models import User
from lantoa.core.audit import audit_record
from lantoa.core.net import client_ip


def _ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return client_ip(request)


def _unit_path(user: Any) -> str:
    role = user.primary_role if hasattr(user, "primary_role") else None
    return role.unit.path if role else ""


@receiver(user_logged_in)
def record_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    audit_record(
        actor=user,
        action="auth.login",
        obj=user,
        unit_path=_unit_path(user),
        ip_address=_ip(request),
    )


@receiver(user_logged_out)
def record_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(
            actor=user,
            action="auth.logout",
            obj=user,
            unit_path=_unit_path(user),
            ip_address=_ip(request),
        )


@receiver(user_login_failed)
def record_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    login = str(credentials.get("username", ""))[:150]
    try:
        user = User.objects.get_by_login(login)
    except (User.DoesNotExist, User.MultipleObjectsReturned):
        user = None
    audit_record(
        actor=None,
        action="auth.login_failed",
        obj=user,
        object_repr=login,
        unit_path=_unit_path(user) if user else "",
        changes={"username": [None, login]},
        ip_address=_ip(request),
    )
