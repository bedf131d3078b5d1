"""The review of an imported plan as a working copy (P2, issue 13 item 4): what the coordinator
changed on the page — each task's lead, partners and time — is written into the import's
`parsed` data, so the review can be saved as a draft and resumed; a lead can be given to many
tasks at once; tasks read as two can be merged, a task read as one can be split."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.text import nfc
from lantoa.plans.models import PlanImport
from lantoa.plans.parsing.checks import check_tasks
from lantoa.plans.parsing.fields import split_units
from lantoa.plans.parsing.parsed import ParsedPlan

TASK_KEY = re.compile(r"^(?P<g>\d+)-(?P<t>\d+)$")


def task_keys(post: Any) -> list[tuple[int, int]]:
    """The tasks ticked on the page, as (group, task) positions."""
    keys = []
    for value in post.getlist("selected"):
        if match := TASK_KEY.match(value):
            keys.append((int(match.group("g")), int(match.group("t"))))
    return sorted(set(keys))


def apply_edits(record: PlanImport, post: Any) -> None:
    """Each task's lead (a unit id, "new" or empty), partners (names, one per line or split by
    ";") and time, as typed, into the working copy."""
    for g, group in enumerate(record.parsed.get("task_groups", [])):
        for t, task in enumerate(group["tasks"]):
            prefix = f"task-{g}-{t}"
            if f"{prefix}-lead" in post:
                task["lead_choice"] = post.get(f"{prefix}-lead") or None
            if f"{prefix}-time" in post:
                task["time"] = nfc(post.get(f"{prefix}-time", "")) or None
            if f"{prefix}-partners" in post:
                task["support_units"] = split_units(post.get(f"{prefix}-partners", ""))
    for name in ("number", "title"):
        if name in post:
            record.parsed[name] = nfc(post.get(name, "")) or None
    recheck(record)


def lead_for_many(record: PlanImport, keys: list[tuple[int, int]], choice: str) -> int:
    """One lead for every ticked task; returns how many."""
    if not keys:
        raise ValidationError(_("Chọn (đánh dấu) ít nhất một nhiệm vụ để giao đơn vị chủ trì."))
    if not choice:
        raise ValidationError(_("Chọn đơn vị chủ trì để giao cho các nhiệm vụ đã đánh dấu."))
    groups = record.parsed["task_groups"]
    for g, t in keys:
        groups[g]["tasks"][t]["lead_choice"] = choice
    return len(keys)


def merge(record: PlanImport, keys: list[tuple[int, int]]) -> None:
    """Ticked tasks of one group become one: texts joined, subtasks and partners kept, the first
    task's lead and time unless it had none."""
    if len(keys) < 2:
        raise ValidationError(_("Đánh dấu ít nhất hai nhiệm vụ để gộp."))
    if len({g for g, _t in keys}) > 1:
        raise ValidationError(_("Chỉ gộp được các nhiệm vụ trong cùng một nhóm."))
    tasks = record.parsed["task_groups"][keys[0][0]]["tasks"]
    parts = [tasks[t] for _g, t in keys]
    first = parts[0]
    first["text"] = "; ".join(p["text"].rstrip(" ;.") for p in parts)
    first["subtasks"] = [s for p in parts for s in p.get("subtasks", [])]
    first["support_units"] = list(
        dict.fromkeys(u for p in parts for u in p.get("support_units", []))
    )
    for name in ("lead_unit", "lead_choice", "time"):
        first[name] = first.get(name) or next((p.get(name) for p in parts if p.get(name)), None)
    for _g, t in reversed(keys[1:]):
        del tasks[t]
    recheck(record)


def split(record: PlanImport, key: tuple[int, int]) -> int:
    """A task whose text holds several duties split at its ";" into tasks with the same lead,
    partners and time; returns how many it became."""
    g, t = key
    tasks = record.parsed["task_groups"][g]["tasks"]
    task = tasks[t]
    pieces = [p.strip() for p in re.split(r";\s+", task["text"]) if p.strip(" ;.")]
    if len(pieces) < 2:
        raise ValidationError(
            _("Nhiệm vụ «%(text)s» không có dấu «;» để tách.") % {"text": task["text"][:60]}
        )
    copies = [{**task, "text": piece, "subtasks": []} for piece in pieces]
    copies[0]["subtasks"] = task.get("subtasks", [])
    tasks[t : t + 1] = copies
    recheck(record)
    return len(copies)


def recheck(record: PlanImport) -> None:
    """The task warnings again, after edits moved or completed tasks."""
    kept = [w for w in record.parsed.get("warnings", []) if not w["where"].startswith("task_")]
    fresh = ParsedPlan(task_groups=record.parsed.get("task_groups", []))
    check_tasks(fresh)
    record.parsed["warnings"] = fresh.warnings + kept


@transaction.atomic
def draft_save(record: PlanImport) -> None:
    """Keep the working copy; the review opens where it was left."""
    if record.status != PlanImport.Status.REVIEW:
        raise ValidationError(_("Kế hoạch này đã được lưu; không còn bản nháp để sửa."))
    record.draft_saved_at = timezone.now()
    record.save(update_fields=["parsed", "draft_saved_at"])
