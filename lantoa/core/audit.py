"""Writing the audit trail. Services call `audit_record` inside their transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from lantoa.core.dates import format_vn_date, format_vn_datetime
from lantoa.core.models import AuditEntry
from lantoa.core.text import fold

Changes = dict[str, list[Any]]


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime):
        return format_vn_datetime(value)
    if isinstance(value, dt.date):
        return format_vn_date(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of `fields` as JSON-ready data, to diff after a change."""
    return {name: _plain(getattr(instance, name)) for name in fields}


EMPTY: tuple[Any, ...] = (None, "", [], {})


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> Changes:
    """{field: [old, new]} for the fields whose value changed (blank to blank is no change)."""
    keys = list(after) + [k for k in before if k not in after]
    changes = {}
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old != new and not (old in EMPTY and new in EMPTY):
            changes[key] = [old, new]
    return changes


def audit_entry(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    unit_path: str = "",
    changes: Changes | None = None,
    ip_address: str | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    """An unsaved audit row (for bulk writes); `audit_record` saves one."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    actor_name = (str(actor) if authenticated else "")[:150]
    if object_repr is None:
        object_repr = str(obj) if obj is not None else ""
    return AuditEntry(
        actor=actor if authenticated else None,
        actor_name=actor_name,
        actor_folded=fold(f"{actor_name} {actor.get_username() if authenticated else ''}")[:150],
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=object_repr[:255],
        object_folded=fold(object_repr)[:255],
        unit_path=unit_path,
        changes=changes or {},
        ip_address=ip_address,
    )


def audit_record(**kwargs: Any) -> AuditEntry:
    entry = audit_entry(**kwargs)
    entry.save()
    return entry
