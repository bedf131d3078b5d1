"""The warnings a reviewer sees before saving an imported plan (P2, G3, O1.1): repeated
objectives, targets without a number, tasks missing their "06 rõ" fields, no number or date.
Their order is the order of this module: objectives, targets, tasks, then the header."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lantoa.plans.parsing.parsed import ParsedPlan


def check(plan: ParsedPlan) -> None:
    """Add every warning to `plan.warnings`, in the order the review page shows them."""
    _check_duplicate_objectives(plan)
    _check_targets(plan)
    check_tasks(plan)
    _check_header(plan)


def _check_duplicate_objectives(plan: ParsedPlan) -> None:
    for first, second in plan.duplicate_objectives:
        plan.warn(
            "duplicate_objective",
            _("Mục tiêu thứ %(b)s lặp lại nguyên văn mục tiêu thứ %(a)s.")
            % {"a": first + 1, "b": second + 1},
            f"general_objectives[{second}]",
        )


def _check_targets(plan: ParsedPlan) -> None:
    for p, phase in enumerate(plan.phases):
        for t, target in enumerate(phase["targets"]):
            if target["value"] is None:
                plan.warn(
                    "target_without_number",
                    _("Chỉ tiêu «%(text)s» không nêu con số; cần chọn cách đo.")
                    % {"text": _short(target["text"])},
                    f"phases[{p}].targets[{t}]",
                )


def check_tasks(plan: ParsedPlan) -> None:
    """A warning for each task without a lead or a deadline (a lead chosen on the review page
    counts), pointing at its row."""
    for g, group in enumerate(plan.task_groups):
        for t, task in enumerate(group["tasks"]):
            missing = []
            if not (task.get("lead_unit") or task.get("lead_choice")):
                missing.append(_("đơn vị chủ trì"))
            if not task.get("time"):
                missing.append(_("thời hạn"))
            if missing:
                plan.warn(
                    "task_incomplete",
                    _("Nhiệm vụ «%(text)s» chưa có: %(missing)s.")
                    % {"text": _short(task["text"]), "missing": ", ".join(missing)},
                    f"task_groups[{g}].tasks[{t}]",
                )


def _check_header(plan: ParsedPlan) -> None:
    if plan.number is None:
        plan.warn("no_number", _("Văn bản chưa có số, ký hiệu (Số: .../KH-...)."), "number")
    if plan.date is None:
        plan.warn("no_date", _("Văn bản chưa có ngày ban hành."), "date")


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
