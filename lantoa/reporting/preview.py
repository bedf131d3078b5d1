"""The document to be issued, shown on the leader's page (issue 14, item 7).

It lays out the very `OfficialDocument` that `documents.report_docx` writes — built by
`documents.report_document` from the same snapshot — as blocks a template prints, line for line
as `core.nd30_docx` writes them (capitals, "Số:", the date line, "Nơi nhận:"), so what the leader
reads is what the file says. Only the layout differs: a page is not A4.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation

from lantoa.core.nd30 import MOTTO, SLOGAN, Heading, Image, OfficialDocument, Para, Table
from lantoa.core.nd30 import date_line as nd30_date_line
from lantoa.reporting.documents import report_document
from lantoa.reporting.models import Report

# Photos above this size are scaled down for the page (the file keeps the original).
PAGE_IMAGE_BYTES = 300_000
PAGE_IMAGE_PX = 1200


@dataclass
class Shown:
    """One block as the page prints it: `kind` is heading, para, table or image."""

    kind: str
    text: str = ""
    level: int = 0
    italic: bool = False
    titles: list[str] = field(default_factory=list)
    table: Table | None = None
    src: str = ""
    width_cm: float = 0.0
    widths: list[str] = field(default_factory=list)  # a table's columns, as the DOCX sets them


@dataclass
class Preview:
    """The blocks of an official document, in the order the DOCX has them."""

    head: list[str]  # issuing body, in capitals (the parent body first, not bold)
    parent_body: str
    number_line: str
    date_line: str
    kind: str
    summary: str
    addressees: list[str]
    opening: list[Shown]
    body: list[Shown]
    recipients: list[str]
    signature: list[str]
    signer_name: str
    annexes: list[Shown]
    motto: str = MOTTO
    slogan: str = SLOGAN


def report_preview(
    report: Report,
    snapshot: dict[str, Any],
    *,
    number: str = "",
    issued_on: dt.date | None = None,
) -> Preview:
    """The report as it would be issued with `number` and `issued_on` (blank: not yet given,
    as the PDF preview prints it)."""
    with translation.override("vi"):
        document = report_document(report, snapshot)
    return document_preview(dataclasses.replace(document, number=number, date=issued_on))


def document_preview(doc: OfficialDocument) -> Preview:
    opening = [Shown("para", text=basis, italic=True) for basis in doc.bases]
    if doc.opening:
        opening.append(Shown("para", text=doc.opening, italic=doc.opening_italic))
    body = [_shown(block) for block in doc.body]
    if doc.closing:
        body.append(Shown("para", text=doc.closing))
    return Preview(
        head=[line.upper() for line in doc.issuing_body],
        parent_body=doc.parent_body.upper(),
        number_line=f"Số: {doc.number or '      ' + doc.number_suffix}",
        date_line=nd30_date_line(doc.place, doc.date),
        kind=doc.kind.upper(),
        summary=doc.summary,
        addressees=_addressees(doc.addressees),
        opening=opening,
        body=body,
        recipients=_recipients(doc),
        signature=[line.upper() for line in doc.signature_authority]
        + ([doc.signature_title.upper()] if doc.signature_title else []),
        signer_name=doc.signature_name,
        annexes=[_shown(annex) for annex in doc.annexes],
    )


def _addressees(names: list[str]) -> list[str]:
    """ "Kính gửi: X." on one line, or "Kính gửi:" and one "- X;" line each (last ".")."""
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    if not names:
        return []
    last = len(names) - 1
    return ["Kính gửi:"] + [f"- {n}{'.' if i == last else ';'}" for i, n in enumerate(names)]


def _recipients(doc: OfficialDocument) -> list[str]:
    lines = [f"- {r};" for r in doc.recipients]
    if doc.paper_recipients:
        lines = ["Gửi bản điện tử:", *lines, "Gửi bản giấy:"] + [
            f"- {r};" for r in doc.paper_recipients
        ]
    return [*lines, f"- {doc.archive}"]


def _shown(block: Any) -> Shown:
    if isinstance(block, Heading):
        text = block.text.upper() if block.level == 1 else block.text
        return Shown("heading", text=text, level=block.level, italic=block.level >= 3)
    if isinstance(block, Para):
        return Shown("para", text=block.text, italic=block.italic)
    if isinstance(block, Image):
        return Shown(
            "image", text=block.caption, src=_data_uri(block.data), width_cm=block.width_cm
        )
    if isinstance(block, Table):
        titles = block.title.split("\n") if block.title else []
        total = sum(block.widths_cm)
        widths = [f"{100 * w / total:.1f}%" for w in block.widths_cm] if total else []
        return Shown("table", titles=titles, table=block, widths=widths)
    raise TypeError(type(block).__name__)


def _data_uri(data: bytes) -> str:
    """The picture inline (the page's CSP allows data: images), a large photo scaled down."""
    kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
    scaled = _scaled(data) if len(data) > PAGE_IMAGE_BYTES else None
    if scaled is not None:
        data, kind = scaled, "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _scaled(data: bytes) -> bytes | None:
    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            picture.thumbnail((PAGE_IMAGE_PX, PAGE_IMAGE_PX))
            out = io.BytesIO()
            picture.convert("RGB").save(out, "JPEG", quality=80)
            return out.getvalue()
    except OSError:
        return None  # not a picture Pillow reads: shown as it is
