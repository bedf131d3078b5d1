"""The tasks section of a plan (P2, O1.1; issue 13): which items are tasks, with their "06 rõ".

The section's paragraphs become a tree by their markers ("1." > "1.1." > "a)" > "-" > "+").
Field lines ("Đơn vị chủ trì: …", "- Thời hạn: …", "c) Thời gian thực hiện: …") and labels
("a) Nhiệm vụ:", "b) Cơ quan thực hiện:") are not items: they give their fields to the item
they describe. A task is the finest item the document assigns a lead or a deadline to, and
every item of the same kind beside it; what lies beneath a task is its subtasks. Where nothing
is assigned, the seed's layout holds: numbered headings group, their items are the tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import TableBlock
from lantoa.plans.parsing.fields import inline_assignment, split_units, task_fields
from lantoa.plans.parsing.parsed import Para, ParsedPlan
from lantoa.plans.parsing.vocabulary import strip_end

LEVELS = {"letter": 10, "bullet": 11, "sub": 12}
ASSIGNED = ("lead_unit", "time", "support_units")


@dataclass
class Node:
    """An item of the section: its paragraph, the fields given to it, the items beneath it."""

    kind: str
    number: str
    text: str
    level: int
    fields: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # where the lead came from: field | inline
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    label: bool = False  # "Nhiệm vụ:", "Cơ quan thực hiện:": describes its parent
    description: str = ""
    lined: bool = False  # fields came from lines of their own, not from the item's text

    def give(self, fields: dict[str, Any], source: str) -> None:
        self.lined = self.lined or source == "field"
        for name, value in fields.items():
            if name == "label":
                if value:
                    self.description = value
                continue
            if name == "support_units" and self.fields.get(name):
                value = [*self.fields[name], *(v for v in value if v not in self.fields[name])]
            self.fields[name] = value
            if name == "lead_unit":
                self.source = source

    @property
    def assigned(self) -> bool:
        return any(self.fields.get(name) for name in ASSIGNED)


def _level(para: Para, depth: int) -> int:
    if para.kind == "numbered":
        return para.number.count(".") + 1
    return LEVELS.get(para.kind, depth + 1)


def build_tree(paras: list[Para]) -> Node:
    """The section's items as a tree; field lines given to the item they describe."""
    root = Node("root", "", "", 0)
    stack = [root]
    for para in paras:
        if not para.text:
            continue
        fields = task_fields(para.text) if ":" in para.text else None
        if fields is not None and para.kind not in ("numbered",):
            _place_fields(stack, para, fields)
            continue
        level = _level(para, stack[-1].level)
        while stack[-1].level >= level:
            stack.pop()
        # a "+" item details the item above; what it says of units is not an assignment
        text, inline = (para.text, {}) if para.kind == "sub" else inline_assignment(para.text)
        node = Node(para.kind, para.number, text, level, parent=stack[-1])
        node.give(inline, "inline")
        stack[-1].children.append(node)
        stack.append(node)
    _move_trailing_fields(root)
    return root


def _place_fields(stack: list[Node], para: Para, fields: dict[str, Any]) -> None:
    """A field line describes: the item it stands under (a marked line), the item just above
    it (an unmarked line, or a "-" line after a "-" item); a label opens a node of its own so
    the lines under it find their item."""
    if para.kind == "text":  # unmarked: the item above, never a "+" sub-item
        owner = next(n for n in reversed(stack) if not n.label and n.kind != "sub")
        owner.give(fields, "field")
        return
    level = _level(para, stack[-1].level)
    top = stack[-1]
    if top.level == level and not top.label and top.kind == para.kind and top is not stack[0]:
        top.give({k: v for k, v in fields.items() if k != "label"}, "field")
        return
    while stack[-1].level >= level:
        stack.pop()
    owner = next(n for n in reversed(stack) if not n.label)
    owner.give(fields, "field")
    if "label" in fields:
        label = Node(para.kind, para.number, "", level, parent=owner, label=True)
        owner.children.append(label)
        stack.append(label)


def _move_trailing_fields(node: Node) -> None:
    """ "1. <task>" with a) and b) beneath and then "Đơn vị chủ trì: …": the line came after the
    last sub-item but describes the numbered item."""
    items = [c for c in node.children if not c.label]
    for child in items:
        _move_trailing_fields(child)
    if node.kind != "numbered" or node.assigned or len(items) < 2:
        return
    last = items[-1]
    lone = last.assigned and last.lined and not any(c.assigned for c in items[:-1])
    if lone and not last.children:
        node.fields, node.source, last.fields = last.fields, last.source, {}


def parse_tasks(heading: str, paras: list[Para], plan: ParsedPlan) -> None:
    """Task groups and their tasks, from the section's paragraphs and tables."""
    section_group: dict[str, Any] = {"number": None, "title": heading.rstrip(":. "), "tasks": []}
    chunk: list[Para] = []
    groups: list[dict[str, Any]] = []
    for para in [*paras, Para("end", "", "")]:
        if para.kind == "table" and para.table is not None:
            table_group = section_group
            if chunk and chunk[-1].kind == "numbered":  # "1. Các nhiệm vụ trọng tâm" above it
                head = chunk.pop()
                table_group = {"number": head.number, "title": head.text.rstrip(":. "), "tasks": []}
            groups.extend(_tree_groups(build_tree(chunk), section_group))
            chunk = []
            groups.extend(_table_groups(para.table, table_group))
        elif para.kind == "end":
            groups.extend(_tree_groups(build_tree(chunk), section_group))
        else:
            chunk.append(para)
    seen: set[int] = set()  # the section's own group comes back from each chunk
    for group in groups:
        if group["tasks"] and id(group) not in seen:
            seen.add(id(group))
            plan.task_groups.append(group)


def _tree_groups(root: Node, section_group: dict[str, Any]) -> list[dict[str, Any]]:
    tasks = _choose_tasks(root)
    groups: dict[int, dict[str, Any]] = {}
    ordered: list[dict[str, Any]] = []
    for node in tasks:
        head = _group_of(node)
        if head is None:
            group = section_group
        else:
            group = groups.setdefault(
                id(head), {"number": head.number, "title": head.text.rstrip(":. "), "tasks": []}
            )
        if group not in ordered:
            ordered.append(group)
        group["tasks"].append(_task_dict(node))
    return ordered


def _choose_tasks(root: Node) -> list[Node]:
    """The finest assigned items and their like; else the seed's rule."""
    every = list(_walk(root))
    assigned = [n for n in every if n.assigned]
    if assigned:
        kinds = {(n.kind, n.level) for n in assigned}
        chosen: list[Node] = []
        for node in every:
            if (node.kind, node.level) in kinds and not _under(node, chosen):
                if node.assigned or not any(_under(a, [node]) for a in assigned):
                    chosen.append(node)
        return chosen
    return [n for n in every if _is_plain_task(n)]


def _is_plain_task(node: Node) -> bool:
    """Without assignments: an item with no items beneath it except "+" sub-items, that is not
    a "+" item itself, nor an unmarked sentence that introduces what follows ("…như sau:")."""
    if node.kind == "sub" and node.parent is not None and node.parent.kind != "root":
        return False
    if node.kind == "text" and node.text.rstrip().endswith(":") and not node.children:
        return False
    return all(c.kind == "sub" or c.label for c in node.children)


def _walk(node: Node) -> Any:
    for child in node.children:
        if not child.label:
            yield child
            yield from _walk(child)


def _under(node: Node, ancestors: list[Node]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent in ancestors:
            return True
        parent = parent.parent
    return False


def _group_of(node: Node) -> Node | None:
    """The top numbered heading above the task, if any."""
    head = None
    parent = node.parent
    while parent is not None and parent.kind != "root":
        if parent.kind == "numbered":
            head = parent
        parent = parent.parent
    return head


def _task_dict(node: Node) -> dict[str, Any]:
    task: dict[str, Any] = {"text": strip_end(nfc(node.text)) or node.description}
    if node.number:
        task["number"] = node.number
    subtasks = [t for t in _subtask_texts(node) if t]
    if subtasks:
        task["subtasks"] = subtasks
    if node.description and node.text:
        task["description"] = node.description
    task.update(node.fields)
    task["lead_source"] = node.source if node.fields.get("lead_unit") else None
    return task


def _subtask_texts(node: Node) -> list[str]:
    out = []
    for child in node.children:
        if child.text:
            out.append(child.text)
        out.extend(_subtask_texts(child))
    return out


def _table_groups(table: TableBlock, section_group: dict[str, Any]) -> list[dict[str, Any]]:
    """One task per row with a text; a row numbered I, II or A, B (or with a text and nothing
    else in capitals) heads a group."""
    columns = _table_columns(table.header)
    groups = [section_group]
    for row in table.rows:
        cells = {name: nfc(row[i]) if i < len(row) else "" for i, name in columns.items()}
        number = nfc(row[0]) if row else ""
        others = [v for k, v in cells.items() if k != "text" and v]
        if cells.get("text") and (
            _is_group_number(number) or (not others and cells["text"].isupper())
        ):
            groups.append({"number": number or None, "title": cells["text"], "tasks": []})
            continue
        if not cells.get("text"):
            continue
        task: dict[str, Any] = {"text": cells["text"]}
        for name, value in cells.items():
            if name != "text" and value:
                task[name] = split_units(value) if name == "support_units" else value
        task["lead_source"] = "table" if task.get("lead_unit") else None
        groups[-1]["tasks"].append(task)
    return groups


def _is_group_number(text: str) -> bool:
    return bool(text) and (set(text.strip(".")) <= set("IVX") or text.strip(".") in "ABCDĐEG")


def _table_columns(header: list[str]) -> dict[int, str]:
    """Task field by column position, from the table's header (STT | Nội dung | Chủ trì | ...)."""
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        folded = fold(name)
        if "chu tri" in folded:
            columns[index] = "lead_unit"
        elif "phoi hop" in folded:
            columns[index] = "support_units"
        elif "thoi gian" in folded or "thoi han" in folded or "tien do" in folded:
            columns[index] = "time"
        elif "san pham" in folded or "ket qua" in folded:
            columns[index] = "product"
        elif ("noi dung" in folded or "nhiem vu" in folded) and "text" not in columns.values():
            columns[index] = "text"
    return columns


def appendix_tasks(tail: list[Para], plan: ParsedPlan) -> None:
    """A task table in an appendix after the signature ("PHỤ LỤC / DANH MỤC NHIỆM VỤ"). Where the
    body's tasks name no unit, they were orientations and the appendix holds the tasks."""
    tables = [p for p in tail if p.kind == "table" and p.table is not None]
    if not tables:
        return
    before = plan.task_groups[:]
    plan.task_groups.clear()
    parse_tasks(_appendix_title(tail), tables, plan)
    read = plan.task_groups[:]
    body = [t for g in before for t in g["tasks"]]
    listed = [t for g in read for t in g["tasks"]]
    same = {fold(strip_end(t["text"])) for t in body} & {fold(strip_end(t["text"])) for t in listed}
    if not listed or (body and len(same) * 2 >= min(len(body), len(listed))):
        plan.task_groups[:] = before  # the annex repeats the body's tasks (an exported plan)
        _fill_from(body, listed)
    elif any(t.get("lead_unit") for t in body):
        plan.task_groups[:] = before + read


def _fill_from(body: list[dict[str, Any]], listed: list[dict[str, Any]]) -> None:
    """The annex's 06 rõ for the body's tasks that lack them."""
    by_text = {fold(strip_end(t["text"])): t for t in listed}
    for task in body:
        row = by_text.get(fold(strip_end(task["text"])), {})
        for name in ("lead_unit", "support_units", "time", "product"):
            if row.get(name) and not task.get(name):
                task[name] = row[name]
                if name == "lead_unit":
                    task["lead_source"] = "table"


def _appendix_title(tail: list[Para]) -> str:
    titles = [p.text for p in tail if fold(p.text).startswith(("phu luc", "danh muc"))]
    return " ".join(titles) or "Phụ lục"


FREQUENCY_AT_END = re.compile(
    r"\b(?P<when>thường xuyên|hằng tuần|hằng tháng|hằng quý|hằng năm)\s*[.;]?$", re.IGNORECASE
)


def finish_tasks(plan: ParsedPlan) -> None:
    """Every task with the same keys — lead_unit (or null), support_units, time (as written, or
    null) — and a confidence: how sure the reading is that this is one task with its 06 rõ."""
    for group in plan.task_groups:
        for task in group["tasks"]:
            if not task.get("lead_unit") and task.get("assignee"):  # a school names a person
                task["lead_unit"], task["lead_source"] = task["assignee"], "assignee"
            task.setdefault("lead_unit", None)
            task.setdefault("support_units", [])
            task.setdefault("time", None)
            if not task["time"] and (match := FREQUENCY_AT_END.search(task["text"])):
                task["time"] = match.group("when")
            task.setdefault("lead_source", None)
            task["confidence"] = _confidence(task)


def _confidence(task: dict[str, Any]) -> float:
    sure = 1.0
    if not task["lead_unit"]:
        sure -= 0.3
    elif task["lead_source"] == "responsibility":
        sure -= 0.15
    if not task["time"]:
        sure -= 0.2
    words = len(task["text"].split())
    if words < 4 or words > 90:
        sure -= 0.15
    return round(max(sure, 0.1), 2)
