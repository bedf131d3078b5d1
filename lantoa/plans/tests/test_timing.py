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


@pytest.mark.parametrize(
    "text", ["Năm học 2026 - 2025", "Giai đoạn 2030 - 2026", "năm học 0000-2026"]
)
def test_a_slip_in_the_years_never_makes_a_start_after_the_deadline(text):
    timing = read_timing(text)
    assert timing.start is None or timing.due is None or timing.start <= timing.due


def test_a_tasks_own_sentence_gives_no_deadline_from_the_years_it_mentions():
    """Review finding: "Tuyên truyền Luật … năm 2012" was due on 31/12/2012."""
    timing = read_timing("Tuyên truyền Luật Phổ biến pháp luật năm 2012", written_time=False)
    assert (timing.due, timing.start) == (None, None)
