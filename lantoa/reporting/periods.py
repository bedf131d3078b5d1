"""Reporting periods and their data cut-off windows (issue 5, item 1; reference/reporting-regime.md).

Nghị định 09/2019/NĐ-CP counts a period's data from the 15th of the month before it to the 14th
of its last month: monthly 15/08 → 14/09, quarterly 15/06 → 14/09, half-yearly 15/12 → 14/06,
yearly 15/12 → 14/12. The cut-off day (14) is the regime's, editable per reporting rule.

A period is written `2026`, `2026-H1`, `2026-Q3` or `2026-09` (the `build_report` command and
URLs use the same key).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Frequency(models.TextChoices):
    MONTHLY = "monthly", gettext_lazy("Hằng tháng")
    QUARTERLY = "quarterly", gettext_lazy("Hằng quý")
    HALF_YEARLY = "half_yearly", gettext_lazy("Sáu tháng")
    YEARLY = "yearly", gettext_lazy("Hằng năm")


MONTHS_IN = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
PATTERNS = [
    (re.compile(r"^(\d{4})$"), Frequency.YEARLY),
    (re.compile(r"^(\d{4})-[Hh]([12])$"), Frequency.HALF_YEARLY),
    (re.compile(r"^(\d{4})-[Qq]([1-4])$"), Frequency.QUARTERLY),
    (re.compile(r"^(\d{4})-(\d{2})$"), Frequency.MONTHLY),
]


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass(frozen=True, order=True)
class ReportingPeriod:
    year: int
    frequency: str
    number: int  # month 1–12, quarter 1–4, half 1–2, 1 for the year

    @classmethod
    def parse(cls, text: str) -> ReportingPeriod:
        """`2026`, `2026-H1`, `2026-Q3`, `2026-09`; ValueError with a Vietnamese message otherwise."""
        cleaned = text.strip()
        for pattern, frequency in PATTERNS:
            match = pattern.match(cleaned)
            if not match:
                continue
            year = int(match.group(1))
            number = int(match.group(2)) if frequency != Frequency.YEARLY else 1
            if frequency == Frequency.MONTHLY and not 1 <= number <= 12:
                break
            if 2000 <= year <= 2100:
                return cls(year, frequency, number)
        raise ValueError(
            _(
                "Kỳ báo cáo “%(text)s” không đúng dạng: ghi 2026 (năm), 2026-H1 (6 tháng), "
                "2026-Q3 (quý) hoặc 2026-09 (tháng)."
            )
            % {"text": text}
        )

    @classmethod
    def containing(cls, frequency: str, day: dt.date, cutoff_day: int = 14) -> ReportingPeriod:
        """The period whose cut-off window holds the day (16/12/2026 is already in 2027)."""
        year, month = day.year, day.month
        if day.day > cutoff_day:
            year, month = _add_months(year, month, 1)
        size = MONTHS_IN[Frequency(frequency)]
        return cls(year, frequency, (month - 1) // size + 1)

    def __str__(self) -> str:
        if self.frequency == Frequency.YEARLY:
            return str(self.year)
        if self.frequency == Frequency.HALF_YEARLY:
            return f"{self.year}-H{self.number}"
        if self.frequency == Frequency.QUARTERLY:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def label(self) -> str:
        """“Quý III năm 2026”, “6 tháng đầu năm 2026”, “tháng 9 năm 2026”, “năm 2026”."""
        if self.frequency == Frequency.YEARLY:
            return _("năm %(year)s") % {"year": self.year}
        if self.frequency == Frequency.HALF_YEARLY:
            if self.number == 1:
                return _("6 tháng đầu năm %(year)s") % {"year": self.year}
            return _("6 tháng cuối năm %(year)s") % {"year": self.year}
        if self.frequency == Frequency.QUARTERLY:
            return _("quý %(q)s năm %(year)s") % {"q": ROMAN[self.number], "year": self.year}
        return _("tháng %(m)s năm %(year)s") % {"m": self.number, "year": self.year}

    @property
    def short_label(self) -> str:
        """The label inside one year's table: “Quý III”, “6 tháng đầu”, “Tháng 9”, “Cả năm”."""
        if self.frequency == Frequency.YEARLY:
            return _("Cả năm")
        if self.frequency == Frequency.HALF_YEARLY:
            return _("6 tháng đầu") if self.number == 1 else _("6 tháng cuối")
        if self.frequency == Frequency.QUARTERLY:
            return _("Quý %(q)s") % {"q": ROMAN[self.number]}
        return _("Tháng %(m)s") % {"m": self.number}

    def last_month(self) -> tuple[int, int]:
        size = MONTHS_IN[Frequency(self.frequency)]
        return self.year, self.number * size

    def window(self, cutoff_day: int = 14) -> tuple[dt.date, dt.date]:
        """First and last day of the data: the day after the previous cut-off to the cut-off."""
        size = MONTHS_IN[Frequency(self.frequency)]
        year, month = self.last_month()
        end = dt.date(year, month, cutoff_day)
        start_year, start_month = _add_months(year, month, -size)
        return dt.date(start_year, start_month, cutoff_day) + dt.timedelta(days=1), end

    def previous(self) -> ReportingPeriod:
        size = MONTHS_IN[Frequency(self.frequency)]
        per_year = 12 // size
        if self.number > 1:
            return ReportingPeriod(self.year, self.frequency, self.number - 1)
        return ReportingPeriod(self.year - 1, self.frequency, per_year)

    def same_period_last_year(self) -> ReportingPeriod:
        return ReportingPeriod(self.year - 1, self.frequency, self.number)


def periods_of_year(frequency: str, year: int) -> list[ReportingPeriod]:
    per_year = 12 // MONTHS_IN[Frequency(frequency)]
    return [ReportingPeriod(year, frequency, n) for n in range(1, per_year + 1)]
