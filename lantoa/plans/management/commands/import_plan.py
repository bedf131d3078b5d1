"""`lantoa import_plan FILE --json`: what the importer reads from a plan, as JSON (P2).

Changes nothing in the database. Exit code 2 (with a Vietnamese message) when the file cannot
be read as a plan.
"""

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lantoa.plans.parsing import DocumentError, parse_document


class Command(BaseCommand):
    help = "Đọc một văn bản kế hoạch (.txt, .docx, .pdf) và in ra cấu trúc đọc được."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")

    def handle(self, *args: Any, file: str, json: bool = False, **options: Any) -> None:
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError:
            self.stderr.write(f"Không mở được tệp «{file}».")
            sys.exit(2)
        try:
            plan = parse_document(content, path.name)
        except DocumentError as exc:
            self.stderr.write(str(exc))
            sys.exit(2)
        data = plan.as_json()
        if json:
            self.stdout.write(_dumps(data))
            return
        self.stdout.write(f"{data['document_kind'] or '?'}: {data['title']}")
        for warning in data["warnings"]:
            self.stdout.write(f"  ! {warning['message']}")


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
