"""Writes to accounts and roles (issue 2, item 6). Each is scoped and audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from lantoa.accounts.models import Notification, Role, RoleAssignment, User
from lantoa.core.audit import audit_record, diff, snapshot
from lantoa.core.mail import mail_queue
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.org.models import Unit

USER_FIELDS = ["username", "email", "full_name", "is_active"]


def _require_account_manager(actor: ScopedUser | None, unit: Unit) -> None:
    """Only the coordinator (within the ward) or a superuser hands out accounts."""
    if actor is None:
        return
    if not (actor.scope.is_superuser or actor.has_role(Role.COORDINATOR)):  # type: ignore[attr-defined]
        raise PermissionDenied
    require_write(actor, unit)


@transaction.atomic
def user_create(
    *,
    actor: ScopedUser | None,
    username: str,
    password: str | None,
    role: str,
    unit: Unit,
    **fields: Any,
) -> User:
    """Create an account with its first role bound to `unit`."""
    _require_account_manager(actor, unit)
    user = User(username=username, **fields)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        actor=actor,
        action="user.created",
        obj=user,
        unit_path=unit.path,
        changes=diff({}, snapshot(user, USER_FIELDS)),
    )
    role_assign(actor=actor, user=user, role=role, unit=unit)
    return user


@transaction.atomic
def role_assign(*, actor: ScopedUser | None, user: User, role: str, unit: Unit) -> RoleAssignment:
    _require_account_manager(actor, unit)
    assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
    if created:
        audit_record(
            actor=actor,
            action="role.assigned",
            obj=assignment,
            unit_path=unit.path,
            changes={"role": [None, role], "unit": [None, str(unit)], "user": [None, str(user)]},
        )
    user.__dict__.pop("roles", None)
    user.__dict__.pop("scope", None)
    return assignment


@transaction.atomic
def role_revoke(*, actor: ScopedUser | None, assignment: RoleAssignment) -> None:
    _require_account_manager(actor, assignment.unit)
    audit_record(
        actor=actor,
        action="role.revoked",
        obj=assignment,
        unit_path=assignment.unit.path,
        changes={"role": [assignment.role, None], "user": [str(assignment.user), None]},
    )
    assignment.delete()


def notify(*, user: User, text: str, url: str = "", email_subject: str = "") -> Notification:
    """Tell a user something in the app (always: the app keeps the record), and by e-mail as
    they chose (issue 14, item 8): now through the outbox, in the morning digest, or never."""
    notification = Notification.objects.create(user=user, text=text[:500], url=url)
    if user.notify_by == User.NotifyBy.IMMEDIATE and user.email:
        mail_queue(to=user.email, subject=email_subject or "Lan Tỏa", body=f"{text}\n\n{url}")
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return notification


def digest_send(*, now: dt.datetime | None = None) -> int:
    """One e-mail per digest user with every notification not yet e-mailed since they chose the
    digest; returns the count."""
    now = now or timezone.now()
    since_choice = Q(user__notify_by_since__isnull=True) | Q(
        created_at__gte=F("user__notify_by_since")
    )
    pending = (
        Notification.objects.filter(
            since_choice,
            emailed_at__isnull=True,
            user__notify_by=User.NotifyBy.DAILY_DIGEST,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in pending:
        by_user.setdefault(notification.user_id, []).append(notification)
    for items in by_user.values():
        body = "\n".join(f"- {n.text} {n.url}".rstrip() for n in items)
        mail_queue(
            to=items[0].user.email, subject=f"Lan Tỏa: {len(items)} việc cần chú ý", body=body
        )
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
    return len(by_user)


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    """Mark one of the user's own notifications read, when opened (issue 14, item 8)."""
    if notification.user_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_settings_save(*, user: User, notify_by: str) -> User:
    """The user's own e-mail choice (issue 14, item 8). What a digest was still holding when the
    user leaves it stays in the app only; choosing the digest gathers only what comes after."""
    if notify_by not in User.NotifyBy.values:
        raise ValueError(notify_by)
    if notify_by != user.notify_by:
        user.notify_by, user.notify_by_since = notify_by, timezone.now()
        user.save(update_fields=["notify_by", "notify_by_since"])
    return user
