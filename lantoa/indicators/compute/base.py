"""The shapes every indicator kind shares: status, window, reading, drill-down, and the `Kind`
protocol each kind's module implements (issue 4; T1–T6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from django.utils.translation import gettext_lazy

from lantoa.core.status import Chip, Tone
from lantoa.indicators.models import Indicator
from lantoa.plans.models import Plan, Target


class Status:
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    NOT_ACHIEVED = "not_achieved"
    NOT_STARTED = "not_started"
    NO_DATA = "no_data"

    LABELS = {
        ACHIEVED: gettext_lazy("Đạt"),
        ON_TRACK: gettext_lazy("Đúng tiến độ"),
        AT_RISK: gettext_lazy("Có nguy cơ"),
        NOT_ACHIEVED: gettext_lazy("Chưa đạt"),
        NOT_STARTED: gettext_lazy("Chưa đến giai đoạn"),
        NO_DATA: gettext_lazy("Chưa có số liệu"),
    }
    TONES = {
        ACHIEVED: Tone.DONE,
        ON_TRACK: Tone.OPEN,
        AT_RISK: Tone.AT_RISK,
        NOT_ACHIEVED: Tone.OVERDUE,
        NOT_STARTED: Tone.NEUTRAL,
        NO_DATA: Tone.NEUTRAL,
    }


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    at: dt.date

    @property
    def started(self) -> bool:
        return self.at >= self.start

    @property
    def ended(self) -> bool:
        return self.at >= self.end

    @property
    def elapsed(self) -> Decimal:
        """Share of the window gone by at `at`, between 0 and 1."""
        total = (self.end - self.start).days + 1
        gone = min(total, max(0, (self.at - self.start).days + 1))
        return Decimal(gone) / Decimal(total)


@dataclass
class Reading:
    target: Target
    kind: str
    numerator: int
    denominator: int
    goal: Decimal
    window: Window
    percent: Decimal | None = None
    projection: Decimal | None = None
    status: str = Status.NO_DATA
    missing_count: int = 0
    actual_text: str = ""
    goal_text: str = ""

    @property
    def status_label(self) -> str:
        return str(Status.LABELS[self.status])

    @property
    def status_chip(self) -> Chip:
        return Chip(self.status_label, Status.TONES[self.status])


@dataclass
class DrillRow:
    """One line of a drill-down: what it is, where it belongs, when, and a link."""

    label: str
    group: str = ""
    date: dt.date | None = None
    url: str = ""
    detail: str = ""


@dataclass
class Drilldown:
    records_title: str
    missing_title: str
    records: list[DrillRow] = field(default_factory=list)
    missing: list[DrillRow] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    indicator: Indicator
    target: Target
    plan: Plan
    plan_ids: tuple[int, ...]
    base_path: str
    window: Window

    @property
    def params(self) -> dict[str, Any]:
        return self.indicator.params


class Kind(Protocol):
    """What every indicator kind answers, given a context whose window has started."""

    @classmethod
    def read(cls, ctx: Context) -> Reading:
        """The value, status and projection (and how many are missing)."""
        ...

    @classmethod
    def drill(cls, ctx: Context) -> Drilldown:
        """The records behind the number, and what is missing."""
        ...
