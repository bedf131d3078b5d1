"""How often one key may do one thing (issue 12, item 3): password resets per address and per
client, self check-ins per client. Counted in the database (`RateLimitHit`), so the limit holds
across the web and worker processes of one ward without Redis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from lantoa.core.models import RateLimitHit


@dataclass(frozen=True)
class Limit:
    scope: str
    times: int
    per: dt.timedelta


PASSWORD_RESET_PER_ADDRESS = Limit("password_reset:address", 3, dt.timedelta(hours=1))
PASSWORD_RESET_PER_CLIENT = Limit("password_reset:client", 10, dt.timedelta(hours=1))


@transaction.atomic
def hit(limit: Limit, key: str, *, now: dt.datetime | None = None) -> bool:
    """Count one attempt for `key`; False (and nothing counted) when it is over the limit."""
    now = now or timezone.now()
    key = key.strip().lower()[:200]
    RateLimitHit.objects.filter(scope=limit.scope, at__lt=now - limit.per).delete()
    recent = RateLimitHit.objects.filter(scope=limit.scope, key=key, at__gte=now - limit.per)
    if recent.count() >= limit.times:
        return False
    RateLimitHit.objects.create(scope=limit.scope, key=key, at=now)
    return True
