"""Importing a plan: upload the document, review what was read, confirm (P1, P2, O1.1)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.accounts.http import AuthedRequest
from lantoa.plans import import_review as review
from lantoa.plans import selectors
from lantoa.plans.forms import PlanHeaderForm, PlanUploadForm, import_choices
from lantoa.plans.models import PlanImport
from lantoa.plans.plan_import import plan_import_confirm, plan_import_start, suggested_units


@require_http_methods(["GET", "POST"])
def plan_import(request: AuthedRequest) -> HttpResponse:
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    issuer = selectors.import_issuer_for(request.user)
    if request.method == "POST" and form.is_valid():
        if issuer is None:
            form.add_error(None, _("Tài khoản của bạn không được nhập kế hoạch."))
        else:
            try:
                record = plan_import_start(
                    actor=request.user, unit=issuer, uploaded=form.cleaned_data["file"]
                )
            except ValidationError as exc:
                form.add_error("file", exc.message_dict.get("file", exc.messages))
            else:
                return redirect(record)
    return render(
        request,
        "plans/plan_import.html",
        {
            "form": form,
            "issuer": issuer,
            "open": selectors.plan_imports_open_for(request.user)[:20],
        },
    )


@require_http_methods(["GET", "POST"])
def plan_import_review(request: AuthedRequest, pk: int) -> HttpResponse:
    """Review what was read: fix leads, partners and times (one by one or many at once), merge
    or split tasks, save a draft to come back to, then save the plan (issue 13, item 4)."""
    record = selectors.plan_import_get_for(request.user, pk)
    if record.plan is not None:
        return redirect(record.plan)
    parsed = record.parsed
    header = PlanHeaderForm(request.POST or None, initial=_header_initial(parsed))
    suggestions = suggested_units(record)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        choosable = [str(u.pk) for u in suggestions["units"]]
        try:
            review.apply_edits(record, request.POST, choosable)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(f"{record.get_absolute_url()}#tasks")
        if action != "save":
            return _review_step(request, record, action, choosable)
        if header.is_valid():
            try:
                plan = plan_import_confirm(
                    actor=request.user,
                    plan_import=record,
                    choices=import_choices(parsed, header),
                )
            except ValidationError as exc:
                header.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Đã lưu kế hoạch với %(n)s nhiệm vụ.") % {"n": plan.tasks.count()},
                )
                return redirect(plan)
    return render(
        request,
        "plans/plan_import_review.html",
        {
            "record": record,
            "parsed": parsed,
            "header": header,
            "suggestions": suggestions,
            "review": _review_rows(parsed, suggestions),
        },
    )


def _header_initial(parsed: dict[str, Any]) -> dict[str, Any]:
    """The header as read — the date too (issue 13, item 9: it was left blank)."""
    date = parsed.get("date")
    return {
        "number": parsed.get("number") or "",
        "title": parsed.get("title") or "",
        "date": dt.date.fromisoformat(date) if date else None,
    }


def _review_step(
    request: AuthedRequest, record: PlanImport, action: str, choosable: list[str]
) -> HttpResponse:
    """Save a draft, give many tasks one lead, merge or split: each keeps the draft and opens the
    review again where it was. `choosable`: the unit ids a lead may name."""
    keys = review.task_keys(record, request.POST)
    split = review.TASK_KEY.match(action[6:]) if action.startswith("split-") else None
    try:
        if action == "lead_many":
            n = review.lead_for_many(record, keys, request.POST.get("bulk-lead", ""), choosable)
            done = _("Đã giao đơn vị chủ trì cho %(n)s nhiệm vụ.") % {"n": n}
        elif action == "merge":
            review.merge(record, keys)
            done = _("Đã gộp %(n)s nhiệm vụ thành một.") % {"n": len(keys)}
        elif split is not None:
            n = review.split(record, (int(split.group("g")), int(split.group("t"))))
            done = _("Đã tách thành %(n)s nhiệm vụ.") % {"n": n}
        elif action == "draft":
            done = _("Đã lưu nháp. Mở lại từ trang «Nhập kế hoạch» để làm tiếp.")
        else:
            raise ValidationError(_("Không rõ thao tác; chưa ghi gì."))
        review.draft_save(actor=request.user, record=record, what=action)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(f"{record.get_absolute_url()}#tasks")


def _review_rows(parsed: dict[str, Any], suggestions: dict[str, Any]) -> dict[str, Any]:
    """Rows for the review template, each with its warnings and pre-selected units."""
    warnings_by_place: dict[str, list[str]] = {}
    for warning in parsed.get("warnings", []):
        warnings_by_place.setdefault(warning["where"], []).append(warning["message"])
    duplicates = {second for _first, second in parsed.get("duplicate_objectives", [])}
    return {
        "objectives": [
            {
                "index": i,
                "text": text,
                "duplicate": i in duplicates,
                "dropped": i in parsed.get("dropped_objectives", sorted(duplicates)),
                "warnings": warnings_by_place.get(f"general_objectives[{i}]", []),
            }
            for i, text in enumerate(parsed.get("general_objectives", []))
        ],
        "groups": _group_rows(parsed, suggestions, warnings_by_place),
        "responsibilities": _responsibility_rows(parsed, suggestions),
        "targets": [
            {
                "anchor": f"target-{p}-{t}",
                "phase": phase,
                "target": target,
                "warnings": warnings_by_place.get(f"phases[{p}].targets[{t}]", []),
            }
            for p, phase in enumerate(parsed.get("phases", []))
            for t, target in enumerate(phase["targets"])
        ],
        "header_warnings": [
            w["message"] for w in parsed.get("warnings", []) if w["where"] in ("number", "date")
        ],
        "warning_links": [
            {"message": w["message"], "anchor": _anchor(w["where"])}
            for w in parsed.get("warnings", [])
        ],
    }


def _anchor(where: str) -> str:
    """The row a warning is about: "task_groups[1].tasks[3]" → "task-1-3"."""
    numbers = "-".join(re.findall(r"\d+", where))
    if where.startswith("task_groups"):
        return f"task-{numbers}"
    if where.startswith("general_objectives"):
        return f"objective-{numbers}"
    if where.startswith("phases"):
        return f"target-{numbers}"
    return "header"


def _group_rows(
    parsed: dict[str, Any], suggestions: dict[str, Any], warnings: dict[str, list[str]]
) -> list[dict[str, Any]]:
    groups = []
    for g, group in enumerate(parsed.get("task_groups", [])):
        rows = []
        for t, task in enumerate(group["tasks"]):
            suggestion = suggestions["tasks"][(g, t)]
            unknown = suggestion["name"] and not suggestion["units"]
            chosen = task.get("lead_choice")
            rows.append(
                {
                    "key": f"{g}-{t}",
                    "lead_field": f"task-{g}-{t}-lead",
                    "time_field": f"task-{g}-{t}-time",
                    "partners_field": f"task-{g}-{t}-partners",
                    "task": task,
                    "splittable": "; " in task["text"],
                    "selected": [chosen]
                    if chosen
                    else [str(u.pk) for u in suggestion["units"][:1]],
                    "unknown_name": suggestion["name"] if unknown else "",
                    "warnings": warnings.get(f"task_groups[{g}].tasks[{t}]", []),
                }
            )
        groups.append({"group": group, "rows": rows})
    return groups


def _responsibility_rows(
    parsed: dict[str, Any], suggestions: dict[str, Any]
) -> list[dict[str, Any]]:
    rows = []
    for r, item in enumerate(parsed.get("responsibilities", [])):
        matched = suggestions["responsibilities"][r]["units"]
        chosen = item.get("unit_choices")
        rows.append(
            {
                "index": r,
                "field": f"resp-{r}-units",
                "item": item,
                "selected": chosen if chosen is not None else [str(u.pk) for u in matched],
                "unknown": not matched,
                "unknown_name": item["unit"] if not matched else "",
            }
        )
    return rows
