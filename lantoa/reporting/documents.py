"""A report as the documents that leave the office (issue 5, item 5): DOCX in the Nghị định 30
layout (through `core.nd30`), PDF converted from that DOCX by LibreOffice, XLSX of the numbers.

Every builder takes a snapshot (`content.collect`), so a frozen version prints exactly what was
submitted and a draft prints what the record says now.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from lantoa.activities.models import ActivityEvidence
from lantoa.core.charts import BarChart
from lantoa.core.dates import format_vn_date
from lantoa.core.nd30 import Heading, Image, OfficialDocument, Para, Table
from lantoa.core.numbers import format_number, format_percent
from lantoa.core.pdf import docx_to_pdf
from lantoa.core.spreadsheet import row_append
from lantoa.core.text import fold
from lantoa.org.models import Unit
from lantoa.org.selectors import signer_of
from lantoa.plans.documents import issuing_blocks, place_name
from lantoa.plans.models import TaskOccurrence
from lantoa.reporting.content import plan_reference
from lantoa.reporting.models import Report

EMPTY = "(Chưa có nội dung.)"


def _n(value: int) -> str:
    return format_number(value, places=0)


def _vn(iso: str) -> str:
    return format_vn_date(dt.date.fromisoformat(iso))


def _paragraphs(text: str) -> list[Para]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [Para(line) for line in lines] or [Para(EMPTY, italic=True)]


def report_document(report: Report, snapshot: dict[str, Any]) -> OfficialDocument:
    """The report's blocks in the customary outline (reference/reporting-regime.md): I
    direction, II results, III shortcomings, IV next tasks, V proposals."""
    unit: Unit = report.unit
    ward = unit.is_ward_root
    narrative = snapshot["narrative"]
    body: list[Any] = [
        Heading("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI"),
        *_paragraphs(narrative.get("direction", "")),
        Para(_task_sentence(snapshot["tasks"])),
        *_results_section(report, snapshot),
        Heading("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"),
        *_paragraphs(narrative.get("shortcomings", "")),
        Heading("Khó khăn, vướng mắc", level=2),
        *_paragraphs(narrative.get("difficulties", "")),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
        *_paragraphs(narrative.get("next_tasks", "")),
        Heading("V. ĐỀ XUẤT, KIẾN NGHỊ"),
        *_paragraphs(narrative.get("proposals", "")),
    ]
    issuing, parent = issuing_blocks(unit)
    head_title, head_name = signer_of(unit)
    return OfficialDocument(
        issuing_body=issuing,
        parent_body=parent,
        kind="BÁO CÁO",
        summary=_report_summary(report, snapshot),
        addressees=[report.recipient.name],
        number=report.number,
        number_suffix=f"/BC-{unit.document_symbol}",
        place=place_name(unit),
        date=report.issued_on,
        opening=_opening(report, snapshot),
        opening_italic=False,
        body=body,
        recipients=["Như trên", *(["Lãnh đạo UBND phường"] if ward else [])],
        archive="Lưu: VT, VHXH." if ward else "Lưu: VT.",
        signature_authority=[a for a in report.signer_authority.split("\n") if a.strip()]
        if ward
        else [],
        signature_title=report.signer_title if ward else head_title,
        signature_name=report.signer_name if ward else head_name,
        annexes=_annexes(snapshot),
    )


def _window(snapshot: dict[str, Any]) -> str:
    return _("từ ngày %(start)s đến ngày %(end)s") % {
        "start": _vn(snapshot["start"]),
        "end": _vn(snapshot["end"]),
    }


def _opening(report: Report, snapshot: dict[str, Any]) -> str:
    """ "Thực hiện Kế hoạch số … , <unit> báo cáo kết quả <period> (số liệu …) như sau:"."""
    window = _window(snapshot)
    name = report.unit.name
    if report.kind == Report.Kind.PERIODIC:
        opening = f"{name} báo cáo kết quả {snapshot['period_label']} (số liệu {window}) như sau:"
    else:
        what = "sơ kết" if report.kind == Report.Kind.INTERIM_REVIEW else "tổng kết"
        opening = f"{name} báo cáo {what} giai đoạn {window} như sau:"
    plan = _plan_of(report, snapshot)
    if plan is not None:
        dated = f" ngày {_vn(plan['date'])}" if plan["date"] else ""
        issuer = f" của {plan['issuer']}" if plan.get("issuer") else ""
        opening = (
            f"Thực hiện {plan['kind']} số {plan['number']}{dated}{issuer} "
            f"{_lower_first(plan['title'])}, " + opening
        )
    return opening


# A numbered part of section II: its title and blocks, or None when it has nothing to say.
Part = tuple[str, list[Any]] | None


def _results_section(report: Report, snapshot: dict[str, Any]) -> list[Any]:
    """II. Results: the parts that apply, numbered in order, then the general assessment."""
    ward = report.unit.is_ward_root
    parts: list[Part] = [
        _targets_part(report, snapshot) if ward else None,
        _by_period_part(snapshot),
        _activities_part(snapshot, ward=ward),
        ("Phổ biến, quán triệt", [Para(coverage_sentence(snapshot))]),
        _units_part(snapshot) if ward else None,
        _highlights_part(snapshot),
    ]
    body: list[Any] = [Heading("II. KẾT QUẢ THỰC HIỆN")]
    present = [part for part in parts if part is not None]
    for number, (title, blocks) in enumerate(present, start=1):
        body.append(Heading(f"{number}. {title}", level=2))
        body += blocks
    results = snapshot["narrative"].get("results", "")
    if results.strip():
        body.append(Heading("Đánh giá chung", level=3))
        body += _paragraphs(results)
    return body


def _targets_part(report: Report, snapshot: dict[str, Any]) -> Part:
    if not snapshot.get("targets"):
        return None
    plan = _plan_of(report, snapshot)
    of_plan = f" của {plan['kind']} số {plan['number']}" if plan and plan["number"] else ""
    table = Table(
        header=["STT", "Chỉ tiêu", "Kết quả", "Tình trạng"],
        rows=[
            [str(i), t["text"], t["actual"], t["status"]]
            for i, t in enumerate(snapshot["targets"], start=1)
        ],
        widths_cm=[1.2, 8.3, 3.5, 3.0],
    )
    return f"Kết quả thực hiện các chỉ tiêu{of_plan}", [table]


def _by_period_part(snapshot: dict[str, Any]) -> Part:
    if not snapshot.get("by_period"):
        return None
    table = Table(
        header=["STT", "Kỳ", "Số hoạt động", "Lượt người tham dự"],
        rows=[
            [str(i), row["label"], _n(row["count"]), _n(row["participants"])]
            for i, row in enumerate(snapshot["by_period"], start=1)
        ],
        widths_cm=[1.2, 8.3, 3.0, 3.5],
        numeric=(2, 3),
    )
    return "Kết quả qua các kỳ", [table]


def _activities_part(snapshot: dict[str, Any], *, ward: bool) -> Part:
    stats = snapshot["activities"]
    blocks: list[Any] = [
        Para(
            f"Trong kỳ ({_window(snapshot)}), {'trên địa bàn ' if ward else ''}đã tổ chức "
            f"{_n(stats['count'])} hoạt động tuyên truyền với {_n(stats['participants'])} lượt "
            f"người tham dự và {_n(stats['reach'])} lượt tiếp cận qua các kênh thông tin."
        )
    ]
    if stats["by_kind"]:
        blocks.append(_kind_table(stats))
        blocks.append(Image(_kind_chart(stats).png(dpi=200), width_cm=15.5))  # 7.5 × 3.2 in
    return "Hoạt động tuyên truyền", blocks


def _units_part(snapshot: dict[str, Any]) -> Part:
    if snapshot["unit_reports"]:
        return "Kết quả của các đơn vị", [_unit_reports_table(snapshot["unit_reports"])]
    return "Kết quả của các đơn vị", [
        Para("Chưa có báo cáo nào của các đơn vị được tiếp nhận trong kỳ.")
    ]


def _highlights_part(snapshot: dict[str, Any]) -> Part:
    if not snapshot["highlights"]:
        return None
    blocks: list[Any] = []
    for item in snapshot["highlights"]:
        blocks.append(
            Para(
                f"- {item['title']} ({item['unit']}, ngày {_vn(item['date'])}, "
                f"{_n(item['participants'])} người tham dự)."
            )
        )
        photo = _photo(item.get("photo"))
        if photo:
            blocks.append(Image(photo, width_cm=9, caption=item["title"]))
    return "Hoạt động tiêu biểu", blocks


def coverage_sentence(snapshot: dict[str, Any]) -> str:
    """The briefing figure in words, naming the target it counts for (its people are that
    target's groups, not everyone on the roster)."""
    coverage = snapshot["coverage"]
    if not coverage.get("target") and "target" in coverage:
        return "Kế hoạch được báo cáo không có chỉ tiêu phổ biến, quán triệt để tính tỷ lệ."
    share = format_percent(coverage["briefed"], coverage["people"])
    counted = (
        f"thuộc đối tượng của chỉ tiêu «{coverage['target'].rstrip('.;')}»"
        if coverage.get("target")
        else "cán bộ, giáo viên, người lao động"
    )
    return (
        f"Đến ngày {_vn(snapshot['end'])}, {_n(coverage['briefed'])}/{_n(coverage['people'])} "
        f"người ({share}) {counted} đã được phổ biến, quán triệt."
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _plan_of(report: Report, snapshot: dict[str, Any]) -> dict[str, Any] | None:
    """The plan the report is on, as the snapshot froze it (older snapshots: the report's)."""
    plan = snapshot.get("plan") if "plan" in snapshot else plan_reference(report.plan)
    if plan is not None and "issuer" not in plan and report.plan is not None:
        plan = {**plan, "issuer": report.plan.issuer.name}
    return plan


def _report_summary(report: Report, snapshot: dict[str, Any]) -> str:
    prefix: str = {
        str(Report.Kind.INTERIM_REVIEW): "Sơ kết",
        str(Report.Kind.FINAL_REVIEW): "Tổng kết",
    }.get(report.kind, "Kết quả")
    plan = _plan_of(report, snapshot)
    subject = (
        f"thực hiện {plan['kind']} {_lower_first(plan['title'])}"
        if plan is not None
        else "công tác truyền thông"
    )
    if report.kind != Report.Kind.PERIODIC:
        return f"{prefix} {subject} giai đoạn {snapshot['period_label']}"
    return f"{prefix} {subject} {snapshot['period_label']}"


def _task_sentence(tasks: dict[str, int]) -> str:
    total = sum(tasks.values())
    if not total:
        return "Trong kỳ báo cáo không có kỳ nhiệm vụ nào đến hạn."
    labels = dict(TaskOccurrence.Bucket.choices)
    parts = [f"{_n(tasks[k])} {str(labels[k]).lower()}" for k in TaskOccurrence.Bucket.values]
    return f"Trong kỳ báo cáo có {_n(total)} kỳ nhiệm vụ đến hạn: " + "; ".join(parts) + "."


def _kind_table(stats: dict[str, Any]) -> Table:
    rows = [
        [str(i), row["name"], _n(row["count"]), _n(row["participants"])]
        for i, row in enumerate(stats["by_kind"], start=1)
    ]
    rows.append(["", "Tổng cộng", _n(stats["count"]), _n(stats["participants"])])
    return Table(
        header=["STT", "Hình thức", "Số hoạt động", "Lượt người tham dự"],
        rows=rows,
        widths_cm=[1.2, 8.3, 3.0, 3.5],
        numeric=(2, 3),
    )


def _kind_chart(stats: dict[str, Any]) -> BarChart:
    names = tuple(row["name"] for row in stats["by_kind"])
    counts = tuple(row["count"] for row in stats["by_kind"])
    return BarChart(
        "Số hoạt động theo hình thức", names, (("Số hoạt động", counts),), horizontal=True
    )


def _unit_reports_table(rows: list[dict[str, Any]]) -> Table:
    return Table(
        header=["STT", "Đơn vị", "Kỳ báo cáo", "Số hoạt động", "Lượt người tham dự", "Quán triệt"],
        rows=[
            [
                str(i),
                row["name"],
                ", ".join(row["periods"]),
                _n(row["activities"]),
                _n(row["participants"]),
                f"{_n(row['briefed'])}/{_n(row['people'])}" if row["people"] else "—",
            ]
            for i, row in enumerate(rows, start=1)
        ],
        widths_cm=[1.2, 4.8, 3.0, 2.2, 2.6, 2.2],
        numeric=(3, 4, 5),
    )


def _annexes(snapshot: dict[str, Any]) -> list[Table]:
    stats = snapshot["activities"]
    annexes = []
    if snapshot.get("by_unit"):
        annexes.append(
            Table(
                title="PHỤ LỤC 01\nTHỐNG KÊ HOẠT ĐỘNG TUYÊN TRUYỀN THEO ĐƠN VỊ",
                header=["STT", "Đơn vị", "Số hoạt động", "Lượt người tham dự"],
                rows=[
                    [str(i), row["name"], _n(row["count"]), _n(row["participants"])]
                    for i, row in enumerate(snapshot["by_unit"], start=1)
                ],
                widths_cm=[1.5, 14.7, 4.0, 5.0],
                numeric=(2, 3),
            )
        )
    number = len(annexes) + 1
    annexes.append(
        Table(
            title=f"PHỤ LỤC {number:02d}\nTHỐNG KÊ HOẠT ĐỘNG THEO KÊNH VÀ THEO ĐỐI TƯỢNG",
            header=["STT", "Kênh / đối tượng", "Số hoạt động", "Lượt tiếp cận / tham dự"],
            rows=[
                [str(i), f"Kênh: {row['name']}", _n(row["count"]), _n(row["reach"])]
                for i, row in enumerate(stats["by_channel"], start=1)
            ]
            + [
                [
                    str(i),
                    f"Đối tượng: {row['name']}",
                    _n(row["count"]),
                    _n(row["participants"]),
                ]
                for i, row in enumerate(stats["by_audience"], start=len(stats["by_channel"]) + 1)
            ],
            widths_cm=[1.5, 14.7, 4.0, 5.0],
            numeric=(2, 3),
        )
    )
    return annexes


def _photo(evidence_id: int | None) -> bytes | None:
    if not evidence_id:
        return None
    evidence = ActivityEvidence.objects.filter(pk=evidence_id).first()
    if evidence is None:
        return None
    try:
        with evidence.file.open("rb") as handle:
            return handle.read()
    except OSError:
        return None  # the file is gone from storage: the report prints without it


def report_docx(report: Report, snapshot: dict[str, Any]) -> bytes:
    from lantoa.core.nd30_docx import build_docx  # python-docx loads with the first document

    return build_docx(report_document(report, snapshot))


def report_xlsx(report: Report, snapshot: dict[str, Any]) -> bytes:
    """The report's numbers, one sheet per table, for whoever aggregates them further."""
    from openpyxl import Workbook

    workbook = Workbook()
    _summary_sheet(workbook.active, snapshot)
    for title, header, rows in _xlsx_tables(snapshot):
        _table_sheet(workbook.create_sheet(title), header, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _summary_sheet(summary: Any, snapshot: dict[str, Any]) -> None:
    """ "Tổng hợp": the headline figures, then the periods of tasks by bucket."""
    from openpyxl.styles import Font

    stats, coverage = snapshot["activities"], snapshot["coverage"]
    summary.title = "Tổng hợp"
    for label, value in [
        ("Đơn vị", snapshot["unit"]["name"]),
        ("Kỳ báo cáo", snapshot["period_label"]),
        ("Số liệu từ ngày", _vn(snapshot["start"])),
        ("Đến ngày", _vn(snapshot["end"])),
        ("Số hoạt động", stats["count"]),
        ("Lượt người tham dự", stats["participants"]),
        ("Lượt tiếp cận", stats["reach"]),
        ("Người được phổ biến, quán triệt", coverage["briefed"]),
        ("Tổng số thuộc đối tượng phải được phổ biến, quán triệt", coverage["people"]),
    ]:
        row_append(summary, [label, value])
        summary.cell(summary.max_row, 1).font = Font(bold=True)
    summary.column_dimensions["A"].width = 44
    summary.column_dimensions["B"].width = 40
    labels = dict(TaskOccurrence.Bucket.choices)
    for key, count in snapshot["tasks"].items():
        row_append(summary, [f"Kỳ nhiệm vụ: {labels[key]}", count])


def _xlsx_tables(snapshot: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet title, header, rows) of each table the report has."""
    stats = snapshot["activities"]
    participants = ["Số hoạt động", "Lượt người tham dự"]
    tables = [
        (
            "Theo hình thức",
            ["Hình thức", *participants],
            [[r["name"], r["count"], r["participants"]] for r in stats["by_kind"]],
        ),
        (
            "Theo kênh",
            ["Kênh", "Số hoạt động", "Lượt tiếp cận"],
            [[r["name"], r["count"], r["reach"]] for r in stats["by_channel"]],
        ),
        (
            "Theo đối tượng",
            ["Đối tượng", *participants],
            [[r["name"], r["count"], r["participants"]] for r in stats["by_audience"]],
        ),
    ]
    if snapshot.get("by_unit"):
        rows = [[r["name"], r["count"], r["participants"]] for r in snapshot["by_unit"]]
        tables.append(("Theo đơn vị", ["Đơn vị", *participants], rows))
    if snapshot.get("targets"):
        rows = [
            [t["text"], t["actual"], t["status"], t["numerator"], t["denominator"]]
            for t in snapshot["targets"]
        ]
        tables.append(
            ("Chỉ tiêu", ["Chỉ tiêu", "Kết quả", "Tình trạng", "Đạt", "Trên tổng số"], rows)
        )
    return tables


def _table_sheet(ws: Any, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font

    row_append(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        row_append(ws, row)
    for column, width in zip("ABCDEFG", [40, 16, 18, 16, 16, 16, 16], strict=False):
        ws.column_dimensions[column].width = width


FORMATS = {"docx", "pdf", "xlsx"}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(report: Report, snapshot: dict[str, Any], fmt: str) -> bytes:
    """One builder for the pages, the downloads and `lantoa build_report`; official documents
    are in Vietnamese whatever the reader's language."""
    with translation.override("vi"):
        if fmt == "xlsx":
            return report_xlsx(report, snapshot)
        docx = report_docx(report, snapshot)
    return docx_to_pdf(docx) if fmt == "pdf" else docx


def filename(report: Report, fmt: str) -> str:
    code = report.unit.code.replace("/", "-")
    period = report.period or f"{report.start:%Y%m%d}-{report.end:%Y%m%d}"
    return f"bao-cao-{fold(code)}-{period}.{fmt}"
