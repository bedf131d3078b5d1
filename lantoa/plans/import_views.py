"""Importing a plan: upload the document, review what was read, confirm (P1, P2, O1.1)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.accounts.http import AuthedRequest
from lantoa.plans import selectors
from lantoa.plans.forms import PlanHeaderForm, PlanUploadForm, import_choices
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
    return render(request, "plans/plan_import.html", {"form": form, "issuer": issuer})


@require_http_methods(["GET", "POST"])
def plan_import_review(request: AuthedRequest, pk: int) -> HttpResponse:
    record = selectors.plan_import_get_for(request.user, pk)
    if record.plan is not None:
        return redirect(record.plan)
    parsed = record.parsed
    header = PlanHeaderForm(
        request.POST or None,
        initial={"number": parsed.get("number") or "", "title": parsed.get("title") or ""},
    )
    if request.method == "POST" and header.is_valid():
        try:
            plan = plan_import_confirm(
                actor=request.user,
                plan_import=record,
                choices=import_choices(request.POST, parsed, header),
            )
        except ValidationError as exc:
            header.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Đã lưu kế hoạch với %(n)s nhiệm vụ.") % {"n": plan.tasks.count()},
            )
            return redirect(plan)
    suggestions = suggested_units(record)
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
                "warnings": warnings_by_place.get(f"general_objectives[{i}]", []),
            }
            for i, text in enumerate(parsed.get("general_objectives", []))
        ],
        "groups": _group_rows(parsed, suggestions, warnings_by_place),
        "responsibilities": _responsibility_rows(parsed, suggestions),
        "targets": [
            {
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
    }


def _group_rows(
    parsed: dict[str, Any], suggestions: dict[str, Any], warnings: dict[str, list[str]]
) -> list[dict[str, Any]]:
    groups = []
    for g, group in enumerate(parsed.get("task_groups", [])):
        rows = []
        for t, task in enumerate(group["tasks"]):
            suggestion = suggestions["tasks"][(g, t)]
            unknown = suggestion["name"] and not suggestion["units"]
            rows.append(
                {
                    "lead_field": f"task-{g}-{t}-lead",
                    "time_field": f"task-{g}-{t}-time",
                    "task": task,
                    "selected": [str(u.pk) for u in suggestion["units"][:1]],
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
        rows.append(
            {
                "field": f"resp-{r}-units",
                "item": item,
                "selected": [str(u.pk) for u in matched],
                "unknown": not matched,
                "unknown_name": item["unit"] if not matched else "",
            }
        )
    return rows
