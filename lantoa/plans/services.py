"""Every write to plans and tasks (issue 3). Each checks scope and audits."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import User
from lantoa.core.audit import audit_record, diff, snapshot
from lantoa.core.concurrency import version_claim
from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.files import check_evidence, evidence_fields
from lantoa.core.lifecycle import transition
from lantoa.core.scoping import require_write
from lantoa.core.text import nfc
from lantoa.dispatch.models import Dispatch
from lantoa.dispatch.services import Document, document_send
from lantoa.org.models import Unit
from lantoa.org.selectors import signer_of, ward_root_of
from lantoa.plans.documents import plan_docx, plan_filename
from lantoa.plans.matching import match_units
from lantoa.plans.models import (
    Distribution,
    Evidence,
    LegalBasis,
    Plan,
    Task,
    TaskComment,
    TaskOccurrence,
)
from lantoa.plans.permissions import (
    can_edit_plan,
    can_issue_incomplete_plan,
    can_issue_plan,
    can_report_task,
    can_set_assignee,
)
from lantoa.plans.scheduling import occurrences_reschedule, periods_copy, periods_take_over
from lantoa.plans.selectors import handed_over_to, plan_incomplete_tasks, plan_recipients

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
    *, actor: User | None, task: Task, version: int | None = None, **fields: Any
) -> Task:
    """Fill in or correct a task's 06 rõ. The plan's issuer (the coordinator) changes any of
    them; the lead unit may only name its own person as assignee. `version` is the one the
    form was opened on: a change made meanwhile by someone else is never overwritten
    unknowingly (StaleEdit)."""
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
            occurrences_reschedule(task)
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
    actor: User | None,
    occurrence: TaskOccurrence,
    completed_on: dt.date,
    result_note: str,
    evidence_url: str = "",
    evidence_files: list[UploadedFile] | None = None,
) -> TaskOccurrence:
    """Report a period of a task done: a result and at least one piece of evidence (issue 3).
    Once only: of several reports sent at the same moment, one is kept and the others are told
    the period is done already (a conditional UPDATE, safe on both databases)."""
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
    checked = [check_evidence(upload) for upload in evidence_files]
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
    for file in checked:
        Evidence.objects.create(occurrence=occurrence, **evidence_fields(file, actor))
    return occurrence


@transaction.atomic
def occurrence_return(
    *, actor: User | None, occurrence: TaskOccurrence, reason: str
) -> TaskOccurrence:
    """The coordinator sends a reported result back with a reason; the unit reports again."""
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
    actor: User | None,
    plan: Plan,
    version: int | None = None,
    electronic_recipients: list[str] | None = None,
    paper_recipients: list[str] | None = None,
    **fields: Any,
) -> Plan:
    """Correct a draft's document blocks — number, date, place, title, signer, recipients
    ("Nơi nhận") — before it is issued (O4.1: a school issues its own plan)."""
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
    units = list(Unit.objects.filter(path__startswith=ward_root_of(plan.issuer).path))
    plan.distributions.all().delete()
    rows: list[Distribution] = []
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
def plan_send(*, actor: User, plan: Plan, base_url: str) -> list[Dispatch]:
    """Send an issued plan, as its DOCX, to every recipient not yet sent it (D1)."""
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
    actor: User | None,
    plan: Plan,
    override_reason: str = "",
    number: str = "",
    date: dt.date | None = None,
) -> Plan:
    """Issue a draft plan with its number and date (given here or on the plan). Every task must
    have its 06 rõ, unless a leader issues it with a written reason, which is kept on the plan
    (O1.1)."""
    if actor is not None and not can_issue_plan(actor, plan):
        raise PermissionDenied
    if not Plan.LIFECYCLE.allows(plan.status, "issue"):
        raise ValidationError(str(Plan.LIFECYCLE["issue"].refusal))
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
            periods_take_over(task)
        else:
            occurrences_reschedule(task)
    return plan


CHILD_PLAN_EXISTS = _("Đơn vị đã có kế hoạch lập từ kế hoạch này.")
CHILD_PLAN_PARENT_DRAFT = _(
    "Kế hoạch này chưa ban hành; đơn vị lập kế hoạch của mình khi kế hoạch cấp trên đã ban hành."
)
CHILD_PLAN_NO_TASKS = _("Kế hoạch này không giao nhiệm vụ nào cho đơn vị.")


@transaction.atomic
def child_plan_create(*, actor: User | None, parent: Plan, unit: Unit) -> Plan:
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
    _bases_inherit(child, parent)
    for position, task in enumerate(tasks):
        periods_copy(task, _task_adopt(child, task, position))
    audit_record(
        actor=actor,
        action="plan.derived",
        obj=child,
        unit_path=unit.path,
        changes={"parent": [None, str(parent)], "tasks": [None, len(tasks)]},
    )
    return child


def _bases_inherit(child: Plan, parent: Plan) -> None:
    """A unit's plan rests on its parent's legal bases and on the parent plan itself."""
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


def _task_adopt(child: Plan, task: Task, position: int) -> Task:
    """The unit's copy of a task of the parent plan, linked to it, for the unit to adapt."""
    return Task.objects.create(
        plan=child,
        parent_task=task,
        position=position,
        source=Task.Source.MANUAL,
        title=task.title,
        description=task.description,
        assignee=task.assignee,
        lead_unit=child.issuer,
        authority=task.authority,
        start=task.start,
        due=task.due,
        recurrence=task.recurrence,
        occasion=task.occasion,
        time_text=task.time_text,
        expected_result=task.expected_result,
    )


@transaction.atomic
def task_comment_add(*, actor: User, task: Task, text: str) -> TaskComment:
    """An update on a task, by anyone who may report it or edit the plan."""
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
