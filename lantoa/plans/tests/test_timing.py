"""Deadlines in words become a due date or a recurrence where they can (issue 13, item 6)."""

import datetime as dt

import pytest

from lantoa.plans.timing import read_timing

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "due", "recurrence"),
    [
        ("Thường xuyên", None, None, "continuous"),
        ("Hằng năm", None, None, "yearly"),
        ("Quý IV/2025", None, D(2025, 12, 31), "once"),
        ("Trước ngày 30/11/2025", None, D(2025, 11, 30), "once"),
        ("Hoàn thành trong năm 2025", None, D(2025, 12, 31), "once"),
        ("Giai đoạn 2026-2030", D(2026, 1, 1), D(2030, 12, 31), "yearly"),
        ("Năm học 2025 - 2026", D(2025, 9, 5), D(2026, 5, 31), "once"),
        ("Hằng tuần", None, None, "continuous"),
        ("Định kỳ 6 tháng", None, None, "half_yearly"),
        ("Theo lộ trình, hướng dẫn của Bộ, ngành", None, None, ""),
    ],
)
def test_deadlines_in_words(text, start, due, recurrence):
    timing = read_timing(text)
    assert (timing.start, timing.due, timing.recurrence) == (start, due, recurrence)
