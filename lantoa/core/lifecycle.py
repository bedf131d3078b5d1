"""Lifecycles as data (issue 11, item 3): a record's status changes only by a named move of
its model's table, through one `transition()`.

A move says from which statuses it starts, where it ends, what the audit trail calls it and
what a person is told when it is refused. `transition()` makes the move a conditional UPDATE
(`… WHERE pk = … AND status IN (sources) [AND version = n]`), so of two people acting on the
same record at the same moment one wins and the other is told why — on both databases
(core.concurrency) — then saves only the fields it names and writes the audit row.

    class Report(models.Model):
        LIFECYCLE = Lifecycle(
            Move("submit", {DRAFT, RETURNED}, SUBMITTED, "report.submitted", refusal=...),
            ...
        )

    transition(actor=user, obj=report, move="submit", values={"first_submitted_at": now})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise

from lantoa.core.audit import Changes, audit_record
from lantoa.core.concurrency import StaleEdit, stale_message


@dataclass(frozen=True)
class Move:
    """One allowed change of status."""

    name: str
    sources: Iterable[str]
    target: str
    action: str  # the audit trail's name for it: "report.submitted"
    refusal: str | Promise  # what a person is told when the record is not in a source status

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", frozenset(self.sources))


class Lifecycle:
    """A model's table of moves, read by permissions and templates as well as by transition."""

    def __init__(self, *moves: Move) -> None:
        self.moves = {move.name: move for move in moves}

    def __getitem__(self, name: str) -> Move:
        return self.moves[name]

    def allows(self, status: str, move: str) -> bool:
        return status in self.moves[move].sources


class IllegalMove(ValidationError):
    """The record is not in a status the move starts from."""


def transition(
    *,
    actor: Any,
    obj: models.Model,
    move: str,
    unit_path: str,
    values: Mapping[str, Any] | None = None,
    version: int | None = None,
    what: str = "",
    changes: Changes | None = None,
) -> None:
    """Make `move` on `obj`, setting `values` with it; IllegalMove if the record is not (or no
    longer) in a source status, StaleEdit if `version` is given and someone saved since."""
    step: Move = type(obj).LIFECYCLE[move]  # type: ignore[attr-defined]
    values = dict(values or {})
    fields = {"status": step.target, **values}
    if _has_field(obj, "updated_at"):
        fields["updated_at"] = timezone.now()
    versioned = _has_field(obj, "version")
    if versioned:
        fields["version"] = F("version") + 1
    rows = type(obj)._default_manager.filter(pk=obj.pk, status__in=list(step.sources))
    if version is not None:
        rows = rows.filter(version=version)
    if not rows.update(**fields):
        if version is not None:
            now = type(obj)._default_manager.filter(pk=obj.pk).values("status", "version").first()
            if now is not None and now["status"] in step.sources:
                raise StaleEdit(stale_message(obj, what), current_version=now["version"])
        raise IllegalMove(str(step.refusal))
    before = obj.status  # type: ignore[attr-defined]
    for name, value in fields.items():
        if name != "version":
            setattr(obj, name, value)
    if versioned:
        obj.version += 1  # type: ignore[attr-defined]
    audit_record(
        actor=actor,
        action=step.action,
        obj=obj,
        unit_path=unit_path,
        changes={"status": [before, step.target], **(changes or {})},
    )


def _has_field(obj: models.Model, name: str) -> bool:
    try:
        obj._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
