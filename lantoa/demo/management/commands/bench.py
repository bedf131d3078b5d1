"""`lantoa bench [--only roster|dashboard|reports|hostile|importer]`: run the benchmarks the issues name and write their
sections of docs/performance.md."""

import datetime as dt
import platform
import statistics
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from lantoa.demo.bench import dashboard, hostile, importer, reports, roster

DOC = Path(settings.PROJECT_DIR) / "docs" / "performance.md"
BEGIN = "<!-- bench:{name}:{vendor} -->"
END = "<!-- /bench:{name}:{vendor} -->"


class Command(BaseCommand):
    help = "Chạy các phép đo hiệu năng và ghi kết quả vào docs/performance.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-write", action="store_true", help="chỉ in, không ghi tệp")
        parser.add_argument(
            "--only",
            choices=["roster", "dashboard", "reports", "hostile", "importer"],
            help="chỉ một phép đo",
        )

    def handle(
        self, *args: Any, no_write: bool = False, only: str | None = None, **options: Any
    ) -> None:
        vendor = connection.vendor
        blocks = {}
        if only in (None, "roster"):
            rows = roster.run()
            blocks["roster"] = _table(vendor, rows, "lớn nhất", max, _seconds)
        if only in (None, "dashboard"):
            data, rows, queries = dashboard.run()
            table = _table(vendor, rows, "bách phân vị 95", dashboard.p95, _millis)
            blocks["dashboard"] = (
                f"Dữ liệu: {data}.\n\n{table}\n\nSố truy vấn của trang: {queries}."
            )
        if only in (None, "reports"):
            data, rows, queries = reports.run()
            table = _table(vendor, rows, "bách phân vị 95", dashboard.p95, _millis)
            blocks["reports"] = (
                f"Dữ liệu: {data}.\n\n{table}\n\nSố truy vấn của trang tình hình nộp: {queries}."
            )
        if only in (None, "hostile") and vendor == "sqlite":  # no database work: measured once
            blocks["hostile"] = _hostile_table(hostile.run())
        if only in (None, "importer") and vendor == "sqlite":  # no database work: measured once
            data, rows = importer.run()
            table = _table(vendor, rows, "lớn nhất", max, _seconds)
            blocks["importer"] = f"Dữ liệu: {data}.\n\n{table}\n\n{importer.score_table()}"
        for name, block in blocks.items():
            self.stdout.write(block)
            if not no_write:
                _write_section(DOC, name, vendor, block)


def _table(vendor: str, rows: list, spread: str, measure: Any, fmt: Any) -> str:
    lines = [
        f"Đo ngày {dt.date.today():%d/%m/%Y} trên {platform.machine()}, "  # noqa: DTZ011
        f"Python {platform.python_version()}, {vendor}; "
        f"trung vị (median) và {spread} của {len(rows[0][1])} lần chạy.",
        "",
        f"| phép đo | trung vị | {spread} |",
        "|---|---:|---:|",
    ]
    for label, values in rows:
        lines.append(f"| {label} | {fmt(statistics.median(values))} | {fmt(measure(values))} |")
    return "\n".join(lines)


def _hostile_table(results: list[tuple[str, int, list[dict[str, Any]]]]) -> str:
    lines = [
        f"Đo ngày {dt.date.today():%d/%m/%Y} trên {platform.machine()}, "  # noqa: DTZ011
        f"Python {platform.python_version()}; mỗi lần đọc trong một tiến trình Python mới "
        f"(đã nạp Django); trung vị thời gian đọc và bộ nhớ cao nhất của cả tiến trình, "
        f"{hostile.REPEAT} lần chạy.",
        "",
        "| tệp | kích thước | kết quả | thời gian (trung vị) | bộ nhớ tiến trình (cao nhất) |",
        "|---|---:|---|---:|---:|",
    ]
    outcomes = {"refused": "từ chối", "read": "đọc trong giới hạn"}
    for label, size, runs in results:
        seconds = statistics.median(float(r["seconds"]) for r in runs)
        peak = max(float(r["rss_mb"]) for r in runs)
        lines.append(
            f"| {label} | {size / 1024:.0f} KB | {outcomes[str(runs[0]['outcome'])]} "
            f"| {_seconds(seconds)} | {peak:.0f} MB |"
        )
    return "\n".join(lines)


def _seconds(value: float) -> str:
    return f"{value:.2f} s".replace(".", ",")  # Vietnamese decimal comma


def _millis(value: float) -> str:
    return f"{value * 1000:.0f} ms"


def _write_section(path: Path, name: str, vendor: str, block: str) -> None:
    begin, end = BEGIN.format(name=name, vendor=vendor), END.format(name=name, vendor=vendor)
    text = path.read_text() if path.exists() else "# Hiệu năng — Performance\n"
    section = f"{begin}\n{block}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _old, tail = rest.split(end, 1)
        text = head + section + tail
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)
