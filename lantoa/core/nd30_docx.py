"""The DOCX writer of `core.nd30`: python-docx, the Nghị định 30 page and blocks."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from lantoa.core.nd30 import (
    BODY_PT,
    FONT,
    MOTTO,
    SLOGAN,
    Block,
    Heading,
    Image,
    OfficialDocument,
    Para,
    Table,
    date_line,
)


def build_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    _page_setup(document)
    _header_blocks(document, doc)
    _title(document, doc)
    if doc.addressees:
        _addressees(document, doc.addressees)
    for basis in doc.bases:
        _body_paragraph(document, basis, italic=True)
    if doc.opening:
        _body_paragraph(document, doc.opening, italic=doc.opening_italic)
    for block in doc.body:
        _block(document, block)
    if doc.closing:
        _body_paragraph(document, doc.closing)
    _signature(document, doc)
    if doc.annexes:
        _landscape_section(document)
        for index, annex in enumerate(doc.annexes):
            if index:
                document.add_page_break()
            _block(document, annex)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- layout --------------------------------------------------------------------------------


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    # page numbers centred in the top margin, not on page 1
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(header, "PAGE", size=13)


def _landscape_section(document: DocxDocument) -> None:
    """Annexes with wide tables go on landscape pages (allowed by Phụ lục I)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _field(paragraph: Paragraph, instruction: str, size: int) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(size)
    begin, text, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline


def _repeat_header(row: Any) -> None:
    """The header row repeats on every page a long table runs over."""
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
    _no_split(row)


def _no_split(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:cantSplit")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _widths(table: DocxTable, widths_cm: list[float]) -> None:
    """Fixed column widths, in the grid and in every cell: LibreOffice reads the grid, Word
    the cells; without both the Quốc hiệu wraps onto two lines in the PDF."""
    table.autofit = False
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for row in table.rows:
            row.cells[index].width = Cm(width)


def _cell_paragraph(cell: _Cell, first: bool = False) -> Paragraph:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _rule(paragraph: Paragraph, width_chars: int) -> None:
    """A short centred line under a block ("⅓–½ of the line")."""
    _run(paragraph, "\u2500" * width_chars, size=8)


def _header_blocks(document: DocxDocument, doc: OfficialDocument) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [6.5, 10.0])
    left, right = table.rows[0].cells
    first = True
    if doc.parent_body:
        _run(_cell_paragraph(left, first), doc.parent_body.upper(), size=12)
        first = False
    for line in doc.issuing_body:
        _run(_cell_paragraph(left, first), line.upper(), size=12, bold=True)
        first = False
    _rule(_cell_paragraph(left), 8)
    number = doc.number or f"      {doc.number_suffix}"
    _run(_cell_paragraph(left), f"Số: {number}", size=13)
    _run(_cell_paragraph(right, True), MOTTO, size=12, bold=True)
    _run(_cell_paragraph(right), SLOGAN, size=13, bold=True, underline=True)
    _run(_cell_paragraph(right), "", size=6)
    place = _cell_paragraph(right)
    _run(place, date_line(doc.place, doc.date), size=14, italic=True)


def _title(document: DocxDocument, doc: OfficialDocument) -> None:
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_after = Pt(6)
    kind = document.add_paragraph()
    kind.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(kind, doc.kind.upper(), size=14, bold=True)
    summary = document.add_paragraph()
    summary.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(summary, doc.summary, size=14, bold=True)
    rule = document.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule.paragraph_format.space_after = Pt(6)
    _rule(rule, 10)


def _addressees(document: DocxDocument, addressees: list[str]) -> None:
    """Block 9a: "Kính gửi: X." on one line, or one "- X;" line each under it (last ".")."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(6)
    if len(addressees) == 1:
        _run(paragraph, f"Kính gửi: {addressees[0]}.", size=BODY_PT)
        return
    _run(paragraph, "Kính gửi:", size=BODY_PT)
    for index, name in enumerate(addressees):
        line = document.add_paragraph()
        line.paragraph_format.left_indent = Cm(5)
        end = "." if index == len(addressees) - 1 else ";"
        _run(line, f"- {name}{end}", size=BODY_PT)


def _body_paragraph(
    document: DocxDocument,
    text: str,
    *,
    italic: bool = False,
    bold: bool = False,
    heading: bool = False,
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(1.27)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    if heading:  # a heading never ends a page alone
        fmt.space_before = Pt(6)
        fmt.keep_with_next = True
    _run(paragraph, text, size=BODY_PT, italic=italic, bold=bold)


def _block(document: DocxDocument, block: Block) -> None:
    if isinstance(block, Heading):
        _body_paragraph(
            document,
            block.text.upper() if block.level == 1 else block.text,
            bold=True,
            italic=block.level >= 3,
            heading=True,
        )
    elif isinstance(block, Para):
        _body_paragraph(document, block.text, italic=block.italic)
    elif isinstance(block, Image):
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.add_run().add_picture(io.BytesIO(block.data), width=Cm(block.width_cm))
        if block.caption:
            caption = document.add_paragraph()
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption.paragraph_format.space_after = Pt(6)
            _run(caption, block.caption, size=12, italic=True)
    elif isinstance(block, Table):
        for line in block.title.split("\n") if block.title else []:
            title = document.add_paragraph()
            title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            title.paragraph_format.keep_with_next = True
            _run(title, line, size=13, bold=True)
        table = document.add_table(rows=1, cols=len(block.header))
        table.style = "Table Grid"
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, block.header, strict=True):
            header = _cell_paragraph(cell, True)
            header.paragraph_format.keep_with_next = True  # never a header alone at a page end
            _run(header, text, size=12, bold=True)
        for row in block.rows:
            added = table.add_row()
            _no_split(added)
            cells = added.cells
            for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.alignment = (
                    WD_ALIGN_PARAGRAPH.CENTER
                    if index == 0
                    else WD_ALIGN_PARAGRAPH.RIGHT
                    if index in block.numeric
                    else WD_ALIGN_PARAGRAPH.LEFT
                )
                _run(paragraph, text, size=12)
        if block.widths_cm:
            _widths(table, block.widths_cm)


def _signature(document: DocxDocument, doc: OfficialDocument) -> None:
    table = document.add_table(rows=1, cols=2)
    _widths(table, [8.0, 8.5])
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    _run(heading, "Nơi nhận:", size=12, bold=True, italic=True)
    lines = [f"- {r};" for r in doc.recipients]
    if doc.paper_recipients:
        lines = ["Gửi bản điện tử:", *lines, "Gửi bản giấy:"] + [
            f"- {r};" for r in doc.paper_recipients
        ]
    lines.append(f"- {doc.archive}")
    for line in lines:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, line, size=11)
    first = True
    for line in doc.signature_authority:
        _run(_cell_paragraph(right, first), line.upper(), size=14, bold=True)
        first = False
    if doc.signature_title:
        _run(_cell_paragraph(right, first), doc.signature_title.upper(), size=14, bold=True)
    for _ in range(4):
        _cell_paragraph(right)
    _run(_cell_paragraph(right), doc.signature_name, size=14, bold=True)
