"""Goals, figures and the two status rules the kinds share (docs/decisions.md, "Indicators"):
cumulative (coverage, unit share, manual) and sustained (continuity, count per year,
timeliness)."""

from __future__ import annotations

from decimal import Decimal

from lantoa.core.numbers import HUNDRED, format_number, percent
from lantoa.indicators.compute.base import Context, Reading, Status
from lantoa.plans.models import Target

AT_RISK_SHARE = Decimal("0.8")  # a projection within 80% of the goal is "at risk", below is "not"


def goal_of(target: Target, default: int = 100) -> Decimal:
    return Decimal(target.value) if target.value is not None else Decimal(default)


def format_figure(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    return format_number(value)


def grade(projection: Decimal, goal: Decimal) -> str:
    if projection >= goal:
        return Status.ON_TRACK
    if projection >= goal * AT_RISK_SHARE:
        return Status.AT_RISK
    return Status.NOT_ACHIEVED


def share_reading(ctx: Context, kind: str, done: int, total: int, text: str) -> Reading:
    """A "done of total" reading (coverage, unit share) with its words and cumulative status;
    `text` takes n, d and p (the percentage)."""
    reading = Reading(
        target=ctx.target,
        kind=kind,
        numerator=done,
        denominator=total,
        goal=goal_of(ctx.target),
        window=ctx.window,
        percent=percent(done, total),
        missing_count=total - done,
    )
    reading.actual_text = text % {
        "n": format_figure(done),
        "d": format_figure(total),
        "p": format_figure(reading.percent),
    }
    reading.goal_text = f"{format_figure(reading.goal)}%"
    return cumulative_status(reading)


def cumulative_status(reading: Reading) -> Reading:
    """Coverage, unit share, manual: reached is reached; otherwise project the pace so far.
    (A phase that has not started never gets here: `read` answers it without a query.)"""
    w, goal = reading.window, reading.goal
    if reading.percent is None:
        reading.status = Status.NO_DATA
    elif reading.percent >= goal:
        reading.status = Status.ACHIEVED
        reading.projection = reading.percent
    else:
        reading.projection = min(HUNDRED, (reading.percent / w.elapsed)).quantize(Decimal("0.1"))
        reading.status = Status.NOT_ACHIEVED if w.ended else grade(reading.projection, goal)
    return reading


def sustained_status(reading: Reading, best_case: Decimal | None) -> Reading:
    """Continuity, count per year, timeliness: every period must hold until the end."""
    w, goal = reading.window, reading.goal
    reading.projection = best_case
    if reading.percent is None:
        reading.status = Status.NO_DATA if best_case is None else grade(best_case, goal)
    elif w.ended:
        reading.status = Status.ACHIEVED if reading.percent >= goal else Status.NOT_ACHIEVED
    else:
        reading.status = grade(best_case if best_case is not None else reading.percent, goal)
    return reading
