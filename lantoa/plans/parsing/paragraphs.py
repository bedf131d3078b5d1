"""From lines to paragraphs (P2): where the body starts and ends, which marker ("I.", "1.",
"a)", "-", "+") opens each paragraph, and soft-wrapped lines joined to the paragraph above."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import Block, TableBlock
from lantoa.plans.parsing.parsed import Para
from lantoa.plans.parsing.tasks import task_field
from lantoa.plans.parsing.vocabulary import (
    AUTHORITY,
    BULLET,
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
    if TASK_FIELD_RE.match(text) and task_field(text) is not None:
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
