"""The tasks section of a plan (P2, O1.1): task groups, task lines with their "06 rõ" fields
("Đơn vị chủ trì: ...", "Thời gian: ..."), task tables, and the lead unit a "Giao ..." line names."""

from __future__ import annotations

import re
from typing import Any

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import TableBlock
from lantoa.plans.parsing.parsed import Para, ParsedPlan
from lantoa.plans.parsing.vocabulary import LEAD_VERBS, TASK_FIELD_RE, TASK_FIELDS, strip_end


def parse_tasks(heading: str, paras: list[Para], plan: ParsedPlan) -> None:
    """Groups ("1. ..."), tasks ("-", "a)", table rows), sub-tasks ("+") and field lines."""
    group: dict[str, Any] | None = None
    task: dict[str, Any] | None = None

    def ensure_group() -> dict[str, Any]:
        nonlocal group
        if group is None:
            group = {"number": None, "title": heading.rstrip(":. "), "tasks": []}
            plan.task_groups.append(group)
        return group

    for para in paras:
        if para.kind == "numbered" and "." not in para.number:
            group = {"number": para.number, "title": para.text.rstrip(":. "), "tasks": []}
            plan.task_groups.append(group)
            task = None
        elif para.kind == "table" and para.table is not None:
            for row_task in _table_tasks(para.table):
                ensure_group()["tasks"].append(row_task)
            task = None
        elif para.kind == "sub" and task is not None:
            task.setdefault("subtasks", []).append(para.text)
        elif (field_ := task_field(para.text)) is not None and task is not None:
            name, value = field_
            task[name] = split_units(value) if name == "support_units" else strip_end(value)
        elif para.kind in ("bullet", "letter", "numbered", "sub", "text") and para.text:
            task = {"text": para.text}
            lead = inferred_lead_unit(para.text)
            if lead:
                task["lead_unit"] = lead
            ensure_group()["tasks"].append(task)


def task_field(text: str) -> tuple[str, str] | None:
    """("lead_unit", "Phòng Văn hóa - Xã hội") for "Đơn vị chủ trì: Phòng Văn hóa - Xã hội"."""
    match = TASK_FIELD_RE.match(text)
    if not match:
        return None
    name = TASK_FIELDS.get(fold(match.group("k")).strip(" -+"))
    return (name, nfc(match.group("v"))) if name else None


def _table_columns(header: list[str]) -> dict[int, str]:
    """Task field by column position, from the table's header (STT | Nội dung | Chủ trì | ...)."""
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        folded = fold(name)
        if "noi dung" in folded or "nhiem vu" in folded:
            columns[index] = "text"
        elif "chu tri" in folded:
            columns[index] = "lead_unit"
        elif "phoi hop" in folded:
            columns[index] = "support_units"
        elif "thoi gian" in folded or "thoi han" in folded:
            columns[index] = "time"
        elif "san pham" in folded or "ket qua" in folded:
            columns[index] = "product"
    return columns


def _table_tasks(table: TableBlock) -> list[dict[str, Any]]:
    """One task per table row that has a text."""
    columns = _table_columns(table.header)
    tasks = []
    for row in table.rows:
        task: dict[str, Any] = {}
        for index, name in columns.items():
            value = nfc(row[index]) if index < len(row) else ""
            if value:
                task[name] = split_units(value) if name == "support_units" else value
        if task.get("text"):
            tasks.append(task)
    return tasks


def split_units(text: str) -> list[str]:
    """ "Phòng Văn hóa - Xã hội; Trường THCS A" → the two units."""
    parts = re.split(r"[;\n]|,\s*(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])", text)
    return [strip_end(nfc(p)) for p in parts if nfc(p).strip(" ;,.")]


def inferred_lead_unit(text: str) -> str | None:
    """ "Giao Trung tâm Dịch vụ tổng hợp phường tham mưu ..." → "Trung tâm Dịch vụ tổng hợp phường"."""
    match = re.match(r"^Giao\s+(?P<rest>.+)$", text)
    if not match:
        return None
    rest = match.group("rest")
    positions = [rest.find(f" {verb} ") for verb in LEAD_VERBS]
    positions = [p for p in positions if p > 0]
    return nfc(rest[: min(positions)]) if positions else None
