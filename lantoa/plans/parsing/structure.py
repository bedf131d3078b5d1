"""From a plan's text to its structure (P2): header, legal bases, objectives, targets by phase,
task groups, budget, responsibilities, recipients and signer, with warnings.

Works for the genre, not one file: headings "I. MỤC TIÊU / II. NHIỆM VỤ VÀ GIẢI PHÁP" or
"I. MỤC ĐÍCH, YÊU CẦU / II. NỘI DUNG", "1." / "2.1." / "a)" / "-" / "+" items, per-task
"Đơn vị chủ trì: ..." lines, task tables, and the Nghị định 30 header block. The output of
`parse_plan(...).as_json()` is the shape fixed by shared/golden/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import Block, DocumentError, Line, TableBlock

DOCUMENT_KINDS = {
    "ke hoach": ("Kế hoạch", "KH"),
    "bao cao": ("Báo cáo", "BC"),
    "quyet dinh": ("Quyết định", "QĐ"),
    "thong bao": ("Thông báo", "TB"),
    "to trinh": ("Tờ trình", "TTr"),
    "chuong trinh": ("Chương trình", "CTr"),
    "huong dan": ("Hướng dẫn", "HD"),
    "nghi quyet": ("Nghị quyết", "NQ"),
    "chi thi": ("Chỉ thị", "CT"),
}
# Longest first, so "Chương trình hành động" wins over "Chương trình".
LEGAL_KINDS = sorted(
    [
        "Nghị quyết",
        "Quyết định",
        "Chương trình hành động",
        "Chương trình",
        "Kế hoạch",
        "Chỉ thị",
        "Thông tư",
        "Nghị định",
        "Luật",
        "Công văn",
        "Hướng dẫn",
        "Thông báo",
        "Văn bản",
        "Kết luận",
        "Đề án",
    ],
    key=len,
    reverse=True,
)

ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})[.)]\s+(?P<t>\S.*)$")
NUMBERED_STRICT = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?P<t>\S.*)$")
LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>\S.*)$")
BULLET = re.compile(r"^[-–—•]\s*(?P<t>\S.*)$")
SUB_BULLET = re.compile(r"^\+\s*(?P<t>\S.*)$")
AUTHORITY = re.compile(r"^(?P<a>(?:KT|TM|TL|TUQ|Q)\.\s*.+)$")
NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<n>\S+)", re.IGNORECASE)
DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
YEAR_RANGE = re.compile(r"(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})")
PERCENT = re.compile(r"(?P<v>\d{1,3}(?:[.,]\d+)?)\s*%")
AT_LEAST = re.compile(
    r"(?:ít nhất|tối thiểu|không dưới|không ít hơn)\s+(?P<v>\d+)\s+(?P<rest>.+)", re.IGNORECASE
)
MEASURE_NOUNS = sorted(
    [
        "hoạt động",
        "buổi",
        "lớp",
        "tin",
        "bài",
        "tin, bài",
        "chuyên mục",
        "chuyên đề",
        "lượt",
        "cuộc",
        "hội nghị",
        "tọa đàm",
        "người",
        "đơn vị",
        "trường",
        "sản phẩm",
        "số",
        "kỳ",
        "phóng sự",
        "cuộc thi",
        "mô hình",
        "đợt",
    ],
    key=len,
    reverse=True,
)
YEARLY_WORDS = ("hang nam", "moi nam", "hàng năm")
SECTION_KINDS = [
    ("objectives", ("muc tieu", "muc dich")),
    ("tasks", ("nhiem vu", "noi dung", "giai phap")),
    ("budget", ("kinh phi",)),
    ("responsibilities", ("to chuc thuc hien",)),
]
LEAD_VERBS = (
    "tham mưu",
    "chủ trì",
    "thực hiện",
    "tổ chức",
    "phối hợp",
    "xây dựng",
    "theo dõi",
    "hướng dẫn",
    "triển khai",
    "đăng tải",
    "phụ trách",
    "làm đầu mối",
    "rà soát",
    "báo cáo",
)
TASK_FIELDS = {
    "don vi chu tri": "lead_unit",
    "chu tri": "lead_unit",
    "co quan chu tri": "lead_unit",
    "don vi phoi hop": "support_units",
    "phoi hop": "support_units",
    "co quan phoi hop": "support_units",
    "thoi gian thuc hien": "time",
    "thoi gian hoan thanh": "time",
    "thoi gian": "time",
    "thoi han": "time",
    "san pham": "product",
    "ket qua": "product",
    "san pham du kien": "product",
    "ket qua du kien": "product",
    "nguoi thuc hien": "assignee",
    "can bo phu trach": "assignee",
    "tham quyen": "authority",
    "cap phe duyet": "authority",
}
TASK_FIELD_RE = re.compile(r"^(?P<k>[^:]{2,30}):\s*(?P<v>.+)$")


@dataclass
class Para:
    """A paragraph after soft-wrapped lines are joined."""

    kind: str  # roman | numbered | letter | bullet | sub | text | table
    number: str
    text: str
    table: TableBlock | None = None


@dataclass
class ParsedPlan:
    title: str | None = None
    document_kind: str | None = None
    document_kind_code: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    number: str | None = None
    date: dt.date | None = None
    place: str | None = None
    legal_bases: list[dict[str, Any]] = field(default_factory=list)
    general_objectives: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    duplicate_objectives: list[list[int]] = field(default_factory=list)
    phases: list[dict[str, Any]] = field(default_factory=list)
    task_groups: list[dict[str, Any]] = field(default_factory=list)
    budget: list[str] = field(default_factory=list)
    responsibilities: list[dict[str, Any]] = field(default_factory=list)
    recipients: dict[str, Any] = field(
        default_factory=lambda: {"electronic": [], "paper": [], "archive": None}
    )
    signer: dict[str, str | None] = field(
        default_factory=lambda: {"authority": None, "title": None, "name": None}
    )
    warnings: list[dict[str, str]] = field(default_factory=list)

    def warn(self, code: str, message: str, where: str = "") -> None:
        self.warnings.append({"code": code, "message": message, "where": where})

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "document_kind": self.document_kind,
            "document_kind_code": self.document_kind_code,
            "issuer": self.issuer,
            "parent_issuer": self.parent_issuer,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "legal_bases": self.legal_bases,
            "general_objectives": self.general_objectives,
            "requirements": self.requirements,
            "duplicate_objectives": self.duplicate_objectives,
            "phases": self.phases,
            "task_groups": self.task_groups,
            "budget": self.budget,
            "responsibilities": self.responsibilities,
            "recipients": self.recipients,
            "signer": self.signer,
            "warnings": self.warnings,
        }


NOT_A_PLAN = gettext_lazy(
    "Không nhận ra văn bản này là kế hoạch: không thấy tên loại «KẾ HOẠCH» hay các phần "
    "«I. MỤC TIÊU», «II. NHIỆM VỤ», «TỔ CHỨC THỰC HIỆN». Hãy kiểm tra lại tệp."
)


def parse_plan(blocks: list[Block]) -> ParsedPlan:
    """The structure of a plan; raises DocumentError when the text is not a plan."""
    plan = ParsedPlan()
    body_start = _first_index(blocks, lambda b: _is_line(b) and _starts_body(b.text))
    header_end = body_start if body_start is not None else len(blocks)
    _parse_header([b for b in blocks[:header_end] if isinstance(b, Line)], plan)

    paras = _paragraphs(blocks[header_end:])
    end = _first_index(paras, lambda p: _is_closing(p.text))
    body, tail = (paras, []) if end is None else (paras[:end], paras[end:])
    preamble = []
    sections: list[tuple[str, list[Para]]] = []
    for para in body:
        if para.kind == "roman":
            sections.append((para.text, []))
        elif sections:
            sections[-1][1].append(para)
        else:
            preamble.append(para)
    if plan.document_kind is None and not sections:
        raise DocumentError(str(NOT_A_PLAN))
    known = [s for s in sections if _section_kind(s[0])]
    if not known:
        raise DocumentError(str(NOT_A_PLAN))

    _parse_preamble(preamble, plan)
    for heading, paras_ in sections:
        kind = _section_kind(heading)
        if kind == "objectives":
            _parse_objectives(paras_, plan)
        elif kind == "tasks":
            _parse_tasks(heading, paras_, plan)
        elif kind == "budget":
            plan.budget.extend(p.text for p in paras_ if p.text)
        elif kind == "responsibilities":
            _parse_responsibilities(paras_, plan)
    if plan.issuer is None and tail:
        match = re.search(r"của (Ủy ban nhân dân [^./]+?)\s*\./\.", tail[0].text)
        if match:
            plan.issuer = nfc(match.group(1))
    _parse_tail(tail, blocks[header_end:], plan)
    _check(plan)
    return plan


# --- paragraphs ---------------------------------------------------------------------------


def _is_line(block: Block) -> bool:
    return isinstance(block, Line)


def _first_index(items: list[Any], test: Any) -> int | None:
    return next((i for i, item in enumerate(items) if test(item)), None)


def _starts_body(text: str) -> bool:
    return fold(text).startswith("can cu") or bool(ROMAN.match(text))


def _is_closing(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(("tren day la", "tren day", "noi nhan")) or bool(AUTHORITY.match(text))


def _marker(text: str) -> tuple[str, str, str] | None:
    for kind, pattern in (
        ("roman", ROMAN),
        ("numbered", NUMBERED_STRICT),
        ("letter", LETTER),
        ("sub", SUB_BULLET),
        ("bullet", BULLET),
    ):
        match = pattern.match(text)
        if match:
            return kind, match.groupdict().get("n") or "", match.group("t")
    if fold(text).startswith(("can cu ", "noi nhan", "tren day", "gui ban", "luu:")):
        return "text", "", text
    if AUTHORITY.match(text):
        return "text", "", text
    if TASK_FIELD_RE.match(text) and _task_field(text) is not None:
        return "text", "", text
    return None


def _paragraphs(blocks: list[Block]) -> list[Para]:
    paras: list[Para] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            paras.append(Para("table", "", "", table=block))
            continue
        marker = _marker(block.text)
        if marker is not None:
            kind, number, text = marker
            paras.append(Para(kind, number, text))
        elif block.hard or not paras or paras[-1].kind == "table" or _is_closing(paras[-1].text):
            paras.append(Para("text", "", block.text))
        else:
            paras[-1].text = f"{paras[-1].text} {block.text}"
    for para in paras:
        para.text = nfc(para.text)
    return paras


# --- header and preamble ------------------------------------------------------------------


def _parse_header(lines: list[Line], plan: ParsedPlan) -> None:
    issuer_lines: list[str] = []
    title_lines: list[str] = []
    seen_kind = False
    for line in lines:
        text = line.text
        folded = fold(text)
        if folded.startswith("cong hoa xa hoi") or folded.startswith("doc lap"):
            continue
        if not any(ch.isalpha() for ch in text):  # the short rules under the blocks
            continue
        if match := NUMBER_LINE.match(text):
            plan.number = match.group("n").rstrip(".,;")
            continue
        if match := DATE_LINE.match(text):
            plan.place = nfc(match.group("place"))
            plan.date = _date(match.group("d"), match.group("m"), match.group("y"))
            continue
        if not seen_kind and text.isupper() and folded in DOCUMENT_KINDS:
            plan.document_kind, plan.document_kind_code = DOCUMENT_KINDS[folded]
            seen_kind = True
            continue
        if seen_kind:
            title_lines.append(text)
        elif text.isupper() or (text.upper() == text):
            issuer_lines.append(text)
    if title_lines:
        plan.title = nfc(" ".join(title_lines))
    if issuer_lines:
        names = [_official_case(t) for t in issuer_lines]
        # "ỦY BAN NHÂN DÂN / PHƯỜNG AN HÒA" is one body; a parent body above it is separate
        if len(names) >= 2 and fold(names[-1]).split()[0] in ("phuong", "xa", "tinh", "thanh"):
            plan.issuer = nfc(f"{names[-2]} {names[-1]}")
            plan.parent_issuer = names[-3] if len(names) >= 3 else None
        else:
            plan.issuer = names[-1]
            plan.parent_issuer = names[-2] if len(names) >= 2 else None


BODY_TYPES = ("uy ban nhan dan", "hoi dong nhan dan", "uy ban mat tran to quoc")
PLACE_WORDS = ("phuong", "xa", "tinh", "thanh pho", "dac khu")
KEEP_LOWER = {"và", "về", "của", "-"}


def _official_case(text: str) -> str:
    """Header capitals to the usual spelling: 'ỦY BAN NHÂN DÂN' → 'Ủy ban nhân dân',
    'PHƯỜNG BẮC KẠN' → 'phường Bắc Kạn', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' → 'Sở Giáo Dục và Đào Tạo'."""
    lower = nfc(text).lower()
    folded = fold(lower)
    if folded.startswith(BODY_TYPES):
        return lower[:1].upper() + lower[1:]
    for place in PLACE_WORDS:
        if folded.startswith(place + " "):
            head_len = len(place.split())
            words = lower.split()
            return " ".join(words[:head_len] + [w[:1].upper() + w[1:] for w in words[head_len:]])
    return " ".join(w if w in KEEP_LOWER else w[:1].upper() + w[1:] for w in lower.split())


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _parse_preamble(paras: list[Para], plan: ParsedPlan) -> None:
    text = " ".join(p.text for p in paras)
    if not text:
        return
    segments = re.split(r";|(?=\bCăn cứ\b)", text)
    for segment in segments:
        basis = _legal_basis(segment)
        if basis:
            plan.legal_bases.append(basis)
        elif plan.issuer is None:
            match = re.search(
                r"(Ủy ban nhân dân (?:phường|xã|tỉnh|thành phố|đặc khu) .+?) ban hành", segment
            )
            if match:
                plan.issuer = nfc(match.group(1))


LEGAL_RE = re.compile(
    r"^\s*(?:Căn cứ\s+)?(?P<kind>" + "|".join(re.escape(k) for k in LEGAL_KINDS) + r")"
    r"\s+(?:số\s+)?(?P<number>[\w./-]*\d[\w./-]*)"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?"
    r"(?:\s+(?:của|do)\s+(?P<issuer>.+?))?"
    r"(?:\s+(?P<rest>(?:về|ban hành|hướng dẫn|quy định|triển khai)\b.*))?\s*[.,:]?\s*$",
    re.IGNORECASE,
)


def _legal_basis(segment: str) -> dict[str, Any] | None:
    segment = nfc(segment).strip(" ,")
    match = LEGAL_RE.match(segment)
    if not match or not re.search(r"\d", match.group("number")):
        return None
    kind = next(k for k in LEGAL_KINDS if fold(k) == fold(match.group("kind")))
    date = None
    if match.group("date"):
        d, m, y = match.group("date").split("/")
        parsed = _date(d, m, y)
        date = parsed.isoformat() if parsed else None
    issuer = nfc(match.group("issuer") or "") or None
    title = nfc(match.group("rest") or "") or None
    return {
        "kind": kind,
        "number": match.group("number"),
        "date": date,
        "issuer": issuer,
        "title": _strip_end(title) if title else None,
    }


# --- sections -----------------------------------------------------------------------------


def _section_kind(heading: str) -> str | None:
    folded = fold(heading)
    for kind, words in SECTION_KINDS:
        if any(folded.startswith(w) or f" {w}" in f" {folded}" for w in words):
            if kind == "tasks" and "to chuc thuc hien" in folded:
                continue
            return kind
    return None


def _parse_objectives(paras: list[Para], plan: ParsedPlan) -> None:
    mode = "general"
    phase: dict[str, Any] | None = None
    for para in paras:
        if para.kind == "numbered":
            folded = fold(para.text)
            years = YEAR_RANGE.search(para.text)
            if years or folded.startswith("giai doan"):
                phase = {
                    "label": para.text.rstrip(":. "),
                    "start_year": int(years.group("a")) if years else None,
                    "end_year": int(years.group("b")) if years else None,
                    "targets": [],
                }
                plan.phases.append(phase)
                mode = "targets"
            elif "cu the" in folded or "chi tieu" in folded:
                mode, phase = "targets", None
            elif "yeu cau" in folded and "muc dich" not in folded:
                mode = "requirements"
            else:
                mode = "general"
            continue
        if not para.text:
            continue
        if mode == "general":
            plan.general_objectives.append(para.text)
        elif mode == "requirements":
            plan.requirements.append(para.text)
        elif mode == "targets":
            if phase is None:
                phase = {"label": None, "start_year": None, "end_year": None, "targets": []}
                plan.phases.append(phase)
            value, unit = target_value(para.text)
            phase["targets"].append({"text": para.text, "value": value, "unit": unit})
    seen: dict[str, int] = {}
    for index, text in enumerate(plan.general_objectives):
        key = fold(_strip_end(text))
        if key in seen:
            plan.duplicate_objectives.append([seen[key], index])
        else:
            seen[key] = index


def target_value(text: str) -> tuple[float | int | None, str | None]:
    """The number a target names: 100 for "100% ...", 1 for "ít nhất 01 hoạt động ... hằng năm"."""
    if match := PERCENT.search(text):
        return _number(match.group("v")), "%"
    if match := AT_LEAST.search(text):
        rest = match.group("rest")
        noun = next((n for n in MEASURE_NOUNS if fold(rest).startswith(fold(n))), rest.split()[0])
        unit = noun + ("/năm" if any(w in fold(text) for w in map(fold, YEARLY_WORDS)) else "")
        return _number(match.group("v")), unit
    return None, None


def _number(text: str) -> float | int:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _parse_tasks(heading: str, paras: list[Para], plan: ParsedPlan) -> None:
    group: dict[str, Any] | None = None
    task: dict[str, Any] | None = None

    def ensure_group() -> dict[str, Any]:
        nonlocal group
        if group is None:
            group = {"number": None, "title": heading.rstrip(":. "), "tasks": []}
            plan.task_groups.append(group)
        return group

    for para in paras:
        if para.kind == "numbered" and "." not in para.number:
            group = {"number": para.number, "title": para.text.rstrip(":. "), "tasks": []}
            plan.task_groups.append(group)
            task = None
        elif para.kind == "table" and para.table is not None:
            for row_task in _table_tasks(para.table):
                ensure_group()["tasks"].append(row_task)
            task = None
        elif para.kind == "sub" and task is not None:
            task.setdefault("subtasks", []).append(para.text)
        elif (field_ := _task_field(para.text)) is not None and task is not None:
            name, value = field_
            task[name] = _split_units(value) if name == "support_units" else _strip_end(value)
        elif para.kind in ("bullet", "letter", "numbered", "sub", "text") and para.text:
            task = {"text": para.text}
            lead = inferred_lead_unit(para.text)
            if lead:
                task["lead_unit"] = lead
            ensure_group()["tasks"].append(task)


def _task_field(text: str) -> tuple[str, str] | None:
    match = TASK_FIELD_RE.match(text)
    if not match:
        return None
    name = TASK_FIELDS.get(fold(match.group("k")).strip(" -+"))
    return (name, nfc(match.group("v"))) if name else None


def _table_tasks(table: TableBlock) -> list[dict[str, Any]]:
    columns: dict[int, str] = {}
    for index, name in enumerate(table.header):
        folded = fold(name)
        if "noi dung" in folded or "nhiem vu" in folded:
            columns[index] = "text"
        elif "chu tri" in folded:
            columns[index] = "lead_unit"
        elif "phoi hop" in folded:
            columns[index] = "support_units"
        elif "thoi gian" in folded or "thoi han" in folded:
            columns[index] = "time"
        elif "san pham" in folded or "ket qua" in folded:
            columns[index] = "product"
    tasks = []
    for row in table.rows:
        task: dict[str, Any] = {}
        for index, name in columns.items():
            value = nfc(row[index]) if index < len(row) else ""
            if value:
                task[name] = _split_units(value) if name == "support_units" else value
        if task.get("text"):
            tasks.append(task)
    return tasks


def _split_units(text: str) -> list[str]:
    parts = re.split(r"[;\n]|,\s*(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])", text)
    return [_strip_end(nfc(p)) for p in parts if nfc(p).strip(" ;,.")]


def inferred_lead_unit(text: str) -> str | None:
    """ "Giao Trung tâm Dịch vụ tổng hợp phường tham mưu ..." → "Trung tâm Dịch vụ tổng hợp phường"."""
    match = re.match(r"^Giao\s+(?P<rest>.+)$", text)
    if not match:
        return None
    rest = match.group("rest")
    positions = [rest.find(f" {verb} ") for verb in LEAD_VERBS]
    positions = [p for p in positions if p > 0]
    return nfc(rest[: min(positions)]) if positions else None


def _parse_responsibilities(paras: list[Para], plan: ParsedPlan) -> None:
    current: dict[str, Any] | None = None
    for para in paras:
        if para.kind == "numbered" and "." not in para.number:
            unit = para.text.rstrip(":. ")
            requested = fold(unit).startswith("de nghi")
            if requested:
                unit = nfc(re.sub(r"^Đề nghị\s+", "", unit, flags=re.IGNORECASE))
            current = {"unit": unit, "requested": requested, "duties": []}
            plan.responsibilities.append(current)
        elif current is not None and para.text:
            current["duties"].append(para.text)


# --- recipients and signer ----------------------------------------------------------------


def _parse_tail(tail: list[Para], blocks: list[Block], plan: ParsedPlan) -> None:
    mode = "electronic"
    in_recipients = False
    lines = [b.text for b in blocks if isinstance(b, Line)]
    start = _first_index(lines, lambda t: fold(t).startswith("noi nhan"))
    if start is not None:
        for text in lines[start + 1 :]:
            folded = fold(text)
            if AUTHORITY.match(text) or (text.isupper() and not BULLET.match(text)):
                break
            if folded.startswith("gui ban dien tu"):
                mode, in_recipients = "electronic", True
                continue
            if folded.startswith("gui ban giay"):
                mode, in_recipients = "paper", True
                continue
            item = BULLET.match(text)
            body = item.group("t") if item else text
            if fold(body).startswith("luu"):
                plan.recipients["archive"] = nfc(body)
                continue
            if item:
                plan.recipients[mode].append(_strip_end(body))
                in_recipients = True
            elif not in_recipients:
                continue
    signer_at = _first_index(lines, lambda t: bool(AUTHORITY.match(t)))
    if signer_at is not None:
        # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the last authority line signs
        while signer_at + 1 < len(lines) and AUTHORITY.match(lines[signer_at + 1]):
            plan.signer.setdefault("on_behalf_of", nfc(lines[signer_at]))
            signer_at += 1
        plan.signer["authority"] = nfc(lines[signer_at])
        after = [
            t
            for t in lines[signer_at + 1 :]
            if not fold(t).startswith(("noi nhan", "gui ban", "luu"))
        ]
        after = [t for t in after if not BULLET.match(t)]
        if after:
            plan.signer["title"] = nfc(after[0])
            names = [t for t in after[1:] if not t.isupper()]
            if names:
                plan.signer["name"] = nfc(names[0])
    else:
        titles = [
            t
            for t in lines
            if fold(t) in ("chu tich", "pho chu tich", "truong phong", "hieu truong", "giam doc")
        ]
        if titles:
            at = lines.index(titles[-1])
            plan.signer["title"] = titles[-1]
            names = [t for t in lines[at + 1 :] if not t.isupper() and not BULLET.match(t)]
            if names:
                plan.signer["name"] = names[0]


def _strip_end(text: str) -> str:
    return text.rstrip(" ;.,")


# --- warnings -----------------------------------------------------------------------------


def _check(plan: ParsedPlan) -> None:
    for first, second in plan.duplicate_objectives:
        plan.warn(
            "duplicate_objective",
            _("Mục tiêu thứ %(b)s lặp lại nguyên văn mục tiêu thứ %(a)s.")
            % {"a": first + 1, "b": second + 1},
            f"general_objectives[{second}]",
        )
    for p, phase in enumerate(plan.phases):
        for t, target in enumerate(phase["targets"]):
            if target["value"] is None:
                plan.warn(
                    "target_without_number",
                    _("Chỉ tiêu «%(text)s» không nêu con số; cần chọn cách đo.")
                    % {"text": _short(target["text"])},
                    f"phases[{p}].targets[{t}]",
                )
    for g, group in enumerate(plan.task_groups):
        for t, task in enumerate(group["tasks"]):
            missing = []
            if not task.get("lead_unit"):
                missing.append(_("đơn vị chủ trì"))
            if not task.get("assignee"):
                missing.append(_("người thực hiện"))
            if not task.get("time"):
                missing.append(_("thời hạn"))
            if missing:
                plan.warn(
                    "task_incomplete",
                    _("Nhiệm vụ «%(text)s» chưa có: %(missing)s.")
                    % {"text": _short(task["text"]), "missing": ", ".join(missing)},
                    f"task_groups[{g}].tasks[{t}]",
                )
    if plan.number is None:
        plan.warn("no_number", _("Văn bản chưa có số, ký hiệu (Số: .../KH-...)."), "number")
    if plan.date is None:
        plan.warn("no_date", _("Văn bản chưa có ngày ban hành."), "date")


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
