"""`lantoa generate_synthetic --scale ward|province|nation [--seed N] [--province CODE]`:
realistic volumes from the real division list, with a progress bar (issue 4, item 5)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lantoa.core.numbers import format_number
from lantoa.demo.synthetic import SCALES, generate


class Command(BaseCommand):
    help = "Sinh dữ liệu tổng hợp ở quy mô phường, tỉnh hoặc cả nước (tái lập được theo --seed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), required=True)
        parser.add_argument("--seed", type=int, default=71, help="cùng số, cùng dữ liệu")
        parser.add_argument(
            "--province", default="19", help="mã tỉnh lấy các xã, phường (mặc định 19 Thái Nguyên)"
        )

    def handle(self, *args: Any, scale: str, seed: int, province: str, **options: Any) -> None:
        started = time.perf_counter()
        counts = generate(scale, seed=seed, province_code=province, stream=self.stderr)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            "Đã sinh: "
            + "; ".join(f"{format_number(n)} {LABELS[k]}" for k, n in counts.items())
            + f" trong {elapsed:.0f} s."
        )


LABELS = {
    "units": "đơn vị",
    "people": "người",
    "plans": "kế hoạch",
    "activities": "hoạt động",
    "attendance": "lượt dự",
    "reports": "báo cáo",
}
