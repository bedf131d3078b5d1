"""Reading "rõ thời gian" from the words of a plan (O1.1): a deadline, a recurrence, an occasion.

"Tháng 11/2026" → due 30/11/2026; "Trước ngày 15/6/2026" → due 15/06/2026; "Quý II/2026" → due
30/06/2026; "hằng năm" → yearly; "Ngày Nhà giáo Việt Nam 20/11" → occasion 20/11, yearly;
"Hoàn thành trong năm 2025" → due 31/12/2025; "Giai đoạn 2026-2030" → yearly from 01/01/2026 to
31/12/2030; "Năm học 2025 - 2026" → from 05/09/2025 to 31/05/2026; "hằng tuần" → continuous.
Words with no date ("Theo lộ trình, hướng dẫn của Bộ, ngành") are kept as written, undated.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from lantoa.core.text import fold

ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
MONTH_RE = re.compile(r"thang\s+(\d{1,2})\s*/\s*(\d{4})")
MONTH_WORD_RE = re.compile(r"thang\s+(\d{1,2})\s+nam\s+(\d{4})")
QUARTER_RE = re.compile(r"quy\s+(iv|iii|ii|i|[1-4])\s*/\s*(\d{4})")
SCHOOL_YEAR_RE = re.compile(r"nam hoc\s+(\d{4})\s*[-–]\s*(\d{4})")
YEARS_RE = re.compile(r"(?<![\d/])(20\d{2})\s*[-–]\s*(20\d{2})(?![\d/])")
YEAR_RE = re.compile(r"\bnam\s+(20\d{2})\b")
OCCASION_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(?!/)")


@dataclass(frozen=True)
class Timing:
    start: dt.date | None = None
    due: dt.date | None = None
    recurrence: str = ""
    occasion: str = ""


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def read_timing(text: str, *, written_time: bool = True) -> Timing:
    """The timing of a task. `written_time` False: `text` is the task's own sentence, whose
    years ("Luật … năm 2012", "giai đoạn 2021-2025") say what it is about, not when it is due."""
    folded = fold(text)
    recurrence = ""
    if any(w in folded for w in ("hang thang", "moi thang")):
        recurrence = "monthly"
    elif any(w in folded for w in ("hang quy", "moi quy")):
        recurrence = "quarterly"
    elif "6 thang" in folded or "sau thang" in folded:
        recurrence = "half_yearly"
    elif any(w in folded for w in ("hang nam", "moi nam", "dinh ky")):
        recurrence = "yearly"
    elif any(w in folded for w in ("thuong xuyen", "lien tuc", "hang tuan", "moi tuan")):
        recurrence = "continuous"
    dates = []
    for d, m, y in DATE_RE.findall(folded):
        try:
            dates.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            continue
    start = due = None
    if dates:
        start, due = (dates[0], dates[-1]) if len(dates) > 1 else (None, dates[0])
    elif match := QUARTER_RE.search(folded):
        quarter = ROMAN_QUARTERS.get(match.group(1)) or int(match.group(1))
        due = _last_day(int(match.group(2)), quarter * 3)
    elif months := MONTH_RE.findall(folded) or MONTH_WORD_RE.findall(folded):
        month, year = months[-1]
        if 1 <= int(month) <= 12:
            due = _last_day(int(year), int(month))
    elif written_time:
        start, due, recurrence = _years(folded, recurrence)
    occasion = ""
    if not dates and (match := OCCASION_RE.search(folded)):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            occasion = f"{day:02d}/{month:02d}"
            recurrence = recurrence or "occasions"
    if start and due and start > due:  # "Năm học 2026 - 2025": a slip; keep the deadline
        start = None
    if due and not recurrence:
        recurrence = "once"
    return Timing(start=start, due=due, recurrence=recurrence, occasion=occasion)


def _years(folded: str, recurrence: str) -> tuple[dt.date | None, dt.date | None, str]:
    """Years without a month: a school year, a phase ("giai đoạn 2026-2030": each year of it),
    or one year ("trong năm 2025")."""
    if match := SCHOOL_YEAR_RE.search(folded):
        first, last = int(match.group(1)), int(match.group(2))
        return _date(first, 9, 5), _date(last, 5, 31), recurrence  # school opens on 5 September
    if match := YEARS_RE.search(folded):
        first, last = int(match.group(1)), int(match.group(2))
        return _date(first, 1, 1), _date(last, 12, 31), recurrence or "yearly"
    if match := YEAR_RE.search(folded):
        return None, _date(int(match.group(1)), 12, 31), recurrence
    return None, None, recurrence


def _date(year: int, month: int, day: int) -> dt.date | None:
    return dt.date(year, month, day) if 1900 <= year <= 2100 else None
