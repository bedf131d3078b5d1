"""Dates the Vietnamese way: `dd/mm/yyyy` in and out, Asia/Ho_Chi_Minh for "today", and the one
month stepper every monthly table and chart uses."""

import datetime as dt

from django.utils import timezone

DATE_FORMAT = "%d/%m/%Y"
# Dates a ward's record can hold: anything outside is a typing slip, refused with a message.
MIN_YEAR, MAX_YEAR = 1900, 2100


class DateOutOfRange(ValueError):
    """A date outside MIN_YEAR–MAX_YEAR (09/09/9999, 01/01/0001)."""


class ImpossibleDate(ValueError):
    """Well formed but not on the calendar (31/02/2026)."""


def check_sane(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateOutOfRange(value)
    return value


def parse_vn_date(text: str) -> dt.date:
    """Parse `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`); raise ValueError otherwise
    (DateOutOfRange for a year outside MIN_YEAR–MAX_YEAR)."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    parts = cleaned.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise ValueError(text)
    day, month, year = (int(p) for p in parts)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateOutOfRange(text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ImpossibleDate(text) from None


def parse_month(text: str) -> tuple[int, int]:
    """ "2026-09" → (2026, 9); ValueError for anything else or a year out of range."""
    year, month = (int(x) for x in text.split("-"))
    check_sane(dt.date(year, month, 1))
    return year, month


def format_vn_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime(DATE_FORMAT)


def format_vn_datetime(value: dt.datetime | None) -> str:
    """ "02/12/2026 14:05" in Asia/Ho_Chi_Minh."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local.strftime(DATE_FORMAT)} {local:%H:%M}"


def local_today() -> dt.date:
    """Today in Asia/Ho_Chi_Minh (the server may run in UTC)."""
    return timezone.localdate()


def month_end(year: int, month: int) -> dt.date:
    return add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)


def add_months(first: dt.date, n: int) -> dt.date:
    """The first day of the month `n` months after `first`'s month (n may be negative)."""
    index = first.year * 12 + first.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """(year, month) of every month from `first`'s to `last`'s, both included."""
    months, cursor = [], first.replace(day=1)
    while cursor <= last:
        months.append((cursor.year, cursor.month))
        cursor = add_months(cursor, 1)
    return months


# Public holidays on fixed solar dates (Bộ luật Lao động 2019, Điều 112). Tết and Giỗ Tổ Hùng
# Vương follow the lunar calendar and are not counted: a deadline reckoned without them falls
# on or before the legal one, never after (docs/decisions.md).
FIXED_HOLIDAYS = {(1, 1), (30, 4), (1, 5), (2, 9)}


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.day, day.month) not in FIXED_HOLIDAYS


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The `n`-th working day after `start` (Monday to Friday, fixed public holidays off)."""
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        n -= is_working_day(day)
    return day
