"""The one builder of official documents in the Nghị định 30/2020/NĐ-CP layout (DESIGN.md,
reference/nd30-documents.md): A4, Times New Roman, the issuing-body and national-motto blocks,
number and date line, kind and summary, body, signature block and "Nơi nhận".

Pure: it takes a `OfficialDocument` and returns DOCX bytes; no request or model imports.
Plans (issue 3) and reports (issue 5) both go through here. The document's blocks live here;
the writer is `core.nd30_docx.build_docx`, imported where a document is built so python-docx
loads with the first document, not with every command (issue 11, item 7).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FONT = "Times New Roman"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"
BODY_PT = 14


@dataclass
class Heading:
    text: str
    level: int = (
        1  # 1: "I. MỤC TIÊU" (capitals, bold); 2: "1. ..." (bold); 3: "2.1. ..." (bold italic)
    )


@dataclass
class Para:
    text: str
    italic: bool = False


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_cm: list[float] = field(default_factory=list)
    title: str = ""
    numeric: tuple[int, ...] = ()  # columns of numbers, aligned right


@dataclass
class Image:
    """A chart or photo, centred, with an optional italic caption under it."""

    data: bytes
    width_cm: float = 15.0
    caption: str = ""


Block = Heading | Para | Table | Image


@dataclass
class OfficialDocument:
    issuing_body: list[str]  # ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẮC KẠN"]
    kind: str  # "KẾ HOẠCH"
    summary: str
    addressees: list[str] = field(default_factory=list)  # "Kính gửi:" (reports sent upward)
    number: str = ""  # "12/KH-UBND"; blank leaves "Số:      /KH-UBND" to fill in
    number_suffix: str = ""  # "/KH-UBND" when the number is not given yet
    place: str = ""
    date: dt.date | None = None
    parent_body: str = ""  # "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" above the body, not bold
    bases: list[str] = field(default_factory=list)  # "Căn cứ ..." lines, italic
    opening: str = ""  # "Ủy ban nhân dân phường ... ban hành Kế hoạch ... như sau:"
    opening_italic: bool = True  # a plan's opening is italic; a report's "Thực hiện ..." is not
    body: list[Block] = field(default_factory=list)
    closing: str = ""  # "Trên đây là Kế hoạch ..."
    recipients: list[str] = field(default_factory=list)  # "- Sở GD&ĐT;" lines, without the dash
    paper_recipients: list[str] = field(default_factory=list)  # sent on paper (tổ dân phố)
    archive: str = "Lưu: VT."
    signature_authority: list[str] = field(default_factory=list)  # ["KT. CHỦ TỊCH"]
    signature_title: str = ""
    signature_name: str = ""
    annexes: list[Table] = field(default_factory=list)


def date_line(place: str, date: dt.date | None) -> str:
    """ "Bắc Kạn, ngày 05 tháng 01 năm 2026": day < 10 and months 1–2 with a leading 0."""
    if date is None:
        return f"{place}, ngày      tháng      năm {dt.date.today().year}"  # noqa: DTZ011
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"
