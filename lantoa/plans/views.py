"""Plan pages: the plans, a plan, its tasks and periods, the board (issue 3); importing a plan
is in import_views."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lantoa.accounts.http import AuthedRequest
from lantoa.accounts.models import User
from lantoa.core.concurrency import StaleEdit, form_after_stale
from lantoa.core.dates import add_months, local_today, parse_month
from lantoa.core.files import evidence_response, private_file
from lantoa.dispatch.selectors import dispatches_of
from lantoa.org.models import Person, Unit
from lantoa.org.selectors import person_list_for, unit_get_for, unit_list_for
from lantoa.plans import permissions, selectors, services
from lantoa.plans.documents import plan_docx, plan_filename
from lantoa.plans.forms import (
    AssigneeForm,
    OccurrenceReportForm,
    OccurrenceReturnForm,
    PeriodFilterForm,
    PlanEditForm,
    PlanIssueForm,
    TaskFilterForm,
    TaskForm,
)
from lantoa.plans.models import Plan, Task
from lantoa.plans.selectors import PeriodFilters, TaskFilters

PAGE_SIZE = 50
Filters = TypeVar("Filters", bound=TaskFilterForm)


def plan_list(request: AuthedRequest) -> HttpResponse:
    plans = selectors.plan_list_for(request.user)
    can_import = selectors.import_issuer_for(request.user) is not None  # as the import page
    return render(request, "plans/plan_list.html", {"plans": plans, "can_import": can_import})


def plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for(request.user, pk)
    return render(request, "plans/plan_detail.html", _plan_context(request, plan))


def _plan_context(request: AuthedRequest, plan: Plan, **forms_: Any) -> dict[str, Any]:
    followed = plan.status == plan.Status.ISSUED
    if followed:
        tasks = selectors.task_list_for(request.user, TaskFilters(plan=plan))
    else:  # a draft (or a superseded plan) lists its tasks; nobody follows them up
        tasks = plan.tasks.filter(parent__isnull=True).select_related("lead_unit", "assignee")
    incomplete = selectors.plan_incomplete_tasks(plan)
    context = {
        "plan": plan,
        "legal_bases": plan.legal_bases.all(),
        "objectives": plan.objectives.all(),
        "phases": plan.phases.prefetch_related("targets"),
        "tasks": tasks,
        "followed": followed,
        "reads_whole_plan": request.user.scope.can_read(plan.issuer),
        "buckets": selectors.period_buckets_for(request.user, PeriodFilters(plan=plan))
        if followed
        else [],
        "incomplete": incomplete,
        "distributions": plan.distributions.select_related("unit"),
        "dispatches": dispatches_of(plan),
        "can_dispatch": plan.status == plan.Status.ISSUED
        and request.user.scope.can_write(plan.issuer),
        "can_edit_header": plan.status == plan.Status.DRAFT
        and permissions.can_edit_plan(request.user, plan),
        "children": [
            (
                row,
                row.plan is None and followed and request.user.scope.can_write(row.unit),
                row.plan is not None and request.user.scope.can_read(row.unit),
            )
            for row in selectors.child_plans_of(plan)
            # a unit that only carries out the plan sees its own row, not the other units'
            if request.user.scope.can_read(plan.issuer) or request.user.scope.can_read(row.unit)
        ],
        "can_issue": plan.status == plan.Status.DRAFT
        and permissions.can_issue_plan(request.user, plan),
        "can_override": permissions.can_issue_incomplete_plan(request.user, plan),
        "issue_form": PlanIssueForm(
            initial={
                "number": plan.number or services.next_plan_number(plan),
                "date": plan.date or local_today(),
            }
        ),
    }
    context.update(forms_)
    return context


def _task_filter_form(request: AuthedRequest, form_class: type[Filters]) -> Filters:
    return form_class(
        request.GET or None,
        units=unit_list_for(request.user),
        plans=selectors.plan_list_for(request.user).filter(status=Plan.Status.ISSUED),
        people=person_list_for(request.user).filter(tasks__isnull=False).distinct(),
    )


def task_list(request: AuthedRequest) -> HttpResponse:
    """The followed tasks, with the four counts of their periods under the same filters."""
    form = _task_filter_form(request, TaskFilterForm)
    filters = form.task_filters()
    tasks = selectors.task_list_for(request.user, filters)
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    buckets = selectors.period_buckets_for(request.user, filters.periods())
    return render(
        request,
        "plans/task_list.html",
        {
            "form": form,
            "page": page,
            "buckets": buckets,
            "period_total": sum(b.count for b in buckets),
            "querystring": _without_page(request),
        },
    )


def period_list(request: AuthedRequest) -> HttpResponse:
    """The periods (kỳ) of the followed tasks: where every bucket count leads, showing exactly
    the periods it counts (issue 10, item 1)."""
    form = _task_filter_form(request, PeriodFilterForm)
    filters = form.period_filters()
    rows = selectors.period_list_for(request.user, filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    buckets = selectors.period_buckets_for(request.user, filters)
    return render(
        request,
        "plans/period_list.html",
        {
            "form": form,
            "page": page,
            "buckets": buckets,
            "selected": filters.bucket,
            "period_total": sum(b.count for b in buckets),
            "at": filters.at,
            "querystring": _without_page(request),
        },
    )


def _without_page(request: AuthedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def task_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    task = selectors.task_get_for(request.user, pk)
    return render(request, "plans/task_detail.html", _task_context(request, task))


def _task_context(request: AuthedRequest, task: Task, **forms_: Any) -> dict[str, Any]:
    user = request.user
    today = local_today()
    periods = list(task.occurrences.annotate(bucket=selectors.bucket_case(today)))
    future = [o for o in periods if o.starts is not None and o.starts > today]
    context: dict[str, Any] = {
        "task": task,
        "current_periods": [o for o in periods if o.starts is None or o.starts <= today],
        # the periods not begun yet come on demand: a yearly task has dozens (issue 14, item 6)
        "future_count": len(future),
        "future_periods": future if request.GET.get("future") else [],
        "report_for": _int_param(request.GET.get("period")),
        "today": today,
        "missing": task.missing_06ro(),
        "handed_over_to": selectors.handed_over_to(task),
        "can_edit": permissions.can_edit_plan(user, task.plan),
        "can_report": permissions.can_report_task(user, task),
        "report_form": OccurrenceReportForm(initial={"completed_on": local_today()}),
        "return_form": OccurrenceReturnForm(),
    }
    if context["handed_over_to"] is not None:
        context["can_report"] = False  # reported on the unit's own copy
    if context["can_edit"]:
        context["task_form"] = TaskForm(
            instance=task, people=_people_for(user, task), units=_units_for(task)
        )
    elif context["can_report"]:
        context["task_form"] = AssigneeForm(instance=task, people=_people_for(user, task))
    context.update(forms_)
    return context


def _int_param(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _people_for(user: User, task: Task) -> QuerySet[Person]:
    """Whom the user may name: the lead unit's people (the coordinator: the whole ward)."""
    if permissions.can_edit_plan(user, task.plan):
        return person_list_for(user).filter(unit__path__startswith=task.plan.issuer.path)
    return person_list_for(user, unit=task.lead_unit) if task.lead_unit else Person.objects.none()


def _units_for(task: Task) -> QuerySet[Unit]:
    return Unit.objects.filter(path__startswith=task.plan.issuer.path).order_by("path")


@require_POST
def task_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    task = selectors.task_get_for(request.user, pk)
    form: TaskForm | AssigneeForm
    if permissions.can_edit_plan(request.user, task.plan):
        form = TaskForm(
            request.POST,
            instance=selectors.task_get_for(request.user, pk),
            people=_people_for(request.user, task),
            units=_units_for(task),
        )
    elif permissions.can_report_task(request.user, task):
        form = AssigneeForm(
            request.POST,
            instance=selectors.task_get_for(request.user, pk),
            people=_people_for(request.user, task),
        )
    else:
        raise PermissionDenied
    if form.is_valid():
        try:
            services.task_update(actor=request.user, task=task, **form.cleaned_data)
        except StaleEdit as exc:
            form_after_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect(task)
    return render(
        request, "plans/task_detail.html", _task_context(request, task, task_form=form), status=400
    )


@require_POST
def occurrence_report(request: AuthedRequest, pk: int) -> HttpResponse:
    occurrence = selectors.occurrence_get_for(request.user, pk)
    task = selectors.task_get_for(request.user, occurrence.task_id)
    if not permissions.can_report_task(request.user, task):
        raise PermissionDenied
    form = OccurrenceReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.occurrence_complete(
                actor=request.user, occurrence=occurrence, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Đã báo hoàn thành kỳ %(label)s.") % {"label": occurrence.label or "—"}
            )
            return redirect(task)
    context = _task_context(request, task, report_form=form, report_for=occurrence.pk)
    return render(request, "plans/task_detail.html", context, status=400)


@require_POST
def occurrence_return(request: AuthedRequest, pk: int) -> HttpResponse:
    occurrence = selectors.occurrence_get_for(request.user, pk)
    task = selectors.task_get_for(request.user, occurrence.task_id)
    if not permissions.can_edit_plan(request.user, task.plan):
        raise PermissionDenied
    form = OccurrenceReturnForm(request.POST)
    if form.is_valid():
        try:
            services.occurrence_return(
                actor=request.user, occurrence=occurrence, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã trả lại kết quả cho đơn vị."))
            return redirect(task)
    context = _task_context(request, task, return_form=form, return_for=occurrence.pk)
    return render(request, "plans/task_detail.html", context, status=400)


@require_POST
def plan_issue(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for(request.user, pk)
    if not permissions.can_issue_plan(request.user, plan):
        raise PermissionDenied
    form = PlanIssueForm(request.POST)
    if form.is_valid():
        try:
            services.plan_issue(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã ban hành kế hoạch."))
            return redirect(plan)
    plan.refresh_from_db()
    return render(
        request, "plans/plan_detail.html", _plan_context(request, plan, issue_form=form), status=400
    )


@require_http_methods(["GET", "POST"])
def plan_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """A draft's number, date, signer and recipients (O4.1: a unit issues its own plan)."""
    plan = selectors.plan_get_for(request.user, pk, write=True)
    if plan.status != Plan.Status.DRAFT:
        messages.error(request, str(services.PLAN_NOT_DRAFT))
        return redirect(plan)
    form = PlanEditForm(request.POST or None, instance=selectors.plan_get_for(request.user, pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(actor=request.user, plan=plan, **form.service_fields())
        except StaleEdit as exc:
            form_after_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu thông tin văn bản."))
            return redirect(plan)
    return render(request, "plans/plan_edit.html", {"plan": plan, "form": form})


def plan_export(request: AuthedRequest, pk: int) -> HttpResponse:
    """The plan as DOCX in the Nghị định 30 layout, with the annex of tasks (issue 3, item 7)."""
    plan = selectors.plan_get_for(request.user, pk)
    response = HttpResponse(
        plan_docx(plan),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{plan_filename(plan)}"'
    return private_file(response)


@require_POST
def plan_send(request: AuthedRequest, pk: int) -> HttpResponse:
    """Send an issued plan to its recipients (D1)."""
    plan = selectors.plan_get_for(request.user, pk, write=True)
    try:
        sent = services.plan_send(
            actor=request.user, plan=plan, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã gửi đến %(n)s nơi nhận.") % {"n": len(sent)})
    return redirect(plan)


@require_POST
def plan_derive(request: AuthedRequest, pk: int) -> HttpResponse:
    """A unit creates its own plan from this one (O4.1)."""
    plan = selectors.plan_get_for(request.user, pk)
    unit = unit_get_for(request.user, request.POST.get("unit"), write=True)
    try:
        child = services.child_plan_create(actor=request.user, parent=plan, unit=unit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(plan)
    messages.success(
        request,
        _("Đã lập kế hoạch của %(unit)s từ kế hoạch này; hãy điều chỉnh cho phù hợp.")
        % {"unit": unit.name},
    )
    return redirect(child)


BOARD_LIMIT = 60


def task_board(request: AuthedRequest) -> HttpResponse:
    """The periods begun so far in four columns, one per bucket (issue 3, item 5)."""
    columns = []
    for count in selectors.period_buckets_for(request.user, PeriodFilters()):
        rows = selectors.period_list_for(request.user, PeriodFilters(bucket=count.bucket))
        columns.append((count, list(rows[:BOARD_LIMIT])))
    return render(request, "plans/task_board.html", {"columns": columns, "limit": BOARD_LIMIT})


def task_timeline(request: AuthedRequest) -> HttpResponse:
    """One month of deadlines, day by day (issue 3, item 5)."""
    today = local_today()
    first = today.replace(day=1)
    if "month" in request.GET:
        try:
            first = dt.date(*parse_month(request.GET["month"]), 1)
        except ValueError:
            messages.error(
                request,
                _("Tháng «%(month)s» không đúng; ghi theo dạng năm-tháng, ví dụ 2026-09.")
                % {"month": request.GET["month"][:20]},
            )
    periods = selectors.periods_due_in_month(request.user, first.year, first.month)
    days: dict[dt.date | None, list[Any]] = {}
    for period in periods:
        days.setdefault(period.due, []).append(period)
    return render(
        request,
        "plans/task_timeline.html",
        {
            "first": first,
            "days": sorted(days.items()),
            "previous": add_months(first, -1),
            "next": add_months(first, 1),
            "today": today,
        },
    )


@require_POST
def task_comment(request: AuthedRequest, pk: int) -> HttpResponse:
    task = selectors.task_get_for(request.user, pk)
    try:
        services.task_comment_add(actor=request.user, task=task, text=request.POST.get("text", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(task)


def evidence_download(request: AuthedRequest, pk: int) -> FileResponse:
    """An evidence file, only for those who may read its task (never a public URL)."""
    return evidence_response(selectors.evidence_get_for(request.user, pk))
