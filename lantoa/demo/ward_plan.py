"""The demo ward's plan and its tasks: the seed plan imported as a person would import it, its
tasks given leads and deadlines, the periods of 2026 done, late or open, and four schools'
own plans issued."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from lantoa.core.dates import local_today
from lantoa.demo.ward_roster import SEED, K, unit_code
from lantoa.indicators.selectors import with_indicator
from lantoa.indicators.services import indicator_update
from lantoa.org.models import Unit
from lantoa.plans.models import Plan, PlanImport, Task, TaskOccurrence
from lantoa.plans.plan_import import (
    ImportChoices,
    plan_import_confirm,
    plan_import_start,
    suggested_units,
)
from lantoa.plans.services import (
    child_plan_create,
    next_plan_number,
    occurrence_complete,
    plan_issue,
    task_update,
)

PLAN_OWN_TASK = "Căn cứ Kế hoạch của UBND phường, xây dựng và ban hành"
SEED_PLAN = Path(__file__).resolve().parent / "fixtures" / "ke-hoach-71-phuong-bac-kan.txt"
AUTHORITY_BY_KIND = {
    K.SCHOOL: "Hiệu trưởng",
    K.SERVICE_CENTRE: "Giám đốc Trung tâm Dịch vụ tổng hợp",
    K.FRONT: "Ban Thường trực Ủy ban MTTQ phường",
    K.MASS_ORGANISATION: "Ban Thường trực Ủy ban MTTQ phường",
    K.RESIDENTIAL_GROUP: "Ban Thường trực Ủy ban MTTQ phường",
}


def _demo_timing(title: str) -> dict[str, object]:
    """Deadlines a coordinator would plausibly set for the seed's open-ended duties."""
    if title.startswith(PLAN_OWN_TASK):
        return {"recurrence": "once", "due": dt.date(2026, 4, 30)}
    if title.startswith("Tham mưu UBND phường ban hành Kế hoạch"):
        return {"recurrence": "once", "due": dt.date(2026, 3, 31)}
    if "giao ban" in title or title.startswith("Định kỳ báo cáo"):
        return {"recurrence": "quarterly"}
    if "sơ kết, tổng kết" in title:
        return {"recurrence": "half_yearly"}
    return {}


def plan_load(ward: Unit) -> None:
    """The ward's plan, imported from the seed through the importer as a person would; the
    missing 06 rõ filled with plausible values; the periods of 2026 in every follow-up bucket."""
    if Plan.objects.filter(issuer=ward).exists():
        return
    vhxh = Unit.objects.get(code=unit_code("VHXH"))
    plan = _plan_import(ward, vhxh)
    rng = random.Random(SEED)  # noqa: S311
    today = local_today()
    for index, task in enumerate(
        plan.tasks.filter(parent__isnull=True).select_related("lead_unit")
    ):
        if index % 5 != 4:  # leave a few incomplete, as real plans are
            _task_fill(task, task.lead_unit or vhxh)
        task.refresh_from_db()
        if task.title.startswith(PLAN_OWN_TASK):
            continue  # done when the school issues its plan (school_plans_load)
        _periods_settle(task, rng, today)


def _plan_import(ward: Unit, vhxh: Unit) -> Plan:
    """Import the seed plan with the importer's own suggestions (the service centre leads the
    portal tasks it does not place; the Culture-Society Office answers for the rest) and issue it."""
    record = plan_import_start(
        actor=None,
        unit=ward,
        uploaded=SimpleUploadedFile(SEED_PLAN.name, SEED_PLAN.read_bytes()),
    )
    plan = plan_import_confirm(
        actor=None, plan_import=record, choices=_import_choices(record, vhxh)
    )
    plan_issue(
        actor=None,
        plan=plan,
        override_reason="Ban hành để triển khai ngay; các đơn vị bổ sung 06 rõ trong tháng (dữ liệu mẫu).",
    )
    return plan


def _import_choices(record: PlanImport, vhxh: Unit) -> ImportChoices:
    """What the coordinator picks on the review page for the seed plan."""
    suggestions = suggested_units(record)
    choices = ImportChoices(number="12/KH-UBND", date=dt.date(2026, 3, 16))
    choices.drop_objectives = {second for _first, second in record.parsed["duplicate_objectives"]}
    portal = "Đăng tải tin, bài"
    centre = Unit.objects.get(code=unit_code("TTDVTH"))
    for (g, t), suggestion in suggestions["tasks"].items():
        text = record.parsed["task_groups"][g]["tasks"][t]["text"]
        units = suggestion["units"] or ([centre] if text.startswith(portal) else [])
        choices.task_leads[(g, t)] = str(units[0].pk) if units else None
    for r, suggestion in suggestions["responsibilities"].items():
        choices.responsibility_units[r] = [str(u.pk) for u in suggestion["units"]] or [str(vhxh.pk)]
    return choices


def _task_fill(task: Task, lead: Unit) -> None:
    """Give a task its lead, assignee, authority, expected result and a plausible timing."""
    task_update(
        actor=None,
        task=task,
        **_demo_timing(task.title),
        lead_unit=lead,
        assignee=lead.head or lead.people.first(),
        authority=AUTHORITY_BY_KIND.get(lead.kind, "Chủ tịch UBND phường"),
        expected_result=task.expected_result
        or "Báo cáo kết quả kèm minh chứng (ảnh, biên bản, đường dẫn tin bài)",
    )


def _periods_settle(task: Task, rng: random.Random, today: dt.date) -> None:
    """This year's past periods of a task: half done on time, a fifth done late, the rest
    still open and overdue."""
    for occurrence in task.occurrences.filter(due__lt=today, due__year=today.year):
        roll = rng.random()
        if roll < 0.5:
            done_on = occurrence.due - dt.timedelta(days=rng.randint(0, 20))
        elif roll < 0.7:
            done_on = min(today, occurrence.due + dt.timedelta(days=rng.randint(3, 25)))
        else:
            continue  # still open and overdue
        occurrence_complete(
            actor=None,
            occurrence=occurrence,
            completed_on=done_on,
            result_note="Đã thực hiện theo kế hoạch (dữ liệu mẫu).",
            evidence_url="https://backan.thainguyen.gov.vn/demo/minh-chung",
        )


def school_plans_load(ward: Unit) -> None:
    """Four of the seven schools have issued their own plan (T2 stands at 4/7), and the
    coordinator has confirmed how each target of the ward's plan computes."""
    plan = Plan.objects.filter(issuer=ward, parent__isnull=True).first()
    if plan is None or plan.children.exists():
        return
    schools = list(Unit.objects.filter(path__startswith=ward.path, kind=K.SCHOOL).order_by("code"))
    for n, school in enumerate(schools[:4], start=1):
        _school_plan_issue(plan, school, dt.date(2026, 4, 2 + n))
    for target in plan.targets.select_related("indicator"):
        indicator = with_indicator(target).indicator
        indicator_update(
            actor=None, indicator=indicator, kind=indicator.kind, params=indicator.params
        )


def _school_plan_issue(plan: Plan, school: Unit, date: dt.date) -> None:
    """Issue a school's plan under the ward's, which is how the school does the ward's "build
    and issue your plan" task."""
    child = child_plan_create(actor=None, parent=plan, unit=school)
    plan_issue(
        actor=None,
        plan=child,
        number=next_plan_number(child, 2026),
        date=date,
        override_reason="Nhà trường ban hành để triển khai ngay (dữ liệu mẫu).",
    )
    for period in TaskOccurrence.objects.filter(
        task__plan=child, task__title__startswith=PLAN_OWN_TASK, status="open"
    ).select_related("task"):
        occurrence_complete(
            actor=None,
            occurrence=period,
            completed_on=child.date,
            result_note=f"Đã ban hành Kế hoạch số {child.number} (dữ liệu mẫu).",
            evidence_url="https://backan.thainguyen.gov.vn/demo/ke-hoach-truong",
        )
