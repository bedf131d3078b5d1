"""Reads for accounts: the audit trail, scoped like every other record (issue 2, item 7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from lantoa.accounts.models import Role, User
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
