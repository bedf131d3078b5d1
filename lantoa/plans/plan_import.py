"""Importing a plan document (P1, P2, O1.1): read the upload into a PlanImport for review,
then save what the coordinator confirmed as a draft plan in one transaction — everything or
nothing (issue 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import User
from lantoa.core.audit import audit_record
from lantoa.core.scoping import require_write
from lantoa.core.text import fold
from lantoa.org.models import Unit
from lantoa.org.services import unit_create
from lantoa.plans.matching import match_units
from lantoa.plans.models import (
    Distribution,
    LegalBasis,
    Objective,
    Phase,
    Plan,
    PlanImport,
    Target,
    Task,
    TaskGroup,
)
from lantoa.plans.parsing import DocumentError, parse_document
from lantoa.plans.scheduling import occurrences_create
from lantoa.plans.timing import read_timing

PLAN_FILE_TOO_BIG = _("Tệp lớn hơn 20 MB. Hãy tải lên bản Word (.docx) hoặc PDF nhỏ hơn.")
PLAN_IMPORT_DONE = _("Lần nhập này đã được lưu thành kế hoạch; hãy mở kế hoạch đó.")
MAX_PLAN_BYTES = 20 * 2**20
NEW_UNIT = "new"


@transaction.atomic
def plan_import_start(*, actor: User, unit: Unit, uploaded: UploadedFile) -> PlanImport:
    """Read the uploaded plan; keep what was read for review. Nothing of the plan is saved yet."""
    require_write(actor, unit)
    if (uploaded.size or 0) > MAX_PLAN_BYTES:
        raise ValidationError({"file": PLAN_FILE_TOO_BIG})
    content = uploaded.read()
    name = uploaded.name or ""
    try:
        parsed = parse_document(content, name)
    except DocumentError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    return PlanImport.objects.create(
        unit=unit,
        uploaded_by=actor,
        original_name=name[:255],
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
def plan_import_confirm(*, actor: User, plan_import: PlanImport, choices: ImportChoices) -> Plan:
    """Save the reviewed plan in one transaction: header, bases, objectives, targets, tasks
    (from the task groups and from "Tổ chức thực hiện", fanned out to the named units),
    recipients, and each task's occurrences."""
    issuer = plan_import.unit
    require_write(actor, issuer)
    if plan_import.status != PlanImport.Status.REVIEW:
        raise ValidationError(PLAN_IMPORT_DONE)
    data = plan_import.parsed
    plan = _plan_header(actor, plan_import, choices)
    _legal_bases(plan, data.get("legal_bases", []))
    _objectives(plan, data, choices.drop_objectives)
    _phases_and_targets(plan, data.get("phases", []))
    units = _UnitChoices(actor, issuer)
    position = _tasks_from_groups(plan, data.get("task_groups", []), choices, units)
    _tasks_from_responsibilities(plan, data.get("responsibilities", []), choices, units, position)
    _distributions(plan, data.get("recipients") or {}, units.in_scope.values())
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


def _plan_header(actor: User, plan_import: PlanImport, choices: ImportChoices) -> Plan:
    """The plan's own blocks (Nghị định 30): what was read, corrected on the review page."""
    data = plan_import.parsed
    phases = data.get("phases", [])
    years = [y for p in phases for y in (p.get("start_year"), p.get("end_year")) if y]
    plan = Plan(
        issuer=plan_import.unit,
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
    return plan


def _legal_bases(plan: Plan, bases: list[dict[str, Any]]) -> None:
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
        for i, b in enumerate(bases)
    )


def _objectives(plan: Plan, data: dict[str, Any], dropped: set[int]) -> None:
    """General objectives (less those the coordinator struck out), then the requirements."""
    objectives = [
        Objective(plan=plan, position=i, kind=Objective.Kind.GENERAL, text=text)
        for i, text in enumerate(data.get("general_objectives", []))
        if i not in dropped
    ]
    objectives += [
        Objective(plan=plan, position=100 + i, kind=Objective.Kind.REQUIREMENT, text=text)
        for i, text in enumerate(data.get("requirements", []))
    ]
    Objective.objects.bulk_create(objectives)


def _phases_and_targets(plan: Plan, phases: list[dict[str, Any]]) -> None:
    for p, phase_data in enumerate(phases):
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


class _UnitChoices:
    """The unit a review choice names: one of the issuer's units, or a new office created
    once per name when the coordinator chose "create"; anything else is refused."""

    def __init__(self, actor: User, issuer: Unit) -> None:
        self.actor, self.issuer = actor, issuer
        self.in_scope = {str(u.pk): u for u in Unit.objects.filter(path__startswith=issuer.path)}
        self.created: dict[str, Unit] = {}

    def resolve(self, choice: str | None, name: str) -> Unit | None:
        if not choice:
            return None
        if choice == NEW_UNIT:
            key = fold(name)
            if key not in self.created:
                self.created[key] = unit_create(
                    actor=self.actor,
                    code=_new_code(self.issuer),
                    name=name,
                    kind=Unit.Kind.OFFICE,
                    parent=self.issuer,
                )
            return self.created[key]
        unit = self.in_scope.get(str(choice))
        if unit is None:
            raise PermissionDenied
        return unit


def _tasks_from_groups(
    plan: Plan, groups: list[dict[str, Any]], choices: ImportChoices, units: _UnitChoices
) -> int:
    """The tasks of the task section, each with its subtasks; returns the next position."""
    position = 0
    for g, group_data in enumerate(groups):
        group = TaskGroup.objects.create(
            plan=plan, position=g, number=group_data.get("number") or "", title=group_data["title"]
        )
        for t, task_data in enumerate(group_data["tasks"]):
            lead = units.resolve(choices.task_leads.get((g, t)), task_data.get("lead_unit") or "")
            time_text = choices.task_times.get((g, t), task_data.get("time") or "")
            product = task_data.get("product") or ""
            task = _task(plan, group, position, task_data["text"], lead, time_text, product)
            position += 1
            supports = [
                u
                for name in task_data.get("support_units", [])
                for u in match_units(name, units.in_scope.values())
            ]
            if supports:
                task.support_units.set(supports)
            subtasks = task_data.get("subtasks", [])
            for s, sub_text in enumerate(subtasks):
                _task(plan, group, position + s, sub_text, lead, time_text, "", parent=task)
            position += len(subtasks)
    return position


def _tasks_from_responsibilities(
    plan: Plan,
    items: list[dict[str, Any]],
    choices: ImportChoices,
    units: _UnitChoices,
    position: int,
) -> None:
    """ "Tổ chức thực hiện": each duty becomes a task of each unit chosen for its item."""
    for r, item in enumerate(items):
        chosen = choices.responsibility_units.get(r, [])
        leads = [units.resolve(c, item["unit"]) for c in chosen] or [None]
        for duty in item["duties"]:
            for lead in leads:
                task = _task(
                    plan, None, position, duty, lead, "", "", source=Task.Source.RESPONSIBILITY
                )
                if item.get("requested"):
                    task.requested = True
                    task.save(update_fields=["requested"])
                position += 1


def _distributions(plan: Plan, recipients: dict[str, Any], units: Iterable[Unit]) -> None:
    """ "Nơi nhận", each linked to its unit when the name matches exactly one."""
    units = list(units)
    distributions: list[Distribution] = []
    for mode in (Distribution.Mode.ELECTRONIC, Distribution.Mode.PAPER):
        for name in recipients.get(mode, []):
            matched = match_units(name, units)
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


def _task(
    plan: Plan,
    group: TaskGroup | None,
    position: int,
    text: str,
    lead: Unit | None,
    time_text: str,
    product: str,
    *,
    source: str = Task.Source.TASKS,
    parent: Task | None = None,
) -> Task:
    timing = read_timing(time_text) if time_text else read_timing(text, written_time=False)
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
