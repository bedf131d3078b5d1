"""The ward's reporting regime and a quarter's worth of records, built through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from lantoa.activities.models import Activity, ActivityKind
from lantoa.activities.services import activity_record, attendance_add
from lantoa.org.selectors import ward_root_of
from lantoa.plans.models import Plan
from lantoa.reporting.models import ReportingRule
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.services import report_issue, report_request_signature, rules_ensure

Q3 = ReportingPeriod.parse("2026-Q3")  # data 15/06/2026 – 14/09/2026, units due 17/09, ward 20/09


@dataclass
class Regime:
    units: ReportingRule  # schools and TTDVTH → ward, quarterly
    ward: ReportingRule  # ward → Sở GD&ĐT, quarterly


@pytest.fixture
def regime(world, ward_plan) -> Regime:
    """The default regime, reporting on the ward's plan with its briefing target (T1)."""
    ward_plan.target("coverage", "100% cán bộ, công chức, giáo viên được phổ biến, quán triệt")
    rules = rules_ensure(world.ward, recipient=world.department)
    ReportingRule.objects.filter(owner=world.ward).update(applies_from=dt.date(2026, 1, 1))
    units = next(r for r in rules if r.level == "units")
    ward = next(r for r in rules if r.level == "ward" and r.frequency == "quarterly")
    units.refresh_from_db()
    ward.refresh_from_db()
    return Regime(units, ward)


def kind(category: str) -> ActivityKind:
    return ActivityKind.objects.filter(unit__isnull=True, category=category).first()


def record(organiser, category: str, on: dt.date, guests: int | None = None, **extra) -> Activity:
    """An activity; `guests` are the people counted without being on the roster."""
    return activity_record(
        actor=None,
        organiser=organiser,
        kind=kind(category),
        title=extra.pop("title", f"{category} {on:%d/%m/%Y}"),
        date=on,
        guests=guests,
        **extra,
    )


def brief(organiser, on: dt.date, people) -> Activity:  # type: ignore[no-untyped-def]
    """A briefing on the ward's plan with its attendees (each a participant)."""
    plan = Plan.objects.filter(issuer=ward_root_of(organiser), status=Plan.Status.ISSUED).first()
    activity = record(organiser, "briefing", on, plan=plan)
    attendance_add(actor=None, activity=activity, people=people)
    return activity


def request_and_issue(*, actor, report, number: str, issued_on: dt.date, now=None, drafter=None):  # type: ignore[no-untyped-def]
    """The ward's report put before its leader (trình ký) by `drafter`, then issued by `actor`
    (issue 14, item 7)."""
    report_request_signature(actor=drafter, report=report, now=now)
    return report_issue(actor=actor, report=report, number=number, issued_on=issued_on, now=now)
