"""Who leads what, when the plan says it by unit (P2, O1.1; issue 13 item 4).

Two layouts: a "PHÂN CÔNG NHIỆM VỤ" section (or a "TỔ CHỨC THỰC HIỆN" that is the only place
duties are written) lists "1. Sở …:" with that unit's duties — each duty is a task led by it;
and a task section that names no unit while "TỔ CHỨC THỰC HIỆN" assigns its items — by number
("các nhiệm vụ tại điểm 1, 2 mục II") or by restating them — so those units are the leads.
"""

from __future__ import annotations

import re
from typing import Any

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.fields import (
    inline_assignment,
    partners_named,
    split_units,
    task_fields,
)
from lantoa.plans.parsing.parsed import Para, ParsedPlan
from lantoa.plans.parsing.vocabulary import TASK_FIELD_RE, strip_end

COMMON = {"va", "cac", "cua", "cho", "tren", "trong", "theo", "ve", "de", "voi", "tai", "nam",
          "thuc", "hien", "to", "chuc", "nhiem", "vu", "duoc", "la", "co", "cong", "tac"}  # fmt: skip
COVERS = 0.7  # share of a task's words a duty must hold to name it


def unit_headings(paras: list[Para]) -> list[dict[str, Any]]:
    """Each "1. <unit(s)>:" heading with the duties under it (text, subtasks, fields)."""
    headings: list[dict[str, Any]] = []
    duty: dict[str, Any] | None = None
    for para in paras:
        if para.kind == "numbered" and "." not in para.number:
            heading, _colon, first = para.text.partition(":")
            requested = fold(heading).startswith("de nghi")
            name = nfc(re.sub(r"^Đề nghị\s+", "", heading, flags=re.IGNORECASE)).rstrip(":. ")
            current: dict[str, Any] = {
                "number": para.number,
                "unit": name,
                "requested": requested,
                "duties": [],
            }
            headings.append(current)
            duty = _duty(first) if first.strip() else None
            if duty:
                current["duties"].append(duty)
        elif not headings or not para.text:
            continue
        elif para.kind == "sub" and duty is not None:
            duty.setdefault("subtasks", []).append(para.text)
        elif TASK_FIELD_RE.match(para.text) and (found := task_fields(para.text)) and duty:
            duty["fields"].update({k: v for k, v in found.items() if k != "label"})
        else:
            duty = _duty(para.text)
            headings[-1]["duties"].append(duty)
    return headings


def as_responsibility(heading: dict[str, Any]) -> dict[str, Any]:
    """A unit heading as the JSON's `responsibilities` entry: the duties as written."""
    return {
        "unit": heading["unit"],
        "requested": heading["requested"],
        "duties": [d["written"] for d in heading["duties"]],
    }


def _duty(text: str) -> dict[str, Any]:
    clean, fields = inline_assignment(nfc(text))
    return {"text": strip_end(clean), "written": nfc(text), "fields": fields}


def assignments_as_tasks(headings: list[dict[str, Any]], plan: ParsedPlan) -> None:
    """Each duty a task: the heading's first unit leads, the others support."""
    for heading in headings:
        units = split_units(heading["unit"]) or [heading["unit"]]
        group: dict[str, Any] = {"number": heading["number"], "title": heading["unit"], "tasks": []}
        for duty in heading["duties"]:
            task: dict[str, Any] = {"text": duty["text"]}
            if duty.get("subtasks"):
                task["subtasks"] = duty["subtasks"]
            task.update(duty["fields"])
            task.setdefault("lead_unit", units[0])
            task.setdefault("support_units", units[1:])
            task["lead_source"] = "assignment"
            group["tasks"].append(task)
        if group["tasks"]:
            plan.task_groups.append(group)


def leads_from_responsibilities(plan: ParsedPlan) -> None:
    """Tasks that name no unit take their leads (and partners) from "TỔ CHỨC THỰC HIỆN"."""
    tasks = [t for g in plan.task_groups for t in g["tasks"]]
    if not tasks or any(t.get("lead_unit") for t in tasks):
        return
    for duty_unit, duty in ((r["unit"], d) for r in plan.responsibilities for d in r["duties"]):
        supports = fold(duty).startswith("phoi hop")
        partners = [] if supports else partners_named(duty)
        for task in _named(duty, plan) or _restated(duty, tasks):
            if supports:
                if duty_unit not in task.setdefault("support_units", []):
                    task["support_units"].append(duty_unit)
            elif not task.get("lead_unit"):
                task["lead_unit"], task["lead_source"] = duty_unit, "responsibility"
                task["support_units"] = [*task.get("support_units", []), *partners]


def _named(duty: str, plan: ParsedPlan) -> list[dict[str, Any]]:
    """The tasks a duty names by number: "nhiệm vụ tại điểm 1, 2 mục II", "nhiệm vụ 1.1, 1.3"."""
    match = re.search(
        r"(?:điểm|mục|nhiệm vụ|khoản)\s+(?P<n>\d+(?:\.\d+)*(?:\s*(?:,|và)\s*\d+(?:\.\d+)*)*)", duty
    )
    if not match:
        return []
    named: list[dict[str, Any]] = []
    for number in re.findall(r"\d+(?:\.\d+)*", match.group("n")):
        for group in plan.task_groups:
            if group["number"] == number:
                named.extend(group["tasks"])
            named.extend(t for t in group["tasks"] if t.get("number") == number)
    return named


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text))) - COMMON


def _restated(duty: str, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tasks whose words the duty mostly repeats."""
    said = _words(duty)
    return [t for t in tasks if (w := _words(t["text"])) and len(w & said) / len(w) >= COVERS]
