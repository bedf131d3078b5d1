"""Benchmark: importing a 5,000-row roster (issue 2, item 5: goal under 5 s)."""

from __future__ import annotations

import datetime as dt
import io
import random
import time

from django.db import transaction
from openpyxl import Workbook

from lantoa.core.numbers import format_number
from lantoa.org.models import Unit
from lantoa.org.roster import parse_roster
from lantoa.org.roster_columns import COLUMNS
from lantoa.org.roster_import import roster_import_apply
from lantoa.org.services import unit_create

ROWS = 5_000
REPEAT = 5


def _ward() -> tuple[Unit, dict[str, Unit]]:
    ward = unit_create(
        actor=None, code="BENCH", name="UBND phường Thử", kind=Unit.Kind.PEOPLE_COMMITTEE
    )
    schools = {
        f"BENCH-S{i:02d}": unit_create(
            actor=None,
            code=f"BENCH-S{i:02d}",
            name=f"Trường Thử {i}",
            kind=Unit.Kind.SCHOOL,
            school_level="primary",
            parent=ward,
        )
        for i in range(20)
    }
    return ward, schools


def roster_xlsx(codes: list[str], rows: int = ROWS, seed: int = 5000) -> bytes:
    rng = random.Random(seed)  # noqa: S311
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Nông", "Đặng", "Bế", "Triệu"]
    middle = ["Thị", "Văn", "Minh", "Thu", "Đức", "Ngọc", "Hồng", "Quang"]
    given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hạnh", "Hùng", "Lan", "Mai", "Sơn", "Yến"]
    seen: set[tuple[str, dt.date]] = set()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["STT", *[str(c.label) for c in COLUMNS]])
    for n in range(1, rows + 1):
        while True:
            name = f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}"
            birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 14_000))
            if (name, birth) not in seen:
                seen.add((name, birth))
                break
        sheet.append(
            [
                n,
                name,
                "Nữ",
                birth.strftime("%d/%m/%Y"),
                rng.choice(codes),
                "Giáo viên",
                "Giáo viên",
                f"09{rng.randint(10_000_000, 99_999_999)}",
                f"gv{n}@truong.edu.vn",
                "01/09/2025",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _one_run() -> tuple[float, float, float]:
    """Check only; first import of 5,000 new people; the same file again. Rolled back."""
    with transaction.atomic():
        _ward_unit, schools = _ward()
        content = roster_xlsx(list(schools))
        start = time.perf_counter()
        parsed = parse_roster(content, "bench.xlsx", units=schools)
        checked = time.perf_counter()
        if parsed.errors or len(parsed.rows) != ROWS:
            raise RuntimeError(f"bench file does not import cleanly: {parsed.errors[:3]}")
        roster_import_apply(actor=None, rows=parsed.rows, units=schools)
        first_done = time.perf_counter()
        again = parse_roster(content, "bench.xlsx", units=schools)
        roster_import_apply(actor=None, rows=again.rows, units=schools)
        again_done = time.perf_counter()
        transaction.set_rollback(True)
    return checked - start, first_done - start, again_done - first_done


def run() -> list[tuple[str, list[float]]]:
    """REPEAT runs of each measurement, each on a fresh (rolled back) ward."""
    runs = [_one_run() for _ in range(REPEAT)]
    rows = format_number(ROWS)
    return [
        (f"Kiểm tra {rows} dòng XLSX", [r[0] for r in runs]),
        (f"Nhập {rows} người mới (kiểm tra + lưu)", [r[1] for r in runs]),
        ("Nhập lại cùng tệp (không đổi gì)", [r[2] for r in runs]),
    ]
