"""Text out of a plan document: plain text, DOCX or PDF (P2).

Each reader returns `Line`s in reading order. Text and PDF lines are soft-wrapped (a line that
starts with no marker continues the paragraph above); DOCX paragraphs are whole paragraphs.
A task table (STT | Nội dung | Đơn vị chủ trì | ...) comes out as one `TableBlock`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from lantoa.core.limits import DocumentTooLarge, zip_check
from lantoa.core.numbers import format_number
from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.pdf_layout import RULED, blocks_of, page_blocks, pdfium_words

MAX_LINES = 5_000  # the seed plan has about 300
MAX_PDF_PAGES = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .doc, or an encrypted (password-protected) Office file


class DocumentError(Exception):
    """The file cannot be read as a plan; the message says why and what to do (exit code 2)."""


@dataclass(frozen=True)
class Line:
    text: str
    hard: bool = False  # True when the source marks the paragraph's end (DOCX)


@dataclass
class TableBlock:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


Block = Line | TableBlock


def read_document(content: bytes, filename: str) -> list[Block]:
    """Blocks of any supported file, chosen by content (the name only breaks ties)."""
    if not content.strip():
        raise DocumentError(_("Tệp «%(name)s» trống.") % {"name": filename})
    if content.startswith(b"%PDF"):
        return _within_lines(read_pdf(content, filename), filename)
    if content.startswith(OLE_MAGIC):
        raise DocumentError(
            _(
                "Tệp «%(name)s» có mật khẩu hoặc là tệp Word đời cũ (.doc). Hãy bỏ mật khẩu, "
                "lưu lại dạng .docx rồi tải lên."
            )
            % {"name": filename}
        )
    if content.startswith(b"PK\x03\x04"):
        blocks = read_docx(content, filename)
    else:
        blocks = read_text(content, filename)
    return _within_lines(blocks, filename)


def _within_lines(blocks: list[Block], filename: str) -> list[Block]:
    """A plan of the genre runs to a few hundred lines; thousands mean it is something else,
    and reading them would keep the server busy for minutes (issue 12, item 4)."""
    if len(blocks) > MAX_LINES:
        raise DocumentError(
            _(
                "Tệp «%(name)s» có hơn %(n)s dòng, nhiều hơn mọi kế hoạch thông thường, nên "
                "không được đọc. Hãy kiểm tra đúng tệp kế hoạch, hoặc tách phần phụ lục ra."
            )
            % {"name": filename, "n": format_number(MAX_LINES)}
        )
    return blocks


def read_text(content: bytes, filename: str) -> list[Block]:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DocumentError(
            _("Tệp «%(name)s» không phải văn bản mã UTF-8. Hãy lưu lại dạng UTF-8 hoặc .docx.")
            % {"name": filename}
        )
    if "\x00" in text:
        raise DocumentError(
            _("Tệp «%(name)s» không phải văn bản, Word (.docx) hay PDF.") % {"name": filename}
        )
    blocks: list[Block] = []
    rows: list[list[str]] = []
    for raw in [*text.splitlines(), ""]:
        if raw.count("\t") >= 2:  # a table copied from Word: one row per line, TAB between cells
            rows.append(raw.split("\t"))
            continue
        if rows:
            blocks.extend(_table_blocks(rows))
            rows = []
        if nfc(raw):
            blocks.append(Line(nfc(raw)))
    return blocks


def read_docx(content: bytes, filename: str) -> list[Block]:
    import docx
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    try:
        zip_check(content, filename)
    except DocumentTooLarge as exc:
        raise DocumentError(str(exc)) from exc
    try:
        document: Document = docx.Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise DocumentError(
            _("Không đọc được tệp Word «%(name)s». Hãy mở bằng Word và lưu lại dạng .docx.")
            % {"name": filename}
        ) from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            for part in item.text.split("\n"):
                if nfc(part):
                    blocks.append(Line(nfc(part), hard=True))
        elif isinstance(item, Table):
            blocks.extend(_table_blocks([[cell.text for cell in row.cells] for row in item.rows]))
    return blocks


def read_pdf(content: bytes, filename: str) -> list[Block]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise DocumentError(
                    _(
                        "Tệp PDF «%(name)s» có %(n)s trang, nhiều hơn mọi kế hoạch thông "
                        "thường (tối đa %(max)s). Hãy tải lên riêng phần kế hoạch."
                    )
                    % {"name": filename, "n": len(pdf.pages), "max": MAX_PDF_PAGES}
                )
            pages = _pages(pdf, content)
    except (DocumentError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - every reader error becomes a message (_pdf_refusal)
        raise _pdf_refusal(exc, filename) from exc
    text = "\n".join(value for page in pages for kind, value in page if kind == "line")
    if len(nfc(text)) < 40:
        raise DocumentError(
            _(
                "Tệp PDF «%(name)s» không có chữ đọc được (có thể là bản scan ảnh). "
                "Hãy tải lên bản Word (.docx) hoặc PDF xuất từ Word."
            )
            % {"name": filename}
        )
    blocks: list[Block] = []
    for page in pages:
        for kind, value in page:
            if kind == "table":
                rows = [[nfc(cell or "") for cell in row] for row in value]
                if blocks and isinstance(blocks[-1], TableBlock) and _continues(blocks[-1], rows):
                    _run_on(blocks[-1], rows)
                else:
                    blocks.extend(_table_blocks(rows))
            elif nfc(value):
                blocks.append(Line(nfc(value)))
    return blocks


def _pdf_refusal(exc: Exception, filename: str) -> DocumentError:
    """Why a PDF cannot be read, in words: a password, or a damaged file."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    cause = exc.args[0] if exc.args else None
    text = f"{exc!r} {cause!r}".lower()
    if (
        isinstance(exc, PDFPasswordIncorrect)
        or isinstance(cause, PDFPasswordIncorrect)
        or any(word in text for word in ("password", "decrypt"))
    ):
        return DocumentError(
            _("Tệp PDF «%(name)s» có mật khẩu. Hãy bỏ mật khẩu rồi tải lên.") % {"name": filename}
        )
    return DocumentError(_("Không đọc được tệp PDF «%(name)s» (tệp hỏng).") % {"name": filename})


def _pages(pdf: Any, content: bytes) -> list[list[tuple[str, Any]]]:
    """Each page's lines and tables. PDFium reads the words (a tenth of the time pdfminer
    takes); a page with drawn lines, which may hold a table, is read by pdfplumber, which
    finds tables (issue 13, item 5: a 30-page plan under a second)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(content)
    except pdfium.PdfiumError:  # PDFium refuses what pdfminer may still read: let it try
        return [page_blocks(page) for page in pdf.pages]
    try:
        pages = []
        for index, page in enumerate(document):
            try:
                paths = sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)))
                ruled = paths >= RULED
                words = [] if ruled else pdfium_words(page)
            except pdfium.PdfiumError:
                ruled = True
            if ruled:
                pages.append(page_blocks(pdf.pages[index]))
            else:
                pages.append(blocks_of(words, page.get_width(), []))
            page.close()
        return pages
    finally:
        document.close()


def _run_on(table: TableBlock, rows: list[list[str]]) -> None:
    """The table goes on from the page before; a first row with no number finishes the row the
    page break cut."""
    if table.rows and rows and not rows[0][0]:
        last = table.rows[-1]
        table.rows[-1] = [nfc(f"{a} {b}") for a, b in zip(last, rows[0], strict=False)]
        rows = rows[1:]
    table.rows.extend(rows)


def _continues(table: TableBlock, rows: list[list[str]]) -> bool:
    return len(rows[0]) == len(table.header) and rows[0] != table.header


TASK_TABLE_MARKERS = (("noi dung", "nhiem vu"), ("chu tri",))


def _table_blocks(rows: list[list[str]]) -> list[Block]:
    """A task table becomes a TableBlock; any other table (the header block) becomes lines,
    column by column, so "ỦY BAN NHÂN DÂN / Số: ..." reads before "CỘNG HÒA ...".
    """
    cleaned = [row for row in rows if any(nfc(c) for c in row)]
    if not cleaned:
        return []
    header = " ".join(fold(c) for c in cleaned[0])
    if all(any(word in header for word in words) for words in TASK_TABLE_MARKERS):
        return [
            TableBlock(
                header=[nfc(c) for c in cleaned[0]],
                rows=[[nfc(c) for c in row] for row in cleaned[1:]],
            )
        ]
    lines: list[Block] = []
    width = max(len(row) for row in cleaned)
    for column in range(width):
        seen: set[str] = set()
        for row in cleaned:
            if column < len(row) and row[column] and row[column] not in seen:
                seen.add(row[column])  # merged cells repeat their text
                for part in row[column].split("\n"):
                    if nfc(part):
                        lines.append(Line(nfc(part), hard=True))
    return lines
