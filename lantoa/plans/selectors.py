"""Every read of plans and tasks, filtered by the user's scope (issue 3).

A plan is in scope through its issuer; a task through its plan's issuer or its lead unit, so a
school sees the ward's tasks it leads and nothing else of the ward's plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, Min, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from lantoa.core.dates import local_today
from lantoa.core.scoping import ScopedUser, get_in_scope, scope_filter
from lantoa.org.models import Unit
from lantoa.plans.models import Evidence, Plan, PlanImport, Task, TaskComment, TaskOccurrence

TASK_PATHS = ("plan__issuer__path", "lead_unit__path")
Bucket = TaskOccurrence.Bucket


def _plans_in_scope(user: ScopedUser) -> QuerySet[Plan]:
    """Plans the user's units issued, and plans that give one of the user's units a task (a
    school reads the ward's plan it must carry out, and sees only its own tasks in it)."""
    issued = scope_filter(Plan.objects.all(), user.scope, "issuer__path").values("pk")
    leading = scope_filter(Task.objects.all(), user.scope, "lead_unit__path").values("plan_id")
    return Plan.objects.filter(Q(pk__in=issued) | Q(pk__in=leading))


def plan_list_for(user: ScopedUser) -> QuerySet[Plan]:
    return (
        _plans_in_scope(user)
        .select_related("issuer")
        .annotate(task_count=Count("tasks", filter=Q(tasks__parent__isnull=True)))
        .order_by("-date", "-pk")
    )


def plan_get_for(user: ScopedUser, pk: object, *, write: bool = False) -> Plan:
    """404 when missing or out of scope; 403 when the user may read but not change it."""
    try:
        plan = _plans_in_scope(user).select_related("issuer", "parent").get(pk=pk)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write and not user.scope.can_write(plan.issuer):
        raise PermissionDenied
    return plan


@dataclass(frozen=True)
class ChildPlanRow:
    unit: Unit
    plan: Plan | None


def child_plans_of(plan: Plan) -> list[ChildPlanRow]:
    """Each unit the plan gives tasks to, with the plan it issued from this one (O1.3, O4.1)."""
    units = (
        Unit.objects.filter(led_tasks__plan=plan)
        .exclude(pk=plan.issuer_id)
        .distinct()
        .order_by("kind", "name_folded")
    )
    children = {c.issuer_id: c for c in plan.children.all()}
    return [ChildPlanRow(unit, children.get(unit.pk)) for unit in units]


def plan_import_get_for(user: ScopedUser, pk: object) -> PlanImport:
    return get_in_scope(
        PlanImport.objects.select_related("unit"), user.scope, "unit__path", pk, write=True
    )


def current_occurrences(today: dt.date | None = None, prefix: str = "") -> Q:
    """Occurrences whose period has begun: future years do not count yet."""
    today = today or local_today()
    return Q(**{f"{prefix}starts__isnull": True}) | Q(**{f"{prefix}starts__lte": today})


def bucket_case(today: dt.date, prefix: str = "") -> Case:
    """The follow-up bucket of an occurrence, in SQL."""
    p = prefix
    return Case(
        When(
            Q(**{f"{p}status": "done"})
            & (Q(**{f"{p}due__isnull": True}) | Q(**{f"{p}completed_on__lte": F(f"{p}due")})),
            then=Value(Bucket.DONE_ON_TIME),
        ),
        When(Q(**{f"{p}status": "done"}), then=Value(Bucket.DONE_LATE)),
        When(Q(**{f"{p}due__lt": today}), then=Value(Bucket.OPEN_OVERDUE)),
        default=Value(Bucket.OPEN_IN_TIME),
    )


def occurrence_buckets(
    occurrences: QuerySet[TaskOccurrence], today: dt.date | None = None
) -> dict[str, int]:
    """How many current occurrences fall in each of the four buckets (one query)."""
    today = today or local_today()
    rows = (
        occurrences.filter(current_occurrences(today))
        .annotate(bucket=bucket_case(today))
        .values("bucket")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {b.value: 0 for b in Bucket}
    counts.update({r["bucket"]: r["n"] for r in rows})
    return counts


def occurrence_list_for(user: ScopedUser) -> QuerySet[TaskOccurrence]:
    return scope_filter(
        TaskOccurrence.objects.all(), user.scope, tuple(f"task__{p}" for p in TASK_PATHS)
    )


@dataclass(frozen=True)
class TaskFilters:
    unit: Unit | None = None
    plan: Plan | None = None
    assignee_id: int | None = None
    bucket: str = ""
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    query: str = ""


def task_list_for(user: ScopedUser, filters: TaskFilters | None = None) -> QuerySet[Task]:
    """Top-level tasks the user may read, each with its next deadline and its bucket."""
    filters = filters or TaskFilters()
    today = local_today()
    current = current_occurrences(today, "occurrences__")
    tasks = (
        scope_filter(Task.objects.all(), user.scope, TASK_PATHS)
        .filter(parent__isnull=True)
        .select_related("plan", "lead_unit", "assignee", "group")
        .annotate(
            next_due=Min("occurrences__due", filter=current & ~Q(occurrences__status="done")),
            open_overdue=Count(
                "occurrences",
                filter=current & ~Q(occurrences__status="done") & Q(occurrences__due__lt=today),
            ),
            open_now=Count("occurrences", filter=current & ~Q(occurrences__status="done")),
            done_late=Count(
                "occurrences",
                filter=Q(occurrences__status="done")
                & Q(occurrences__completed_on__gt=F("occurrences__due")),
            ),
        )
        .annotate(
            bucket=Case(
                When(open_overdue__gt=0, then=Value(Bucket.OPEN_OVERDUE)),
                When(open_now__gt=0, then=Value(Bucket.OPEN_IN_TIME)),
                When(done_late__gt=0, then=Value(Bucket.DONE_LATE)),
                default=Value(Bucket.DONE_ON_TIME),
            ),
            has_current=Count("occurrences", filter=current),
            sort_due=Case(
                When(next_due__isnull=True, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("sort_due", "next_due", "plan_id", "position", "pk")
    )
    if filters.unit is not None:
        tasks = tasks.filter(lead_unit__path__startswith=filters.unit.path)
    if filters.plan is not None:
        tasks = tasks.filter(plan=filters.plan)
    if filters.assignee_id:
        tasks = tasks.filter(assignee_id=filters.assignee_id)
    if filters.bucket:
        tasks = tasks.filter(bucket=filters.bucket)
    if filters.due_from:
        tasks = tasks.filter(next_due__gte=filters.due_from)
    if filters.due_to:
        tasks = tasks.filter(next_due__lte=filters.due_to)
    if filters.query.strip():
        tasks = tasks.filter(title__icontains=filters.query.strip())
    return tasks


def task_get_for(user: ScopedUser, pk: object, *, write: bool = False) -> Task:
    return get_in_scope(
        Task.objects.select_related(
            "plan", "lead_unit", "assignee", "group", "parent"
        ).prefetch_related(
            "support_units",
            Prefetch(
                "occurrences",
                queryset=TaskOccurrence.objects.order_by("due").prefetch_related("evidence"),
            ),
            Prefetch("comments", queryset=TaskComment.objects.select_related("author")),
        ),
        user.scope,
        TASK_PATHS,
        pk,
        write=write,
    )


def plan_incomplete_tasks(plan: Plan) -> list[Task]:
    """Tasks of the plan that lack one of the 06 rõ (O1.1)."""
    tasks = plan.tasks.filter(parent__isnull=True).select_related("lead_unit", "assignee")
    return [t for t in tasks if t.missing_06ro()]


def occurrence_get_for(user: ScopedUser, pk: object) -> TaskOccurrence:
    return get_in_scope(
        TaskOccurrence.objects.select_related("task__plan__issuer", "task__lead_unit"),
        user.scope,
        tuple(f"task__{p}" for p in TASK_PATHS),
        pk,
    )


def occurrences_in_month(user: ScopedUser, year: int, month: int) -> QuerySet[TaskOccurrence]:
    """Periods due in a month, for the timeline; each with its task and lead unit."""
    return (
        occurrence_list_for(user)
        .filter(due__year=year, due__month=month, task__parent__isnull=True)
        .select_related("task__lead_unit", "task__plan")
        .order_by("due", "task__position", "pk")
    )


def evidence_get_for(user: ScopedUser, pk: object) -> Evidence:
    return get_in_scope(
        Evidence.objects.select_related("occurrence"),
        user.scope,
        tuple(f"occurrence__task__{p}" for p in TASK_PATHS),
        pk,
    )
