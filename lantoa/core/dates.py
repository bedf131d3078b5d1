"""Dates the Vietnamese way: `dd/mm/yyyy` in and out, Asia/Ho_Chi_Minh for "today"."""

import datetime as dt

from django.utils import timezone

DATE_FORMAT = "%d/%m/%Y"


def parse_vn_date(text: str) -> dt.date:
    """Parse `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`); raise ValueError otherwise."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    parts = cleaned.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise ValueError(text)
    day, month, year = (int(p) for p in parts)
    return dt.date(year, month, day)


def format_vn_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime(DATE_FORMAT)


def local_today() -> dt.date:
    """Today in Asia/Ho_Chi_Minh (the server may run in UTC)."""
    return timezone.localdate()
