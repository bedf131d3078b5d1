"""The review of an imported plan as a working copy (P2, issue 13 item 4): what the coordinator
changed on the page — the header, dropped objectives, each task's lead, partners and time, the
units of "Tổ chức thực hiện" — is written into the import's `parsed` data, so the review can be
saved as a draft and resumed; a lead can be given to many tasks at once; tasks read as two can
be merged, a task read as one can be split. Each change that moves tasks raises the copy's
revision; a page opened on an older revision is refused rather than written onto the wrong
rows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.audit import audit_record
from lantoa.core.dates import parse_vn_date
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.core.text import nfc
from lantoa.plans.models import PlanImport
from lantoa.plans.parsing.checks import check_tasks
from lantoa.plans.parsing.parsed import ParsedPlan

TASK_KEY = re.compile(r"^(?P<g>\d+)-(?P<t>\d+)$")
NEW_UNIT = "new"
STALE = _(
    "Trang này đã cũ: danh sách nhiệm vụ vừa được gộp hoặc tách. Chưa ghi gì; trang đã tải lại."
)


def revision(record: PlanImport) -> int:
    return int(record.parsed.get("revision", 0))


def task_keys(record: PlanImport, post: Any) -> list[tuple[int, int]]:
    """The ticked tasks, as (group, task) positions that exist in the working copy."""
    groups = record.parsed.get("task_groups", [])
    keys = set()
    for value in post.getlist("selected"):
        if (match := TASK_KEY.match(value)) and (key := _key(match)) and _exists(groups, key):
            keys.add(key)
    return sorted(keys)


def _key(match: re.Match[str]) -> tuple[int, int]:
    return int(match.group("g")), int(match.group("t"))


def _exists(groups: list[dict[str, Any]], key: tuple[int, int]) -> bool:
    g, t = key
    return g < len(groups) and t < len(groups[g]["tasks"])


def apply_edits(record: PlanImport, post: Any, allowed: Iterable[str]) -> None:
    """The page as typed into the working copy; `allowed`: the unit ids a lead may name. A page
    opened on an older revision raises ValidationError and changes nothing."""
    if "revision" in post and post.get("revision") != str(revision(record)):
        raise ValidationError(STALE)
    choices = {*allowed, NEW_UNIT}
    parsed = record.parsed
    for g, group in enumerate(parsed.get("task_groups", [])):
        for t, task in enumerate(group["tasks"]):
            prefix = f"task-{g}-{t}"
            if f"{prefix}-lead" in post:
                chosen = post.get(f"{prefix}-lead") or None
                task["lead_choice"] = chosen if chosen in choices else None
            if f"{prefix}-time" in post:
                task["time"] = nfc(post.get(f"{prefix}-time", "")) or None
            if f"{prefix}-partners" in post:  # typed by a person: ";" parts, nothing else
                typed = post.get(f"{prefix}-partners", "")
                task["support_units"] = [nfc(p) for p in typed.split(";") if nfc(p)]
    for name in ("number", "title"):
        if name in post:
            parsed[name] = nfc(post.get(name, "")) or None
    if "date" in post:
        parsed["date"] = _iso(post.get("date", ""), parsed.get("date"))
    if "objectives-shown" in post:
        parsed["dropped_objectives"] = [
            i for i in range(len(parsed.get("general_objectives", [])))
            if post.get(f"objective-{i}-drop")
        ]  # fmt: skip
    for r, item in enumerate(parsed.get("responsibilities", [])):
        if f"resp-{r}-shown" in post:
            item["unit_choices"] = [v for v in post.getlist(f"resp-{r}-units") if v in choices]
    recheck(record)


def _iso(typed: str, kept: str | None) -> str | None:
    if not typed.strip():
        return None
    try:
        return parse_vn_date(typed).isoformat()
    except ValueError:
        return kept  # the page shows the error when the plan is saved


def lead_for_many(
    record: PlanImport, keys: list[tuple[int, int]], choice: str, allowed: Iterable[str]
) -> int:
    """One lead for every ticked task; returns how many."""
    if not keys:
        raise ValidationError(_("Chọn (đánh dấu) ít nhất một nhiệm vụ để giao đơn vị chủ trì."))
    if choice not in {*allowed, NEW_UNIT}:
        raise ValidationError(_("Chọn đơn vị chủ trì để giao cho các nhiệm vụ đã đánh dấu."))
    groups = record.parsed["task_groups"]
    for g, t in keys:
        groups[g]["tasks"][t]["lead_choice"] = choice
    recheck(record)
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
    _moved(record)


def split(record: PlanImport, key: tuple[int, int]) -> int:
    """A task whose text holds several duties split at its ";" into tasks with the same lead,
    partners and time; returns how many it became."""
    if not _exists(record.parsed.get("task_groups", []), key):
        raise ValidationError(STALE)
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
    _moved(record)
    return len(copies)


def _moved(record: PlanImport) -> None:
    record.parsed["revision"] = revision(record) + 1
    recheck(record)


def recheck(record: PlanImport) -> None:
    """The task warnings again, after edits moved or completed tasks."""
    kept = [w for w in record.parsed.get("warnings", []) if not w["where"].startswith("task_")]
    fresh = ParsedPlan(task_groups=record.parsed.get("task_groups", []))
    check_tasks(fresh)
    record.parsed["warnings"] = fresh.warnings + kept


@transaction.atomic
def draft_save(*, actor: ScopedUser, record: PlanImport, what: str) -> None:
    """Keep the working copy; the review opens where it was left. Audited with what changed."""
    require_write(actor, record.unit)
    if record.status != PlanImport.Status.REVIEW:
        raise ValidationError(_("Kế hoạch này đã được lưu; không còn bản nháp để sửa."))
    record.draft_saved_at = timezone.now()
    record.save(update_fields=["parsed", "draft_saved_at"])
    audit_record(
        actor=actor,
        action="plan_import.draft_saved",
        obj=record,
        unit_path=record.unit.path,
        changes={"step": [None, what]},
    )
