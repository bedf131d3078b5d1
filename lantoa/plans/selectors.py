"""Every read of plans and tasks, filtered by the user's scope (issue 3).

A plan is in scope through its issuer; a task through its plan's issuer or its lead unit, so a
school sees the ward's tasks it leads and nothing else of the ward's plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.urls import reverse

from lantoa.accounts.models import User
from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.scoping import ScopedUser, get_in_scope, scope_condition, scope_filter
from lantoa.core.text import fold
from lantoa.dispatch.services import Recipient
from lantoa.org.models import Unit
from lantoa.org.selectors import department_of, ward_root_of
from lantoa.plans.models import (
    Distribution,
    Evidence,
    Plan,
    PlanImport,
    Task,
    TaskComment,
    TaskOccurrence,
)

TASK_PATHS = ("plan__issuer__path", "lead_unit__path")
Bucket = TaskOccurrence.Bucket
DRAFT = Plan.Status.DRAFT


def task_scope(user: ScopedUser, prefix: str = "") -> Q:
    """Tasks the user reads: those of plans their units issued, and those their units lead in
    a plan that has been issued — a draft stays with the unit that writes it."""
    issuer = scope_condition(user.scope, f"{prefix}plan__issuer__path")
    lead = scope_condition(user.scope, f"{prefix}lead_unit__path")
    return issuer | (lead & ~Q(**{f"{prefix}plan__status": DRAFT}))


def _plans_in_scope(user: ScopedUser) -> QuerySet[Plan]:
    """Plans the user's units issued, and issued plans that give one of the user's units a task
    (a school reads the ward's plan it must carry out, and sees only its own tasks in it)."""
    issued = scope_filter(Plan.objects.all(), user.scope, "issuer__path").values("pk")
    leading = Task.objects.filter(task_scope(user)).values("plan_id")
    return Plan.objects.filter(Q(pk__in=issued) | Q(pk__in=leading))


def plan_list_for(user: ScopedUser) -> QuerySet[Plan]:
    return (
        _plans_in_scope(user)
        .select_related("issuer")
        .annotate(task_count=Count("tasks", filter=Q(tasks__parent__isnull=True)))
        .order_by("-date", "-pk")
    )


def plan_readable(user: ScopedUser, plan: Plan) -> bool:
    """Whether `plan_get_for` would let the user open the plan (to link it or not)."""
    return _plans_in_scope(user).filter(pk=plan.pk).exists()


def plan_get_for(user: ScopedUser, pk: int | str, *, write: bool = False) -> Plan:
    """404 when missing or out of scope; 403 when the user may read but not change it."""
    try:
        plan = _plans_in_scope(user).select_related("issuer", "parent").get(pk=pk)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write and not user.scope.can_write(plan.issuer):
        raise PermissionDenied
    return plan


def plan_in_force(issuer: Unit, on: dt.date) -> Plan | None:
    """The issuer's plan a report defaults to: the latest one issued by `on` whose years cover
    that day (docs/decisions.md, "Several plans")."""
    year = on.year
    return (
        Plan.objects.filter(issuer=issuer, status=Plan.Status.ISSUED, date__lte=on)
        .filter(Q(start_year__isnull=True) | Q(start_year__lte=year))
        .filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
        .order_by("-date", "-pk")
        .first()
    )


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


def plan_imports_open_for(user: ScopedUser) -> QuerySet[PlanImport]:
    """Imports read but not yet saved as a plan, to resume (issue 13, item 4)."""
    return scope_filter(
        PlanImport.objects.filter(status=PlanImport.Status.REVIEW).select_related("uploaded_by"),
        user.scope,
        "unit__path",
        write=True,
    ).order_by(F("draft_saved_at").desc(nulls_last=True), "-created_at")


def plan_import_get_for(user: ScopedUser, pk: int | str) -> PlanImport:
    return get_in_scope(
        PlanImport.objects.select_related("unit"), user.scope, "unit__path", pk, write=True
    )


# --- follow-up: task periods (kỳ) and the four buckets --------------------------------------
#
# One vocabulary (docs/decisions.md, "Counting tasks and periods"): a *task* (nhiệm vụ) is one
# assigned piece of work; a *period* (kỳ) is one round of it — a once-only task has one, a
# quarterly task one per quarter. The four buckets classify periods, never tasks, everywhere
# they are counted: home, task list, board, plan page, dashboard, reports and the evaluation.


def plan_family_ids(plan: Plan) -> tuple[int, ...]:
    """The plan and every plan derived from it, at any depth."""
    ids = [plan.pk]
    frontier = [plan.pk]
    while frontier:
        frontier = list(Plan.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return tuple(ids)


def handed_over(prefix: str = "") -> Exists:
    """A task copied into an issued plan of its lead unit: the unit follows it there."""
    return Exists(
        Task.objects.filter(parent_task=OuterRef(f"{prefix}pk"), plan__status=Plan.Status.ISSUED)
    )


def handed_over_to(task: Task) -> Task | None:
    """The copy of `task` in an issued plan of its lead unit, where the unit follows it."""
    return (
        Task.objects.filter(parent_task=task, plan__status=Plan.Status.ISSUED)
        .select_related("plan")
        .first()
    )


def followed_tasks(queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """The tasks that are followed up: top-level tasks of issued plans, except those handed
    over to a unit's own plan (their copy there is followed instead, so nothing counts twice).
    Subtasks ("+" lines) are parts of their task; draft and superseded plans are not followed."""
    tasks = Task.objects.all() if queryset is None else queryset
    return tasks.filter(parent__isnull=True, plan__status=Plan.Status.ISSUED).exclude(handed_over())


def followed_periods(queryset: QuerySet[TaskOccurrence] | None = None) -> QuerySet[TaskOccurrence]:
    """The periods of the followed tasks."""
    periods = TaskOccurrence.objects.all() if queryset is None else queryset
    return periods.filter(task__parent__isnull=True, task__plan__status=Plan.Status.ISSUED).exclude(
        handed_over("task__")
    )


def bucket_q(bucket: str, at: dt.date, prefix: str = "") -> Q:
    """The periods in `bucket` as they stood on `at`: done (by `at`) on or before the due date;
    done late; still open before the due date (or without one); open past the due date."""
    p = prefix
    done = Q(**{f"{p}status": TaskOccurrence.Status.DONE, f"{p}completed_on__lte": at})
    no_due = Q(**{f"{p}due__isnull": True})
    if bucket == Bucket.DONE_ON_TIME:
        return done & (no_due | Q(**{f"{p}completed_on__lte": F(f"{p}due")}))
    if bucket == Bucket.DONE_LATE:
        return done & Q(**{f"{p}completed_on__gt": F(f"{p}due")})
    if bucket == Bucket.OPEN_OVERDUE:
        return ~done & Q(**{f"{p}due__lt": at})
    return ~done & (no_due | Q(**{f"{p}due__gte": at}))


def bucket_case(at: dt.date) -> Case:
    """A period's bucket on `at`, in SQL (the same conditions as `bucket_q`)."""
    return Case(
        *(When(bucket_q(b.value, at), then=Value(b.value)) for b in Bucket),
        default=Value(Bucket.OPEN_IN_TIME),
    )


@dataclass(frozen=True)
class PeriodFilters:
    """Which periods a count or list covers. `at` is the day the buckets are read on (today by
    default); only periods begun by then count. `unit` is the responsible unit's subtree (the
    lead unit, or the plan's issuer for a task without one); `plan` takes its derived plans too."""

    unit: Unit | None = None
    plan: Plan | None = None
    assignee_id: int | None = None
    bucket: str = ""
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    at: dt.date | None = None
    query: str = ""

    def query_dict(self, **changes: object) -> dict[str, str]:
        """The filters as the period list's URL parameters (what links carry)."""
        values = {**self.__dict__, **changes}
        params = {
            "unit": values["unit"].pk if values["unit"] else "",
            "plan": values["plan"].pk if values["plan"] else "",
            "assignee": values["assignee_id"] or "",
            "bucket": values["bucket"],
            "due_from": format_vn_date(values["due_from"]),
            "due_to": format_vn_date(values["due_to"]),
            "at": format_vn_date(values["at"]),
            "q": values["query"],
        }
        return {k: str(v) for k, v in params.items() if v}

    def url(self, **changes: object) -> str:
        """The period list showing exactly these periods."""
        return f"{reverse('plans:period_list')}?{urlencode(self.query_dict(**changes))}"


def responsible_within(path: str, prefix: str = "task__") -> Q:
    """Tasks whose responsible unit (lead unit, else the plan's issuer) lies under `path`."""
    return Q(**{f"{prefix}lead_unit__path__startswith": path}) | Q(
        **{f"{prefix}lead_unit__isnull": True, f"{prefix}plan__issuer__path__startswith": path}
    )


def periods(
    filters: PeriodFilters, queryset: QuerySet[TaskOccurrence] | None = None
) -> QuerySet[TaskOccurrence]:
    """The followed periods begun by `filters.at` that match the filters, each annotated with
    its `bucket` on that day. The one selection behind every bucket count and period list."""
    at = filters.at or local_today()
    result = followed_periods(queryset).filter(Q(starts__isnull=True) | Q(starts__lte=at))
    if filters.unit is not None:
        result = result.filter(responsible_within(filters.unit.path))
    if filters.plan is not None:
        result = result.filter(task__plan_id__in=plan_family_ids(filters.plan))
    if filters.assignee_id:
        result = result.filter(task__assignee_id=filters.assignee_id)
    if filters.due_from:
        result = result.filter(due__gte=filters.due_from)
    if filters.due_to:
        result = result.filter(due__lte=filters.due_to)
    if filters.query.strip():
        result = result.filter(task__title__icontains=filters.query.strip())
    result = result.annotate(bucket=bucket_case(at))
    if filters.bucket:
        result = result.filter(bucket=filters.bucket)
    return result


def bucket_counts(selection: QuerySet[TaskOccurrence]) -> dict[str, int]:
    """How many periods of a `periods(...)` selection fall in each bucket (one query)."""
    rows = selection.values("bucket").annotate(n=Count("pk")).order_by()  # type: ignore[misc]
    counts = {b.value: 0 for b in Bucket}
    counts.update({r["bucket"]: r["n"] for r in rows})
    return counts


def period_list_for(user: ScopedUser, filters: PeriodFilters) -> QuerySet[TaskOccurrence]:
    """The periods the user may read that match the filters, in deadline order."""
    in_scope = TaskOccurrence.objects.filter(task_scope(user, "task__"))
    return (
        periods(filters, in_scope)
        .select_related("task__plan__issuer", "task__lead_unit", "task__assignee")
        .order_by(F("due").asc(nulls_last=True), "task__plan_id", "task__position", "pk")
    )


def period_buckets_for(user: ScopedUser, filters: PeriodFilters) -> list[BucketCount]:
    """The four bucket counts of the user's periods under the filters (whatever bucket the
    filters name), each with the link to the list of exactly those periods."""
    counts = bucket_counts(period_list_for(user, replace(filters, bucket="")).order_by())
    return [
        BucketCount(
            bucket.value, str(bucket.label), counts[bucket.value], filters.url(bucket=bucket.value)
        )
        for bucket in Bucket
    ]


@dataclass(frozen=True)
class BucketCount:
    bucket: str
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class TaskFilters:
    unit: Unit | None = None
    plan: Plan | None = None
    assignee_id: int | None = None
    query: str = ""

    def periods(self) -> PeriodFilters:
        """The same selection, for the periods of these tasks."""
        return PeriodFilters(
            unit=self.unit, plan=self.plan, assignee_id=self.assignee_id, query=self.query
        )


def task_list_for(user: ScopedUser, filters: TaskFilters | None = None) -> QuerySet[Task]:
    """The followed tasks the user may read, each with its next open deadline and how many of
    its periods begun by today stand in each bucket."""
    filters = filters or TaskFilters()
    today = local_today()
    begun = Q(occurrences__starts__isnull=True) | Q(occurrences__starts__lte=today)
    tasks = followed_tasks(Task.objects.filter(task_scope(user)))
    if filters.unit is not None:
        tasks = tasks.filter(responsible_within(filters.unit.path, prefix=""))
    if filters.plan is not None:
        tasks = tasks.filter(plan_id__in=plan_family_ids(filters.plan))
    if filters.assignee_id:
        tasks = tasks.filter(assignee_id=filters.assignee_id)
    if filters.query.strip():
        tasks = tasks.filter(title__icontains=filters.query.strip())
    return (
        tasks.select_related("plan", "lead_unit", "assignee", "group")
        .annotate(
            next_due=Min(
                "occurrences__due",
                filter=~Q(occurrences__status=TaskOccurrence.Status.DONE),
            ),
            **{
                f"n_{b.value}": Count(
                    "occurrences", filter=begun & bucket_q(b.value, today, "occurrences__")
                )
                for b in Bucket
            },
        )
        .order_by(F("next_due").asc(nulls_last=True), "plan_id", "position", "pk")
    )


def task_get_for(user: ScopedUser, pk: int | str, *, write: bool = False) -> Task:
    return get_in_scope(
        Task.objects.filter(task_scope(user))
        .select_related("plan", "lead_unit", "assignee", "group", "parent")
        .prefetch_related(
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


def occurrence_get_for(user: ScopedUser, pk: int | str) -> TaskOccurrence:
    return get_in_scope(
        TaskOccurrence.objects.filter(task_scope(user, "task__")).select_related(
            "task__plan__issuer", "task__lead_unit"
        ),
        user.scope,
        tuple(f"task__{p}" for p in TASK_PATHS),
        pk,
    )


def periods_due_in_month(user: ScopedUser, year: int, month: int) -> QuerySet[TaskOccurrence]:
    """The followed periods due in a month (begun or not), for the timeline."""
    in_scope = TaskOccurrence.objects.filter(task_scope(user, "task__"))
    return (
        followed_periods(in_scope)
        .filter(due__year=year, due__month=month)
        .select_related("task__lead_unit", "task__plan")
        .order_by("due", "task__position", "pk")
    )


def evidence_get_for(user: ScopedUser, pk: int | str) -> Evidence:
    return get_in_scope(
        Evidence.objects.filter(task_scope(user, "occurrence__task__")).select_related(
            "occurrence"
        ),
        user.scope,
        tuple(f"occurrence__task__{p}" for p in TASK_PATHS),
        pk,
    )


# "Nơi nhận" lines that name a group of the ward's units (folded words → unit kinds)
RECIPIENT_GROUPS = [
    (("truong hoc", "co so giao duc"), [Unit.Kind.SCHOOL]),
    (("to dan pho", "thon", "xom"), [Unit.Kind.RESIDENTIAL_GROUP]),
    (("to chuc chinh tri",), [Unit.Kind.MASS_ORGANISATION]),
    (
        ("phong, don vi", "phong, ban", "cac phong"),
        [
            Unit.Kind.CULTURE_SOCIETY_OFFICE,
            Unit.Kind.ECONOMY_OFFICE,
            Unit.Kind.OFFICE,
            Unit.Kind.SERVICE_CENTRE,
        ],
    ),
]


def plan_recipients(plan: Plan) -> list[Recipient]:
    """The plan's "Nơi nhận", each line resolved to the units it means (D1): a matched unit,
    the ward's schools, residential groups, organisations or offices for a group line, the Sở
    for "Sở GD&ĐT", the ward's leaders for "Lãnh đạo UBND"; "Lưu" is the file copy. A line
    naming nothing we know stays a name, to be given an address."""
    ward = ward_root_of(plan.issuer)
    recipients = []
    for line in plan.distributions.select_related("unit"):
        folded = fold(line.recipient)
        if folded.startswith("luu"):
            continue
        paper = line.mode == Distribution.Mode.PAPER
        units, leaders = _units_named(line, folded, ward)
        if not units:
            recipients.append(Recipient(name=line.recipient, paper=paper))
        recipients.extend(
            Recipient(
                name=line.recipient if leaders else unit.name,
                unit=unit,
                email=unit.email,
                paper=paper,
                leaders_only=leaders,
            )
            for unit in units
        )
    return recipients


def _units_named(line: Distribution, folded: str, ward: Unit) -> tuple[list[Unit], bool]:
    """The units one "Nơi nhận" line means, and whether it means only their leaders."""
    if line.unit is not None:
        return [line.unit], False
    if "lanh dao" in folded:
        return [ward], True
    if folded.startswith("so ") or " so gd" in f" {folded}":
        department = department_of(ward)
        return ([department] if department else []), False
    for words, kinds in RECIPIENT_GROUPS:
        if any(w in folded for w in words):
            group = Unit.objects.filter(path__startswith=ward.path, kind__in=kinds, is_active=True)
            return list(group.order_by("kind", "name_folded")), False
    return [], False


def import_issuer_for(user: User) -> Unit | None:
    """The ward (or the unit) in whose name the user imports a plan: the first they may write."""
    for role in user.roles:
        for unit in (ward_root_of(role.unit), role.unit):
            if user.scope.can_write(unit):
                return unit
    return None
