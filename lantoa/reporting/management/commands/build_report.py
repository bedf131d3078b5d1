"""`lantoa build_report --unit 01843 --period 2026-Q3 --out baocao.docx` (issue 5, item 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.core.pdf import PdfUnavailable
from lantoa.org.models import Unit
from lantoa.reporting import documents, selectors
from lantoa.reporting.periods import ReportingPeriod


class Command(BaseCommand):
    help = "Xuất báo cáo của một đơn vị cho một kỳ ra DOCX, PDF hoặc XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ 01843")
        parser.add_argument("--period", required=True, help="2026, 2026-H1, 2026-Q3 hoặc 2026-09")
        parser.add_argument("--out", required=True, help="tệp .docx, .pdf hoặc .xlsx")

    def handle(self, *args: Any, **options: Any) -> None:
        unit = Unit.objects.filter(code=options["unit"].strip()).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        try:
            key = ReportingPeriod.parse(options["period"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        out = Path(options["out"])
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in documents.FORMATS:
            raise CommandError("Tệp ra phải có đuôi .docx, .pdf hoặc .xlsx.")
        report = selectors.report_for_period(unit, key)
        try:
            data = documents.render(report, selectors.latest_snapshot(report), fmt)
        except PdfUnavailable as exc:
            raise CommandError(str(exc)) from None
        out.write_bytes(data)
        self.stdout.write(f"Đã ghi {out} ({len(data):,} byte): {unit.name}, {report.period_label}.")
