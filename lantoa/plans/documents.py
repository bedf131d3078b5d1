"""A plan as an official document in the Nghị định 30 layout, with its annex of tasks
(issue 3, item 7). Importing the DOCX this makes yields the same plan."""

from __future__ import annotations

from django.utils.text import slugify

from lantoa.core.dates import format_vn_date
from lantoa.core.nd30 import Block, Heading, OfficialDocument, Para, Table
from lantoa.core.text import nfc
from lantoa.org.models import Unit
from lantoa.plans.models import Distribution, LegalBasis, Objective, Plan, Task

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def issuing_body_lines(unit: Unit) -> list[str]:
    """ "Ủy ban nhân dân phường Bắc Kạn" → ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẮC KẠN"]."""
    name = unit.name
    for body in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
        if name.lower().startswith(body.lower()) and len(name) > len(body):
            return [body.upper(), name[len(body) :].strip().upper()]
    return [name.upper()]


def issuing_blocks(unit: Unit) -> tuple[list[str], str]:
    """Block 1 of Nghị định 30: the issuing body's lines, and the body above it (a school's or an
    office's documents carry their ward over their own name)."""
    from lantoa.org.selectors import ward_root_of

    if unit.is_ward_root:
        return issuing_body_lines(unit), ""
    ward = ward_root_of(unit)
    return [unit.name.upper()], ward.name.upper() if ward != unit else ""


def _basis_text(basis: LegalBasis) -> str:
    """ "Căn cứ Nghị quyết số 05/NQ-TU ngày 2/1/2025 của Tỉnh ủy về ...;" (P1)."""
    parts = [f"Căn cứ {basis.kind} số {basis.number}"]
    if basis.date:
        parts.append(f"ngày {basis.date.day}/{basis.date.month}/{basis.date.year}")
    if basis.issuer:
        parts.append(f"của {basis.issuer}")
    if basis.title:
        parts.append(basis.title)
    return " ".join(parts) + ";"


def plan_document(plan: Plan) -> OfficialDocument:
    """The plan as an official document: the header blocks, the legal bases, the numbered
    sections, recipients and signature, and the annex of tasks (issue 3, item 7)."""
    body = _body(plan)
    kind = plan.document_kind
    distributions = list(plan.distributions.all())
    authority = [a for a in plan.signer_authority.split("\n") if a.strip()]
    issuing, parent = issuing_blocks(plan.issuer)
    return OfficialDocument(
        issuing_body=issuing,
        parent_body=parent,
        kind=kind,
        summary=plan.title,
        number=plan.number,
        number_suffix=f"/{plan.document_kind_code}-{plan.issuer.document_symbol}",
        place=plan.place or place_name(plan.issuer),
        date=plan.date,
        bases=[_basis_text(b) for b in plan.legal_bases.all()],
        opening=f"{plan.issuer.name} ban hành {kind} {plan.title}, cụ thể như sau:",
        body=body,
        closing=f"Trên đây là {kind} {plan.title} của {plan.issuer.name}./.",
        recipients=[d.recipient for d in distributions if d.mode == Distribution.Mode.ELECTRONIC],
        paper_recipients=[d.recipient for d in distributions if d.mode == Distribution.Mode.PAPER],
        archive=plan.archive_note or "Lưu: VT.",
        signature_authority=authority,
        signature_title=plan.signer_title,
        signature_name=plan.signer_name,
        annexes=[_task_annex(plan)],
    )


def _body(plan: Plan) -> list[Block]:
    """The sections the plan has content for, numbered I, II, ... in this order."""
    parts = [
        ("MỤC TIÊU", _objectives_part(plan)),
        ("NHIỆM VỤ VÀ GIẢI PHÁP", _tasks_part(plan)),
        ("KINH PHÍ THỰC HIỆN", _budget_part(plan)),
        ("TỔ CHỨC THỰC HIỆN", _responsibilities_part(plan)),
    ]
    body: list[Block] = []
    for index, (title, blocks) in enumerate(part for part in parts if part[1]):
        body.append(Heading(f"{ROMAN[index]}. {title}", level=1))
        body += blocks
    return body


def _objectives_part(plan: Plan) -> list[Block]:
    """1. Mục tiêu chung, 2. Yêu cầu, 3. Mục tiêu cụ thể with a sub-heading per phase; the
    numbers follow the parts the plan has."""
    objectives = list(plan.objectives.all())
    general = [o for o in objectives if o.kind == Objective.Kind.GENERAL]
    requirements = [o for o in objectives if o.kind == Objective.Kind.REQUIREMENT]
    phases = list(plan.phases.prefetch_related("targets"))
    blocks: list[Block] = []
    number = 1
    if general:
        blocks.append(Heading(f"{number}. Mục tiêu chung", level=2))
        blocks += [Para(f"- {o.text}") for o in general]
        number += 1
    if requirements:
        blocks.append(Heading(f"{number}. Yêu cầu", level=2))
        blocks += [Para(f"- {o.text}") for o in requirements]
        number += 1
    if phases:
        blocks.append(Heading(f"{number}. Mục tiêu cụ thể", level=2))
        for p, phase in enumerate(phases, start=1):
            blocks.append(Heading(f"{number}.{p}. {phase.label}", level=3))
            blocks += [Para(f"- {t.text}") for t in phase.targets.all()]
    return blocks


def _tasks_part(plan: Plan) -> list[Block]:
    """Each task group as a heading, its top-level tasks as "-" items, sub-tasks as "+"."""
    blocks: list[Block] = []
    for group in plan.task_groups.prefetch_related("tasks__subtasks"):
        blocks.append(
            Heading(f"{group.number}. {group.title}" if group.number else group.title, level=2)
        )
        for task in group.tasks.all():
            if task.parent_id is not None:
                continue
            blocks.append(Para(f"- {task.title}"))
            blocks += [Para(f"+ {sub.title}") for sub in task.subtasks.all()]
    return blocks


def _budget_part(plan: Plan) -> list[Block]:
    return [Para(f"{i}. {text}") for i, text in enumerate(plan.budget_items, start=1)]


def _responsibilities_part(plan: Plan) -> list[Block]:
    """Each unit as a heading ("Đề nghị ..." for a request to a body outside the issuer's
    authority) with its duties as "-" items."""
    blocks: list[Block] = []
    for i, item in enumerate(plan.responsibilities, start=1):
        prefix = "Đề nghị " if item.get("requested") else ""
        blocks.append(Heading(f"{i}. {prefix}{item['unit']}", level=2))
        blocks += [Para(f"- {duty}") for duty in item["duties"]]
    return blocks


def place_name(unit: Unit) -> str:
    """The place on the date line: "Bắc Kạn" for phường Bắc Kạn or its People's Committee."""
    name = nfc(unit.division.name if unit.division else unit.name)
    for prefix in ("Phường ", "Xã ", "Đặc khu ", "Ủy ban nhân dân phường ", "Ủy ban nhân dân xã "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _task_annex(plan: Plan) -> Table:
    rows = []
    tasks = (
        plan.tasks.filter(parent__isnull=True)
        .select_related("lead_unit")
        .prefetch_related("support_units")
        .order_by("position", "pk")
    )
    for n, task in enumerate(tasks, start=1):
        when = format_vn_date(task.due) if task.due else ""
        if task.recurrence and task.recurrence != Task.Recurrence.ONCE:
            when = (f"{task.get_recurrence_display()} {task.occasion}").strip() + (
                f"; {when}" if when else ""
            )
        rows.append(
            [
                str(n),
                task.title,
                task.lead_unit.name if task.lead_unit else "",
                ", ".join(u.name for u in task.support_units.all()),
                when,
                task.expected_result,
            ]
        )
    return Table(
        title=f"PHỤ LỤC\nNHIỆM VỤ CỤ THỂ THỰC HIỆN {plan.document_kind.upper()} {plan.number}".strip(),
        header=[
            "STT",
            "Nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời gian",
            "Kết quả, sản phẩm",
        ],
        rows=rows,
        widths_cm=[1.2, 8.3, 4.0, 4.0, 3.2, 4.5],  # landscape A4: 25.2 cm between margins
    )


def plan_docx(plan: Plan) -> bytes:
    from lantoa.core.nd30_docx import build_docx  # python-docx loads with the first document

    return build_docx(plan_document(plan))


def plan_filename(plan: Plan) -> str:
    """ke-hoach-12-kh-ubnd.docx: the plan's number, or its key while it has none."""
    number = (plan.number or str(plan.pk)).replace("/", "-")
    return f"{slugify(f'ke-hoach-{number}') or f'ke-hoach-{plan.pk}'}.docx"
