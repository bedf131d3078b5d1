"""Plan documents as Word would hold them, from the corpus's plain text (issue 13): the
Nghị định 30 header as a two-column table, soft-wrapped lines joined into paragraphs, TAB rows
as tables, "Nơi nhận" beside the signature. Used by scripts/build_corpus.py and the importer's
benchmark; tests/plan_corpus/README.md gives the text's conventions."""

from __future__ import annotations

import re

import docx
from docx.shared import Pt

from lantoa.core.text import fold, nfc

MARKER = re.compile(
    r"^(?:Căn cứ |Thực hiện |Triển khai |[IVX]{1,5}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)"
    r"|[-–—•+]|\(|[^:]{2,40}:)"
)
AUTHORITY = re.compile(r"^(?:KT|TM|TL|TUQ|Q|T/M)\.?\s")


def header_split(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(left block, right block, the rest) of a text whose header follows the corpus's order."""
    motto = next(
        i for i, t in enumerate(lines) if fold(t).startswith(("cong hoa", "dang cong san"))
    )
    date = next(i for i, t in enumerate(lines) if i > motto and ", ngày" in t)
    return lines[:motto], lines[motto : date + 1], lines[date + 1 :]


def paragraphs(lines: list[str]) -> list[str]:
    """Soft-wrapped lines joined, as Word would hold them: a line goes on the one above unless it
    opens with a marker, or the line above ended a sentence, is a heading or a table row."""
    out: list[str] = []
    for line in lines:
        above = out[-1] if out else ""
        heading = above.isupper() or (
            bool(re.match(r"^(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s", above)) and len(above.split()) < 12
        )
        continues = (
            above
            and "\t" not in line
            and "\t" not in above
            and not MARKER.match(line)
            and (not above.endswith((".", ";", ":", "!", "?")) or line[:1].islower())
            and not heading
        )
        if continues:
            out[-1] = f"{above} {line}"
        else:
            out.append(line)
    return out


def two_columns(document: docx.document.Document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=max(len(left), len(right)), cols=2)
    for index, row in enumerate(table.rows):
        row.cells[0].text = left[index] if index < len(left) else ""
        row.cells[1].text = right[index] if index < len(right) else ""


def tail_split(body: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """(body, recipients, signer, after): "Nơi nhận:" up to the signer's name goes in a table."""
    start = next((i for i, t in enumerate(body) if fold(t).startswith("noi nhan")), None)
    if start is None:
        return body, [], [], []
    authority = next(
        (i for i in range(start, len(body)) if AUTHORITY.match(body[i])),
        None,
    )
    if authority is None:
        return body, [], [], []
    name = next(
        (i for i in range(authority + 1, len(body)) if not body[i].isupper()), len(body) - 1
    )
    return body[:start], body[start:authority], body[authority : name + 1], body[name + 1 :]


def add_body(document: docx.document.Document, lines: list[str]) -> None:
    """The title's lines as they stand (one paragraph each, as Word keeps a centred title), the
    rest as joined paragraphs and tables."""
    starts = next((i for i, t in enumerate(lines) if MARKER.match(t) and not t.isupper()), 0)
    kind = next((i for i, t in enumerate(lines) if fold(t) == "ke hoach"), None)
    title = lines[:starts] if kind is not None and kind < starts else []
    rows: list[list[str]] = []
    for line in [*title, *paragraphs(lines[len(title) :]), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
            rows = []
        if line:
            document.add_paragraph(line)


def _clean(line: str) -> str:
    """NFC and trimmed, TABs kept (they part a table's cells)."""
    return "\t".join(nfc(cell) for cell in line.split("\t"))


def build_docx(text: str) -> docx.document.Document:
    """The DOCX of one plan written in the corpus's conventions."""
    lines = [_clean(line) for line in text.splitlines() if nfc(line)]
    left, right, rest = header_split(lines)
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    two_columns(document, left, right)
    body, recipients, signer, after = tail_split(rest)
    add_body(document, body)
    if recipients:
        two_columns(document, recipients, signer)
    add_body(document, after)
    return document
