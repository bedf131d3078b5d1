"""From a plan's text to its structure (P2): header, legal bases, objectives, targets by phase,
task groups, budget, responsibilities, recipients and signer, with warnings.

Works for the genre, not one file: headings "I. MỤC TIÊU / II. NHIỆM VỤ VÀ GIẢI PHÁP" or
"I. MỤC ĐÍCH, YÊU CẦU / II. NỘI DUNG", "1." / "2.1." / "a)" / "-" / "+" items, per-task
"Đơn vị chủ trì: ..." lines, task tables, and the Nghị định 30 header block. The output of
`parse_plan(...).as_json()` is the shape fixed by shared/golden/README.md.

This is the entry point; each part of the document has its module beside it: `vocabulary`
(words and patterns), `paragraphs`, `header`, `sections`, `tasks`, `tail` and `checks`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from lantoa.plans.parsing.assignments import (
    as_responsibility,
    assignments_as_tasks,
    leads_from_responsibilities,
)
from lantoa.plans.parsing.checks import check
from lantoa.plans.parsing.extract import Block, DocumentError, Line
from lantoa.plans.parsing.header import (
    issuer_from_closing,
    parse_header,
    parse_preamble,
    title_bases,
)
from lantoa.plans.parsing.paragraphs import body_start as body_start_of
from lantoa.plans.parsing.paragraphs import first_index, is_closing, paragraphs
from lantoa.plans.parsing.parsed import ParsedPlan
from lantoa.plans.parsing.sections import (
    parse_sections,
    section_kind,
    split_sections,
)
from lantoa.plans.parsing.tail import parse_tail
from lantoa.plans.parsing.tasks import appendix_tasks, finish_tasks

NOT_A_PLAN = gettext_lazy(
    "Không nhận ra văn bản này là kế hoạch: không thấy tên loại «KẾ HOẠCH» hay các phần "
    "«I. MỤC TIÊU», «II. NHIỆM VỤ», «TỔ CHỨC THỰC HIỆN». Hãy kiểm tra lại tệp."
)


def parse_plan(blocks: list[Block]) -> ParsedPlan:
    """The structure of a plan; raises DocumentError when the text is not a plan."""
    plan = ParsedPlan()
    body_start = body_start_of(blocks)
    header_end = body_start if body_start is not None else len(blocks)
    parse_header([b for b in blocks[:header_end] if isinstance(b, Line)], plan)

    paras = paragraphs(blocks[header_end:])
    end = first_index(paras, lambda p: is_closing(p.text))
    body, tail = (paras, []) if end is None else (paras[:end], paras[end:])
    preamble, sections = split_sections(body)
    if plan.document_kind is None and not sections:
        raise DocumentError(str(NOT_A_PLAN))
    if not any(section_kind(heading) for heading, _paras in sections):
        raise DocumentError(str(NOT_A_PLAN))

    parse_preamble(preamble, plan)
    title_bases(plan)
    parse_sections(sections, plan)
    appendix_tasks(tail, plan)
    if not plan.task_groups:  # the duties by unit are the tasks
        assignments_as_tasks(plan.assignment_headings or plan.duty_headings, plan)
        if not plan.assignment_headings:
            plan.responsibilities.clear()  # they are the tasks now, not to be saved twice
    elif plan.assignment_headings:  # beside a task list, "PHÂN CÔNG" says who does what
        plan.responsibilities.extend(as_responsibility(h) for h in plan.assignment_headings)
    leads_from_responsibilities(plan)
    finish_tasks(plan)
    issuer_from_closing(tail, plan)
    parse_tail(blocks[header_end:], plan)
    check(plan)
    return plan
