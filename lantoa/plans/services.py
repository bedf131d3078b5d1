"""Every write to plans and tasks (issue 3). Each checks scope and audits."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.core.audit import audit_record, diff, snapshot
from lantoa.core.concurrency import version_claim
from lantoa.core.dates import format_vn_date, local_today, month_end
from lantoa.core.files import check_evidence, evidence_fields
from lantoa.core.lifecycle import transition
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.core.text import fold, nfc
from lantoa.dispatch.models import Dispatch
from lantoa.dispatch.services import Document, document_send
from lantoa.org.models import Unit
from lantoa.org.selectors import signer_of
from lantoa.org.services import unit_create
from lantoa.plans.matching import match_units
from lantoa.plans.models import (
    Distribution,
    Evidence,
    LegalBasis,
    Objective,
    Phase,
    Plan,
    PlanImport,
    Target,
    Task,
    TaskComment,
    TaskGroup,
    TaskOccurrence,
)
from lantoa.plans.parsing import DocumentError, parse_document
from lantoa.plans.timing import read_timing

PLAN_FILE_TOO_BIG = _("Tệp lớn hơn 20 MB. Hãy tải lên bản Word (.docx) hoặc PDF nhỏ hơn.")
PLAN_IMPORT_DONE = _("Lần nhập này đã được lưu thành kế hoạch; hãy mở kế hoạch đó.")
MAX_PLAN_BYTES = 20 * 2**20
NEW_UNIT = "new"


@transaction.atomic
def plan_import_start(*, actor: ScopedUser, unit: Unit, uploaded: UploadedFile) -> PlanImport:
    """Read the uploaded plan; keep what was read for review. Nothing of the plan is saved yet."""
    require_write(actor, unit)
    if uploaded.size > MAX_PLAN_BYTES:
        raise ValidationError({"file": PLAN_FILE_TOO_BIG})
    content = uploaded.read()
    try:
        parsed = parse_document(content, uploaded.name)
    except DocumentError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    return PlanImport.objects.create(
        unit=unit,
        uploaded_by=actor,
        original_name=uploaded.name[:255],
        parsed=parsed.as_json(),
    )


@dataclass
class ImportChoices:
    """What the coordinator decided on the review page."""

    number: str = ""
    date: dt.date | None = None
    title: str = ""
    drop_objectives: set[int] = field(default_factory=set)
    # (group index, task index) → unit id, NEW_UNIT, or None
    task_leads: dict[tuple[int, int], str | None] = field(default_factory=dict)
    task_times: dict[tuple[int, int], str] = field(default_factory=dict)
    # responsibility index → unit ids (and NEW_UNIT)
    responsibility_units: dict[int, list[str]] = field(default_factory=dict)


def suggested_units(plan_import: PlanImport) -> dict[str, Any]:
    """The units the review page pre-selects: by task and by responsibility."""
    units = list(Unit.objects.filter(path__startswith=plan_import.unit.path))
    data = plan_import.parsed
    tasks = {}
    for g, group in enumerate(data.get("task_groups", [])):
        for t, task in enumerate(group["tasks"]):
            name = task.get("lead_unit") or ""
            matched = match_units(name, units) if name else []
            tasks[(g, t)] = {"name": name, "units": matched}
    responsibilities = {}
    for r, item in enumerate(data.get("responsibilities", [])):
        responsibilities[r] = {"name": item["unit"], "units": match_units(item["unit"], units)}
    return {"units": units, "tasks": tasks, "responsibilities": responsibilities}


@transaction.atomic
def plan_import_confirm(
    *, actor: ScopedUser, plan_import: PlanImport, choices: ImportChoices
) -> Plan:
    """Save the reviewed plan in one transaction: header, bases, objectives, targets, tasks
    (from the task groups and from "Tổ chức thực hiện", fanned out to the named units),
    recipients, and each task's occurrences."""
    issuer = plan_import.unit
    require_write(actor, issuer)
    if plan_import.status != PlanImport.Status.REVIEW:
        raise ValidationError(PLAN_IMPORT_DONE)
    data = plan_import.parsed
    phases_data = data.get("phases", [])
    years = [y for p in phases_data for y in (p.get("start_year"), p.get("end_year")) if y]
    plan = Plan(
        issuer=issuer,
        document_kind=data.get("document_kind") or "Kế hoạch",
        document_kind_code=data.get("document_kind_code") or "KH",
        number=choices.number or data.get("number") or "",
        date=choices.date or _iso(data.get("date")),
        place=data.get("place") or "",
        title=choices.title or data.get("title") or "",
        signer_authority=data["signer"].get("authority") or "",
        signer_title=data["signer"].get("title") or "",
        signer_name=data["signer"].get("name") or "",
        archive_note=(data.get("recipients") or {}).get("archive") or "",
        start_year=min(years) if years else None,
        end_year=max(years) if years else None,
        source_name=plan_import.original_name,
        budget_items=data.get("budget", []),
        responsibilities=data.get("responsibilities", []),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    plan.full_clean()
    plan.save()
    LegalBasis.objects.bulk_create(
        LegalBasis(
            plan=plan,
            position=i,
            kind=b["kind"],
            number=b["number"],
            date=_iso(b.get("date")),
            issuer=b.get("issuer") or "",
            title=b.get("title") or "",
        )
        for i, b in enumerate(data.get("legal_bases", []))
    )
    objectives = [
        Objective(plan=plan, position=i, kind=Objective.Kind.GENERAL, text=text)
        for i, text in enumerate(data.get("general_objectives", []))
        if i not in choices.drop_objectives
    ]
    objectives += [
        Objective(plan=plan, position=100 + i, kind=Objective.Kind.REQUIREMENT, text=text)
        for i, text in enumerate(data.get("requirements", []))
    ]
    Objective.objects.bulk_create(objectives)
    for p, phase_data in enumerate(phases_data):
        phase = Phase.objects.create(
            plan=plan,
            position=p,
            label=phase_data.get("label") or str(_("Mục tiêu cụ thể")),
            start_year=phase_data.get("start_year"),
            end_year=phase_data.get("end_year"),
        )
        Target.objects.bulk_create(
            Target(
                plan=plan,
                phase=phase,
                position=t,
                text=target["text"],
                value=Decimal(str(target["value"])) if target.get("value") is not None else None,
                unit_of_measure=target.get("unit") or "",
            )
            for t, target in enumerate(phase_data.get("targets", []))
        )
    scope_units = {str(u.pk): u for u in Unit.objects.filter(path__startswith=issuer.path)}
    created_units: dict[str, Unit] = {}

    def resolve(choice: str | None, name: str) -> Unit | None:
        if not choice:
            return None
        if choice == NEW_UNIT:
            key = fold(name)
            if key not in created_units:
                created_units[key] = unit_create(
                    actor=actor,
                    code=_new_code(issuer),
                    name=name,
                    kind=Unit.Kind.OFFICE,
                    parent=issuer,
                )
            return created_units[key]
        unit = scope_units.get(str(choice))
        if unit is None:
            raise PermissionDenied
        return unit

    position = 0
    for g, group_data in enumerate(data.get("task_groups", [])):
        group = TaskGroup.objects.create(
            plan=plan, position=g, number=group_data.get("number") or "", title=group_data["title"]
        )
        for t, task_data in enumerate(group_data["tasks"]):
            lead = resolve(choices.task_leads.get((g, t)), task_data.get("lead_unit") or "")
            time_text = choices.task_times.get((g, t), task_data.get("time") or "")
            task = _task(
                plan,
                group,
                position,
                task_data["text"],
                lead,
                time_text,
                task_data.get("product") or "",
                Task.Source.TASKS,
            )
            position += 1
            supports = [
                u
                for name in task_data.get("support_units", [])
                for u in match_units(name, scope_units.values())
            ]
            if supports:
                task.support_units.set(supports)
            for s, sub_text in enumerate(task_data.get("subtasks", [])):
                _task(
                    plan,
                    group,
                    position + s,
                    sub_text,
                    lead,
                    time_text,
                    "",
                    Task.Source.TASKS,
                    parent=task,
                )
            position += len(task_data.get("subtasks", []))

    for r, item in enumerate(data.get("responsibilities", [])):
        chosen = choices.responsibility_units.get(r, [])
        leads = [resolve(c, item["unit"]) for c in chosen] or [None]
        for duty in item["duties"]:
            for lead in leads:
                task = _task(plan, None, position, duty, lead, "", "", Task.Source.RESPONSIBILITY)
                if item.get("requested"):
                    task.requested = True
                    task.save(update_fields=["requested"])
                position += 1

    recipients = data.get("recipients") or {}
    distributions = []
    for mode in (Distribution.Mode.ELECTRONIC, Distribution.Mode.PAPER):
        for name in recipients.get(mode, []):
            matched = match_units(name, scope_units.values())
            distributions.append(
                Distribution(
                    plan=plan,
                    position=len(distributions),
                    recipient=name,
                    unit=matched[0] if len(matched) == 1 else None,
                    mode=mode,
                )
            )
    Distribution.objects.bulk_create(distributions)
    for task in plan.tasks.filter(parent__isnull=True):
        occurrences_create(task, plan)
    plan_import.status = PlanImport.Status.CONFIRMED
    plan_import.plan = plan
    plan_import.save(update_fields=["status", "plan"])
    audit_record(
        actor=actor,
        action="plan.imported",
        obj=plan,
        unit_path=issuer.path,
        changes={"source": [None, plan_import.original_name], "tasks": [None, plan.tasks.count()]},
    )
    return plan


def _task(
    plan: Plan,
    group: TaskGroup | None,
    position: int,
    text: str,
    lead: Unit | None,
    time_text: str,
    product: str,
    source: str,
    parent: Task | None = None,
) -> Task:
    timing = read_timing(time_text or text)
    return Task.objects.create(
        plan=plan,
        group=group,
        parent=parent,
        position=position,
        source=source,
        title=text[:500],
        description=text if len(text) > 500 else "",
        lead_unit=lead,
        start=timing.start,
        due=timing.due,
        recurrence=timing.recurrence,
        occasion=timing.occasion,
        time_text=time_text[:200],
        expected_result=product,
    )


def _iso(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _new_code(parent: Unit) -> str:
    n = Unit.objects.filter(code__startswith=f"{parent.code}-N").count() + 1
    while Unit.objects.filter(code=f"{parent.code}-N{n:02d}").exists():
        n += 1
    return f"{parent.code}-N{n:02d}"


def _years(plan: Plan) -> list[int]:
    first = plan.start_year or (plan.date.year if plan.date else local_today().year)
    last = plan.end_year or first
    return list(range(first, last + 1))


def periods_start(task: Task) -> dt.date:
    """The first day a task's periods cover: its own start date, else the day its plan takes
    effect (the plan's date; a draft without one, the day it was saved). No period lies
    before it (issue 10, item 10)."""
    plan = task.plan
    return task.start or plan.date or timezone.localdate(plan.created_at)


def _occurrences_reschedule(task: Task) -> None:
    """New periods after the task's timing changed; periods already reported are kept."""
    done = set(
        task.occurrences.filter(status=TaskOccurrence.Status.DONE).values_list("label", flat=True)
    )
    task.occurrences.exclude(status=TaskOccurrence.Status.DONE).delete()
    fresh = occurrences_create(task, task.plan, save=False)
    TaskOccurrence.objects.bulk_create(o for o in fresh if o.label not in done)


def occurrences_create(task: Task, plan: Plan, *, save: bool = True) -> list[TaskOccurrence]:
    """One occurrence per period of the task's recurrence within the plan's years, from
    `periods_start` on: a period that ended before it is not created, one running across it
    starts on it."""
    rows: list[TaskOccurrence] = []
    if task.recurrence in ("", Task.Recurrence.ONCE):
        rows.append(TaskOccurrence(task=task, label="", starts=task.start, due=task.due))
        return TaskOccurrence.objects.bulk_create(rows) if save else rows
    if task.recurrence in (Task.Recurrence.YEARLY, Task.Recurrence.CONTINUOUS):
        rows += [
            TaskOccurrence(task=task, label=str(y), starts=dt.date(y, 1, 1), due=dt.date(y, 12, 31))
            for y in _years(plan)
        ]
    elif task.recurrence == Task.Recurrence.OCCASIONS and task.occasion:
        day, month = (int(x) for x in task.occasion.split("/"))
        rows += [
            TaskOccurrence(
                task=task,
                label=f"{task.occasion}/{y}",
                starts=dt.date(y, 1, 1),
                due=dt.date(y, month, day),
            )
            for y in _years(plan)
        ]
    else:
        step = {"monthly": 1, "quarterly": 3, "half_yearly": 6}.get(task.recurrence, 12)
        for y in _years(plan):
            for month in range(step, 13, step):
                first = dt.date(y, month - step + 1, 1)
                last = month_end(y, month)
                rows.append(
                    TaskOccurrence(task=task, label=f"{month:02d}/{y}", starts=first, due=last)
                )
    start = periods_start(task)
    rows = [r for r in rows if r.due >= start]
    for row in rows:
        row.starts = max(row.starts, start)
    return TaskOccurrence.objects.bulk_create(rows) if save else rows


# What a period's result is: copied with it when a unit's plan takes a task over.
PERIOD_RESULT = ["status", "completed_on", "result_note", "evidence_url"]


def _periods_copy(source: Task, copy: Task) -> None:
    """A derived task takes over its parent's periods as they stand: the same rounds of the
    same duty, with what was already reported (the parent's evidence files stay with it)."""
    TaskOccurrence.objects.bulk_create(
        TaskOccurrence(
            task=copy,
            label=period.label,
            starts=period.starts,
            due=period.due,
            **{name: getattr(period, name) for name in PERIOD_RESULT},
        )
        for period in source.occurrences.order_by("due", "pk")
    )


def _periods_take_over(copy: Task) -> None:
    """When a unit issues its plan, its copy of a task takes over what was reported on the
    parent's periods since the copy was made."""
    mine = {p.label: p for p in copy.occurrences.exclude(status=TaskOccurrence.Status.DONE)}
    for period in copy.parent_task.occurrences.filter(status=TaskOccurrence.Status.DONE):
        open_copy = mine.get(period.label)
        if open_copy is not None:
            for name in PERIOD_RESULT:
                setattr(open_copy, name, getattr(period, name))
            open_copy.save(update_fields=PERIOD_RESULT)


TASK_FIELDS = [
    "title",
    "assignee",
    "lead_unit",
    "authority",
    "start",
    "due",
    "recurrence",
    "expected_result",
]
OCCURRENCE_DONE_IN_FUTURE = _("Ngày hoàn thành không được sau hôm nay.")
OCCURRENCE_HANDED_OVER = _(
    "Đơn vị đã đưa nhiệm vụ này vào %(plan)s; hãy báo kết quả ở nhiệm vụ trong kế hoạch đó."
)
OCCURRENCE_DONE_NEEDS_RESULT = _(
    "Cần ghi kết quả và đính kèm ít nhất một minh chứng (đường dẫn) trước khi báo hoàn thành."
)


TASK_ASSIGNEE_OUTSIDE = _("Người thực hiện phải thuộc đơn vị chủ trì hoặc đơn vị của bạn.")
PLAN_ISSUE_INCOMPLETE_06RO = _(
    "Còn %(n)s nhiệm vụ chưa đủ 06 rõ. Bổ sung cho đủ, hoặc lãnh đạo ban hành kèm lý do."
)
PLAN_ISSUE_NEEDS_NUMBER = _(
    "Cần ghi số, ký hiệu và ngày ban hành (ô «Số, ký hiệu» và «Ngày ban hành» ngay trên nút "
    "Ban hành)."
)
PLAN_NUMBER_FORMAT = _(
    "Số, ký hiệu ghi theo dạng %(example)s: số thứ tự, dấu «/», tên loại viết tắt, dấu «-» và "
    "ký hiệu của đơn vị."
)
PLAN_NUMBER_USED = _("Số %(number)s đã dùng cho một văn bản khác của đơn vị trong năm %(year)s.")
PLAN_SEND_NOT_ISSUED = _("Chỉ gửi được kế hoạch đã ban hành.")
PLAN_NOT_DRAFT = _("Kế hoạch đã ban hành; không sửa được số, ngày, người ký và nơi nhận nữa.")
PLAN_NUMBER_RE = re.compile(r"^\d{1,4}/[A-ZĐ]{1,6}-[A-ZĐ0-9&-]{1,20}$")
OCCURRENCE_RETURN_NEEDS_REASON = _("Cần ghi lý do trả lại để đơn vị biết phải bổ sung gì.")


@transaction.atomic
def task_update(
    *, actor: ScopedUser | None, task: Task, version: int | None = None, **fields: Any
) -> Task:
    """Fill in or correct a task's 06 rõ. The plan's issuer (the coordinator) changes any of
    them; the lead unit may only name its own person as assignee. `version` is the one the
    form was opened on: a change made meanwhile by someone else is never overwritten
    unknowingly (StaleEdit)."""
    from lantoa.plans.permissions import can_edit_plan, can_set_assignee

    if actor is not None and not can_edit_plan(actor, task.plan):
        if set(fields) != {"assignee"} or not can_set_assignee(actor, task):
            raise PermissionDenied
        person = fields["assignee"]
        if person is not None and not actor.scope.can_write(person.unit):
            raise ValidationError({"assignee": TASK_ASSIGNEE_OUTSIDE})
    version_claim(task, version, str(_("nhiệm vụ này")))
    before = snapshot(task, TASK_FIELDS)
    for name, value in fields.items():
        setattr(task, name, value)
    task.full_clean(exclude=["plan", "group", "parent", "parent_task"])
    changes = diff(before, snapshot(task, TASK_FIELDS))
    if changes:
        if version is None:
            task.version += 1
        task.save(update_fields=[*fields.keys(), "version"])
        if {"start", "due", "recurrence"} & changes.keys():
            _occurrences_reschedule(task)
        audit_record(
            actor=actor,
            action="task.changed",
            obj=task,
            unit_path=task.plan.issuer.path,
            changes=changes,
        )
    return task


@transaction.atomic
def occurrence_complete(
    *,
    actor: ScopedUser | None,
    occurrence: TaskOccurrence,
    completed_on: dt.date,
    result_note: str,
    evidence_url: str = "",
    evidence_files: list[UploadedFile] | None = None,
) -> TaskOccurrence:
    """Report a period of a task done: a result and at least one piece of evidence (issue 3).
    Once only: of several reports sent at the same moment, one is kept and the others are told
    the period is done already (a conditional UPDATE, safe on both databases)."""
    from lantoa.plans.permissions import can_report_task
    from lantoa.plans.selectors import handed_over_to

    task = occurrence.task
    unit = task.responsible_unit
    if actor is not None and not can_report_task(actor, task):
        raise PermissionDenied
    copy = handed_over_to(task)
    if copy is not None:
        raise ValidationError(OCCURRENCE_HANDED_OVER % {"plan": str(copy.plan)})
    evidence_files = evidence_files or []
    if not result_note.strip() or not (evidence_url.strip() or evidence_files):
        raise ValidationError(OCCURRENCE_DONE_NEEDS_RESULT)
    if completed_on > local_today():
        raise ValidationError({"completed_on": OCCURRENCE_DONE_IN_FUTURE})
    checked = [(upload, check_evidence(upload)) for upload in evidence_files]
    occurrence.completed_on = completed_on
    occurrence.result_note = result_note.strip()
    occurrence.evidence_url = evidence_url.strip()
    occurrence.full_clean(exclude=["task", "status"])
    transition(
        actor=actor,
        obj=occurrence,
        move="done",
        unit_path=unit.path,
        values={
            "completed_on": occurrence.completed_on,
            "result_note": occurrence.result_note,
            "evidence_url": occurrence.evidence_url,
        },
        changes={
            "completed_on": [None, format_vn_date(completed_on)],
            "result": [None, result_note],
        },
    )
    for upload, kind in checked:
        Evidence.objects.create(occurrence=occurrence, **evidence_fields(upload, kind, actor))
    return occurrence


@transaction.atomic
def occurrence_return(
    *, actor: ScopedUser | None, occurrence: TaskOccurrence, reason: str
) -> TaskOccurrence:
    """The coordinator sends a reported result back with a reason; the unit reports again."""
    from lantoa.plans.permissions import can_edit_plan

    task = occurrence.task
    if actor is not None and not can_edit_plan(actor, task.plan):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(OCCURRENCE_RETURN_NEEDS_REASON)
    transition(
        actor=actor,
        obj=occurrence,
        move="return",
        unit_path=task.responsible_unit.path,
        values={"completed_on": None},
        changes={"reason": [None, reason.strip()], "result": [occurrence.result_note, None]},
    )
    return occurrence


def next_plan_number(plan: Plan, year: int | None = None) -> str:
    """The number the issuer's next plan of the year would take: "03/KH-THA"."""
    year = year or (plan.date or local_today()).year
    used = [
        int(number.split("/")[0])
        for number in Plan.objects.filter(issuer=plan.issuer, date__year=year)
        .exclude(pk=plan.pk)
        .exclude(number="")
        .values_list("number", flat=True)
        if number.split("/")[0].isdigit()
    ]
    symbol = f"{plan.document_kind_code}-{plan.issuer.document_symbol}"
    return f"{max(used, default=0) + 1:02d}/{symbol}"


def _check_number(plan: Plan, number: str, date: dt.date) -> None:
    if not PLAN_NUMBER_RE.match(number):
        example = next_plan_number(plan, date.year)
        raise ValidationError({"number": PLAN_NUMBER_FORMAT % {"example": example}})
    clash = (
        Plan.objects.filter(issuer=plan.issuer, number=number, date__year=date.year)
        .exclude(pk=plan.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"number": PLAN_NUMBER_USED % {"number": number, "year": date.year}})


PLAN_HEADER_FIELDS = [
    "number",
    "date",
    "place",
    "title",
    "signer_authority",
    "signer_title",
    "signer_name",
    "archive_note",
]


@transaction.atomic
def plan_update(
    *,
    actor: ScopedUser | None,
    plan: Plan,
    version: int | None = None,
    electronic_recipients: list[str] | None = None,
    paper_recipients: list[str] | None = None,
    **fields: Any,
) -> Plan:
    """Correct a draft's document blocks — number, date, place, title, signer, recipients
    ("Nơi nhận") — before it is issued (O4.1: a school issues its own plan)."""
    from lantoa.plans.permissions import can_edit_plan

    if actor is not None and not can_edit_plan(actor, plan):
        raise PermissionDenied
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(PLAN_NOT_DRAFT)
    version_claim(plan, version, str(_("kế hoạch này")))
    before = snapshot(plan, PLAN_HEADER_FIELDS)
    for name, value in fields.items():
        if name not in PLAN_HEADER_FIELDS:
            raise ValueError(name)
        setattr(plan, name, nfc(value) if isinstance(value, str) else value)
    if plan.number:
        _check_number(plan, plan.number, plan.date or local_today())
    plan.full_clean(exclude=["issuer", "parent", "created_by"])
    plan.save(update_fields=[*fields.keys(), "version"])
    changes = diff(before, snapshot(plan, PLAN_HEADER_FIELDS))
    if electronic_recipients is not None or paper_recipients is not None:
        old = [d.recipient for d in plan.distributions.all()]
        _recipients_set(plan, electronic_recipients or [], paper_recipients or [])
        new = [d.recipient for d in plan.distributions.all()]
        if old != new:
            changes["distributions"] = [old, new]
    if changes:
        audit_record(
            actor=actor, action="plan.changed", obj=plan, unit_path=plan.issuer.path,
            changes=changes,
        )  # fmt: skip
    return plan


def _recipients_set(plan: Plan, electronic: list[str], paper: list[str]) -> None:
    """The plan's "Nơi nhận" lines, each matched to a unit of the issuer's ward when one fits."""
    from lantoa.org.selectors import ward_root_of

    units = list(Unit.objects.filter(path__startswith=ward_root_of(plan.issuer).path))
    plan.distributions.all().delete()
    rows = []
    for mode, names in (
        (Distribution.Mode.ELECTRONIC, electronic),
        (Distribution.Mode.PAPER, paper),
    ):
        for name in (nfc(n.strip(" -;.")) for n in names):
            if not name:
                continue
            matched = match_units(name, units)
            rows.append(
                Distribution(
                    plan=plan,
                    position=len(rows),
                    recipient=name[:255],
                    unit=matched[0] if len(matched) == 1 else None,
                    mode=mode,
                )
            )
    Distribution.objects.bulk_create(rows)


@transaction.atomic
@transaction.atomic
def plan_send(*, actor: ScopedUser, plan: Plan, base_url: str) -> list[Dispatch]:
    """Send an issued plan, as its DOCX, to every recipient not yet sent it (D1)."""
    from lantoa.plans.documents import plan_docx, plan_filename
    from lantoa.plans.selectors import plan_recipients

    require_write(actor, plan.issuer)
    if plan.status != Plan.Status.ISSUED:
        raise ValidationError(PLAN_SEND_NOT_ISSUED)
    document = Document(
        subject=plan,
        title=f"{plan.document_kind} {plan.number} {plan.title}".strip(),
        filename=plan_filename(plan),
        content=plan_docx(plan),
    )
    return document_send(
        actor=actor,
        document=document,
        sender=plan.issuer,
        recipients=plan_recipients(plan),
        base_url=base_url,
    )


def plan_issue(
    *,
    actor: ScopedUser | None,
    plan: Plan,
    override_reason: str = "",
    number: str = "",
    date: dt.date | None = None,
) -> Plan:
    """Issue a draft plan with its number and date (given here or on the plan). Every task must
    have its 06 rõ, unless a leader issues it with a written reason, which is kept on the plan
    (O1.1)."""
    from lantoa.plans.permissions import can_issue_incomplete_plan, can_issue_plan
    from lantoa.plans.selectors import plan_incomplete_tasks

    if actor is not None and not can_issue_plan(actor, plan):
        raise PermissionDenied
    if not Plan.LIFECYCLE.allows(plan.status, "issue"):
        raise ValidationError(Plan.LIFECYCLE["issue"].refusal)
    plan.number = number.strip() or plan.number
    plan.date = date or plan.date
    if not plan.number or plan.date is None:
        raise ValidationError(PLAN_ISSUE_NEEDS_NUMBER)
    _check_number(plan, plan.number, plan.date)
    incomplete = plan_incomplete_tasks(plan)
    if incomplete:
        allowed = actor is None or can_issue_incomplete_plan(actor, plan)
        if not (allowed and override_reason.strip()):
            raise ValidationError(str(PLAN_ISSUE_INCOMPLETE_06RO) % {"n": len(incomplete)})
        plan.issue_override_reason = override_reason.strip()
    transition(
        actor=actor,
        obj=plan,
        move="issue",
        unit_path=plan.issuer.path,
        values={
            "number": plan.number,
            "date": plan.date,
            "issue_override_reason": plan.issue_override_reason,
        },
        changes={
            "number": [None, plan.number],
            "date": [None, format_vn_date(plan.date)],
            "override_reason": [None, plan.issue_override_reason or None],
        },
    )
    # Periods now run from the plan's date; a unit's copies take over their parents' periods.
    for task in plan.tasks.filter(parent__isnull=True).select_related("plan", "parent_task"):
        if task.parent_task_id:
            _periods_take_over(task)
        else:
            _occurrences_reschedule(task)
    return plan


CHILD_PLAN_EXISTS = _("Đơn vị đã có kế hoạch lập từ kế hoạch này.")
CHILD_PLAN_PARENT_DRAFT = _(
    "Kế hoạch này chưa ban hành; đơn vị lập kế hoạch của mình khi kế hoạch cấp trên đã ban hành."
)
CHILD_PLAN_NO_TASKS = _("Kế hoạch này không giao nhiệm vụ nào cho đơn vị.")


@transaction.atomic
def child_plan_create(*, actor: ScopedUser | None, parent: Plan, unit: Unit) -> Plan:
    """A unit's own plan from the ward's (O4.1): the parent plan becomes its legal basis and
    the tasks meant for the unit are copied to adapt, each linked to its parent task."""
    require_write(actor, unit)
    if parent.status != Plan.Status.ISSUED:
        raise ValidationError(CHILD_PLAN_PARENT_DRAFT)
    if parent.children.filter(issuer=unit).exists():
        raise ValidationError(CHILD_PLAN_EXISTS)
    tasks = list(
        parent.tasks.filter(lead_unit=unit, parent__isnull=True).order_by("position", "pk")
    )
    if not tasks:
        raise ValidationError(CHILD_PLAN_NO_TASKS)
    title, name = signer_of(unit)
    child = Plan.objects.create(
        issuer=unit,
        parent=parent,
        document_kind=parent.document_kind,
        document_kind_code=parent.document_kind_code,
        title=f"{parent.title} tại {unit.name}",
        place=parent.place,
        start_year=parent.start_year,
        end_year=parent.end_year,
        signer_title=title,
        signer_name=name,
        archive_note="Lưu: VT.",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _recipients_set(child, [parent.issuer.short_name or parent.issuer.name], [])
    bases = [
        LegalBasis(
            plan=child,
            position=i,
            kind=b.kind,
            number=b.number,
            date=b.date,
            issuer=b.issuer,
            title=b.title,
        )
        for i, b in enumerate(parent.legal_bases.all())
    ]
    bases.append(
        LegalBasis(
            plan=child,
            position=len(bases),
            kind=parent.document_kind,
            number=parent.number,
            date=parent.date,
            issuer=parent.issuer.name,
            title=parent.title,
        )
    )
    LegalBasis.objects.bulk_create(bases)
    for position, task in enumerate(tasks):
        copy = Task.objects.create(
            plan=child,
            parent_task=task,
            position=position,
            source=Task.Source.MANUAL,
            title=task.title,
            description=task.description,
            assignee=task.assignee,
            lead_unit=unit,
            authority=task.authority,
            start=task.start,
            due=task.due,
            recurrence=task.recurrence,
            occasion=task.occasion,
            time_text=task.time_text,
            expected_result=task.expected_result,
        )
        _periods_copy(task, copy)
    audit_record(
        actor=actor,
        action="plan.derived",
        obj=child,
        unit_path=unit.path,
        changes={"parent": [None, str(parent)], "tasks": [None, len(tasks)]},
    )
    return child


@transaction.atomic
def task_comment_add(*, actor: ScopedUser, task: Task, text: str) -> TaskComment:
    """An update on a task, by anyone who may report it or edit the plan."""
    from lantoa.plans.permissions import can_report_task

    if not can_report_task(actor, task):
        raise PermissionDenied
    if not text.strip():
        raise ValidationError(_("Nội dung trao đổi không được để trống."))
    comment = TaskComment.objects.create(task=task, author=actor, text=text.strip())
    audit_record(
        actor=actor,
        action="task.commented",
        obj=task,
        unit_path=task.responsible_unit.path,
        changes={"comment": [None, comment.text[:200]]},
    )
    return comment
