"""From lines to paragraphs (P2): where the body starts and ends, which marker ("I.", "1.",
"a)", "-", "+") opens each paragraph, and soft-wrapped lines joined to the paragraph above."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import Block, Line, TableBlock
from lantoa.plans.parsing.fields import task_fields
from lantoa.plans.parsing.parsed import Para
from lantoa.plans.parsing.vocabulary import (
    AUTHORITY,
    BULLET,
    DOCUMENT_KINDS,
    LETTER,
    NUMBERED_STRICT,
    ROMAN,
    SUB_BULLET,
    TASK_FIELD_RE,
)

T = TypeVar("T")

MARKERS = (
    ("roman", ROMAN),
    ("numbered", NUMBERED_STRICT),
    ("letter", LETTER),
    ("sub", SUB_BULLET),
    ("bullet", BULLET),
)


def first_index(items: Sequence[T], test: Callable[[T], bool]) -> int | None:
    """The position of the first item that passes `test`, or None."""
    return next((i for i, item in enumerate(items) if test(item)), None)


def starts_body(text: str) -> bool:
    """The header ends at the first "Căn cứ ..." or "I. ..." line."""
    return fold(text).startswith("can cu") or bool(ROMAN.match(text))


PREAMBLE_OPENINGS = ("thuc hien ", "trien khai ", "de trien khai", "nham ", "de thuc hien")


def body_start(blocks: list[Block]) -> int | None:
    """Where the header ends: at "Căn cứ …" or "I. …", or at a preamble that opens "Thực hiện
    …" once the title has begun (a title may itself begin "Thực hiện Kết luận số …")."""
    kind_seen, title_lines = False, 0
    for index, block in enumerate(blocks):
        if not isinstance(block, Line):
            continue
        text = block.text
        if starts_body(text):
            return index
        folded = fold(text)
        opens = folded.startswith(PREAMBLE_OPENINGS) and text[:1].isupper() and not text.isupper()
        if kind_seen and title_lines and opens:
            return index
        if kind_seen:
            title_lines += 1
        elif text.isupper() and folded in DOCUMENT_KINDS:
            kind_seen = True
    return None


def is_closing(text: str) -> bool:
    """The body ends at "Trên đây là ...", "Nơi nhận:" or the signer's authority ("TM. ...")."""
    folded = fold(text)
    return folded.startswith(("tren day la", "tren day", "noi nhan")) or bool(AUTHORITY.match(text))


def _marker(text: str) -> tuple[str, str, str] | None:
    """(kind, number, text) when the line opens a paragraph of its own, else None."""
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            return kind, match.groupdict().get("n") or "", match.group("t")
    if fold(text).startswith(("can cu ", "noi nhan", "tren day", "gui ban", "luu:")):
        return "text", "", text
    if AUTHORITY.match(text):
        return "text", "", text
    if TASK_FIELD_RE.match(text) and task_fields(text) is not None:
        return "text", "", text
    return None


def paragraphs(blocks: list[Block]) -> list[Para]:
    """The blocks as paragraphs; a table stays one paragraph of kind "table"."""
    paras: list[Para] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            paras.append(Para("table", "", "", table=block))
            continue
        marker = _marker(block.text)
        if marker is not None:
            kind, number, text = marker
            paras.append(Para(kind, number, text))
        elif block.hard or not paras or paras[-1].kind == "table" or is_closing(paras[-1].text):
            paras.append(Para("text", "", block.text))
        else:
            paras[-1].text = f"{paras[-1].text} {block.text}"
    for para in paras:
        para.text = nfc(para.text)
    return paras
