"""`lantoa show_targets --unit CODE [--at YYYY-MM-DD] [--json]`: each target a unit answers
for, with its indicator kind, value, target, status and the size of its "missing" list
(issue 4, item 6). Reads only."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lantoa.indicators.selectors import readings_for
from lantoa.org.models import Unit


class Command(BaseCommand):
    help = "In các chỉ tiêu của một đơn vị với giá trị, tình trạng và số còn thiếu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ 01843")
        parser.add_argument("--at", help="tính đến ngày YYYY-MM-DD (mặc định: hôm nay)")
        parser.add_argument("--json", action="store_true", help="in một mảng JSON")

    def handle(self, *args: Any, unit: str, at: str | None, json: bool, **options: Any) -> None:
        try:
            found = Unit.objects.get(code=unit)
        except Unit.DoesNotExist:
            self.stderr.write(f"Không có đơn vị mã «{unit}».")
            sys.exit(2)
        try:
            day = dt.date.fromisoformat(at) if at else None
        except ValueError:
            self.stderr.write(f"Ngày «{at}» không đúng dạng YYYY-MM-DD (ví dụ 2026-11-26).")
            sys.exit(2)
        rows = [_row(r) for r in readings_for(found, at=day)]
        if json:
            self.stdout.write(_dumps(rows))
            return
        for row in rows:
            self.stdout.write(
                f"[{row['status_label']}] {row['actual']} / {row['goal']} — {row['text'][:90]}"
            )


def _row(row: Any) -> dict[str, Any]:
    reading = row.reading
    return {
        "plan": str(row.target.plan.number or row.target.plan.title),
        "phase": row.target.phase.label if row.target.phase else None,
        "target_id": row.target.pk,
        "text": row.target.text,
        "kind": reading.kind,
        "confirmed": row.target.indicator.confirmed,
        "within": row.within.code if row.within else None,
        "value": _number(reading.percent),
        "numerator": reading.numerator,
        "denominator": reading.denominator,
        "target": _number(reading.goal),
        "projection": _number(reading.projection),
        "status": reading.status,
        "status_label": reading.status_label,
        "missing": reading.missing_count,
        "actual": reading.actual_text,
        "goal": reading.goal_text,
        "at": reading.window.at.isoformat(),
    }


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
