"""Reads for accounts: the audit trail, scoped like every other record (issue 2, item 7), and a
person's own notifications (issue 14, item 8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lantoa.accounts.models import Notification, Role, User
from lantoa.core.models import AuditEntry
from lantoa.core.scoping import scope_filter
from lantoa.core.text import fold


def can_view_audit(user: User) -> bool:
    return user.is_superuser or user.has_role(Role.COORDINATOR)


def audit_list_for(
    user: User,
    *,
    person: str = "",
    record: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEntry]:
    """Audit rows of the user's scope; `person` and `record` match ignoring diacritics."""
    if not can_view_audit(user):
        return AuditEntry.objects.none()
    entries = scope_filter(
        AuditEntry.objects.select_related("content_type"), user.scope, "unit_path"
    )
    if person.strip():
        entries = entries.filter(actor_folded__contains=fold(person))
    if record.strip():
        entries = entries.filter(
            Q(object_folded__contains=fold(record)) | Q(action__contains=fold(record))
        )
    tz = timezone.get_current_timezone()
    if date_from:
        entries = entries.filter(at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz))
    if date_to:
        entries = entries.filter(
            at__lt=dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        )
    return entries.order_by("-at", "-id")


def users_with_role(
    roles: Sequence[str] | None = None, *, unit: Any = None, within: str = ""
) -> QuerySet[User]:
    """Active users holding one of `roles` (any role when None) at `unit`, or at any unit under
    the path `within`: the one query behind "the ward's coordinators", "the school's officers",
    "the Sở's officers" wherever someone is to be told something."""
    users = User.objects.filter(is_active=True)
    condition = Q()
    if roles is not None:
        condition &= Q(role_assignments__role__in=roles)
    if unit is not None:
        condition &= Q(role_assignments__unit=unit)
    if within:
        condition &= Q(role_assignments__unit__path__startswith=within)
    return users.filter(condition).distinct().order_by("pk")


def notification_list_for(user: User, *, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's own notifications, newest first; only the unread ones when asked."""
    notifications = Notification.objects.filter(user=user)
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.order_by("-created_at", "-id")


def notification_get_for(user: User, pk: int) -> Notification:
    """One of the user's own notifications; anyone else's is a 404, like a missing one."""
    return get_object_or_404(Notification, pk=pk, user=user)


def notification_counts_for(user: User) -> dict[str, int]:
    """{"unread": n, "all": n} of the user's notifications, in one query (the page's tabs)."""
    counts = Notification.objects.filter(user=user).aggregate(
        all=Count("pk"), unread=Count("pk", filter=Q(read_at__isnull=True))
    )
    return {"unread": counts["unread"], "all": counts["all"]}


def unread_count_for(user: User | AnonymousUser) -> int:
    """How many of the user's notifications are unread (the bell in the page's header); 0 for
    someone not signed in."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()
