"""The body of a plan by its "I.", "II." sections (P2): objectives and requirements, targets
by phase (T1–T6), tasks, budget and who does what; duplicate objectives are noticed (G3)."""

from __future__ import annotations

import re
from typing import Any

from lantoa.core.text import fold
from lantoa.plans.parsing.assignments import as_responsibility, unit_headings
from lantoa.plans.parsing.parsed import Para, ParsedPlan
from lantoa.plans.parsing.tasks import parse_tasks
from lantoa.plans.parsing.vocabulary import (
    AT_LEAST,
    MEASURE_NOUNS,
    PERCENT,
    SECTION_KINDS,
    YEAR_RANGE,
    YEARLY_WORDS,
    strip_end,
)

Section = tuple[str, list[Para]]  # the heading and the paragraphs under it


def split_sections(body: list[Para]) -> tuple[list[Para], list[Section]]:
    """The paragraphs before the first "I." heading (the preamble), and each section."""
    preamble = []
    sections: list[Section] = []
    for para in body:
        if para.kind == "roman":
            sections.append((para.text, []))
        elif sections:
            sections[-1][1].append(para)
        else:
            preamble.append(para)
    return preamble, sections


def section_kind(heading: str) -> str | None:
    """objectives | tasks | budget | responsibilities, or None for a section we do not read."""
    folded = fold(heading)
    if folded.startswith("phan cong"):  # "PHÂN CÔNG NHIỆM VỤ"; "NHIỆM VỤ … VÀ PHÂN CÔNG …" is tasks
        return "assignments"
    for kind, words in SECTION_KINDS:
        if any(folded.startswith(w) or f" {w}" in f" {folded}" for w in words):
            if kind == "tasks" and "to chuc thuc hien" in folded:
                continue
            return kind
    return None


def parse_sections(sections: list[Section], plan: ParsedPlan) -> None:
    """Each known section read by its own reader, in the document's order."""
    for heading, paras in sections:
        kind = section_kind(heading)
        if kind == "objectives":
            _parse_objectives(heading, paras, plan)
        elif kind == "tasks":
            parse_tasks(heading, paras, plan)
        elif kind == "budget":
            plan.budget.extend(p.text for p in paras if p.text)
        elif kind == "assignments":
            plan.assignment_headings.extend(unit_headings(paras))
        elif kind == "responsibilities":
            headings = unit_headings(paras)
            plan.duty_headings.extend(headings)
            plan.responsibilities.extend(as_responsibility(h) for h in headings)


def _parse_objectives(heading: str, paras: list[Para], plan: ParsedPlan) -> None:
    """General objectives, requirements and targets; a numbered heading says which comes next.
    Under a heading that says none ("II. MỤC TIÊU"), an item naming a number is a target; a
    section called "MỤC TIÊU CỤ THỂ", "CHỈ TIÊU" or "MỤC TIÊU ĐẾN NĂM 2030" holds targets."""
    mode, phase = _section_mode(heading, plan)
    for para in paras:
        if para.kind == "numbered":
            mode, phase = _objectives_heading(para, phase, plan)
            continue
        if not para.text:
            continue
        if mode == "auto":
            measured = target_value(para.text)[0] is not None and para.kind != "text"
            if measured and phase is None:
                phase = _phase(plan)
            if measured and phase is not None:
                value, unit = target_value(para.text)
                phase["targets"].append({"text": para.text, "value": value, "unit": unit})
            else:
                plan.general_objectives.append(para.text)
        elif mode == "general":
            plan.general_objectives.append(para.text)
        elif mode == "requirements":
            plan.requirements.append(para.text)
        elif mode == "targets":
            if phase is None:
                phase = _phase(plan)
            value, unit = target_value(para.text)
            phase["targets"].append({"text": para.text, "value": value, "unit": unit})
    _find_duplicate_objectives(plan)


def _phase(
    plan: ParsedPlan,
    label: str | None = None,
    end_year: int | None = None,
    start_year: int | None = None,
) -> dict[str, Any]:
    """A new phase of targets, appended to the plan."""
    phase: dict[str, Any] = {
        "label": label,
        "start_year": start_year,
        "end_year": end_year,
        "targets": [],
    }
    plan.phases.append(phase)
    return phase


def _section_mode(heading: str, plan: ParsedPlan) -> tuple[str, dict[str, Any] | None]:
    folded = fold(heading)
    if folded.startswith(("muc tieu cu the", "chi tieu")) or re.search(r"den nam \d{4}", folded):
        year = re.search(r"(?:19|20)\d{2}", heading)
        if year is None:
            return "targets", _phase(plan)
        return "targets", _phase(plan, heading.rstrip(":. "), int(year.group(0)))
    if ("muc tieu" in folded or "chi tieu" in folded) and "muc dich" not in folded:
        return "auto", None
    return "general", None


def _objectives_heading(
    para: Para, phase: dict[str, Any] | None, plan: ParsedPlan
) -> tuple[str, dict[str, Any] | None]:
    """What the paragraphs under a numbered heading are, and the phase their targets go in:
    "Giai đoạn 2021–2025" opens a phase, "Mục tiêu cụ thể" targets, "Yêu cầu" requirements."""
    folded = fold(para.text)
    years = YEAR_RANGE.search(para.text)
    if years or folded.startswith("giai doan"):
        return "targets", _phase(
            plan,
            para.text.rstrip(":. "),
            int(years.group("b")) if years else None,
            int(years.group("a")) if years else None,
        )
    if "cu the" in folded or "chi tieu" in folded:
        return "targets", None
    if "yeu cau" in folded and "muc dich" not in folded:
        return "requirements", phase
    return "general", phase


def _find_duplicate_objectives(plan: ParsedPlan) -> None:
    """Pairs of general objectives with the same words (G3: the seed repeats one)."""
    seen: dict[str, int] = {}
    for index, text in enumerate(plan.general_objectives):
        key = fold(strip_end(text))
        if key in seen:
            plan.duplicate_objectives.append([seen[key], index])
        else:
            seen[key] = index


def target_value(text: str) -> tuple[float | int | None, str | None]:
    """The number a target names: 100 for "100% ...", 1 for "ít nhất 01 hoạt động ... hằng năm"."""
    if match := PERCENT.search(text):
        return _number(match.group("v")), "%"
    if match := AT_LEAST.search(text):
        rest = match.group("rest")
        count = match.group("v").replace(".", "")  # "12.000": a thousands point
        noun = next(
            (n for n in MEASURE_NOUNS if fold(rest).startswith(fold(n))),
            " ".join(rest.split()[:2]),  # an unknown noun: Vietnamese nouns run to two syllables
        )
        unit = noun + ("/năm" if any(w in fold(text) for w in map(fold, YEARLY_WORDS)) else "")
        return _number(count), unit
    return None, None


def _number(text: str) -> float | int:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value
