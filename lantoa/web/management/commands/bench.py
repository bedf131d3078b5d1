"""`lantoa bench`: run the benchmarks the issues name and write docs/performance.md."""

import datetime as dt
import platform
import statistics
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from lantoa.web.bench import roster

DOC = Path(settings.PROJECT_DIR) / "docs" / "performance.md"
BEGIN = "<!-- bench:{name}:{vendor} -->"
END = "<!-- /bench:{name}:{vendor} -->"


class Command(BaseCommand):
    help = "Chạy các phép đo hiệu năng và ghi kết quả vào docs/performance.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-write", action="store_true", help="chỉ in, không ghi tệp")

    def handle(self, *args: Any, no_write: bool = False, **options: Any) -> None:
        vendor = connection.vendor
        rows = roster.run()
        lines = [
            f"Đo ngày {dt.date.today():%d/%m/%Y} trên {platform.machine()}, "  # noqa: DTZ011
            f"Python {platform.python_version()}, {vendor}; "
            f"trung vị (median) và lớn nhất của {len(rows[0][1])} lần chạy.",
            "",
            "| phép đo | trung vị | lớn nhất |",
            "|---|---:|---:|",
        ]
        for label, values in rows:
            lines.append(
                f"| {label} | {_seconds(statistics.median(values))} | {_seconds(max(values))} |"
            )
        block = "\n".join(lines)
        self.stdout.write(block)
        if not no_write:
            _write_section(DOC, "roster", vendor, block)


def _seconds(value: float) -> str:
    return f"{value:.2f} s".replace(".", ",")  # Vietnamese decimal comma


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
