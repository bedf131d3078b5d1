"""No lost update (issue 10, item 6): every edit form carries the version of the record it
was opened on, and the service compares it in the database before writing.

`version_claim` runs `UPDATE … SET version = version + 1 WHERE pk = … AND version = n`. The row
is then locked until the transaction ends (PostgreSQL row lock; SQLite's IMMEDIATE transaction),
so of two people saving the same version one wins and the other is told who changed what — on
both databases, unlike `select_for_update`, which SQLite ignores (DESIGN.md).
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.models import AuditEntry

STALE_CODE = "stale"


class StaleEdit(ValidationError):
    """The record changed since the form was opened; `current_version` is what it is now."""

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message, code=STALE_CODE)
        self.current_version = current_version


def version_claim(instance: models.Model, expected: int | None, what: str) -> None:
    """Bump the record's version if it is still `expected`; StaleEdit otherwise. `None` means
    the caller did not come from a form (the system, the demo loader): nothing to compare."""
    if expected is None:
        return
    model = type(instance)
    updated = model._default_manager.filter(pk=instance.pk, version=expected).update(
        version=F("version") + 1
    )
    if not updated:
        current = model._default_manager.filter(pk=instance.pk).values_list("version", flat=True)
        raise StaleEdit(stale_message(instance, what), current_version=current.first() or 0)
    instance.version = expected + 1  # type: ignore[attr-defined]


def stale_message(instance: models.Model, what: str) -> str:
    """ "Người khác vừa sửa nhiệm vụ này (Nguyễn Thị Hiền lúc 14:05 02/12/2026: Hạn hoàn thành
    30/11/2026 → 15/12/2026) …" — the latest audited change of the record, in words."""
    entry = (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
        )
        .order_by("-at", "-id")
        .first()
    )
    detail = ""
    if entry is not None:
        changes = "; ".join(
            f"{label}: {_show(old)} → {_show(new)}" for label, old, new in entry.changes_display()
        )
        detail = _("%(who)s lúc %(when)s") % {
            "who": entry.actor_name or _("hệ thống"),
            "when": timezone.localtime(entry.at).strftime("%H:%M %d/%m/%Y"),
        }
        if changes:
            detail = f"{detail}: {changes}"
        detail = f" ({detail})"
    return _(
        "Người khác vừa sửa %(what)s sau khi bạn mở trang%(detail)s. Ô nhập vẫn giữ những gì bạn "
        "đã gõ; xem lại rồi bấm lưu lần nữa để ghi đè, hoặc tải lại trang để bỏ."
    ) % {"what": what, "detail": detail}


def _show(value: Any) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def form_after_stale(form: Any, error: StaleEdit) -> None:
    """Keep what was typed, carry the record's current version (so saving again overwrites
    knowingly) and show who changed what."""
    data = form.data.copy()
    data[form.add_prefix("version")] = str(error.current_version)
    form.data = data
    form.add_error(None, error)
