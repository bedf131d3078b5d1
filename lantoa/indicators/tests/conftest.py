"""A ward plan with one target per indicator kind, built by hand (issue 4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from lantoa.activities.models import ActivityKind
from lantoa.activities.services import activity_record, attendance_add
from lantoa.indicators.models import Indicator
from lantoa.indicators.params import clean_params
from lantoa.plans.models import Phase, Plan, Target


@dataclass
class WardPlan:
    plan: Plan
    phase: Phase

    def target(self, kind: str, text: str = "", value: int | None = 100, **params) -> Target:
        target = Target.objects.create(
            plan=self.plan,
            phase=self.phase,
            position=Target.objects.filter(plan=self.plan).count(),
            text=text or kind,
            value=Decimal(value) if value is not None else None,
            unit_of_measure="%" if value == 100 else "",
        )
        Indicator.objects.create(
            target=target, kind=kind, params=clean_params(kind, params), confirmed=True
        )
        return target


@pytest.fixture
def ward_plan(world) -> WardPlan:
    plan = Plan.objects.create(
        issuer=world.ward,
        number="12/KH-UBND",
        date=dt.date(2026, 3, 16),
        title="Kế hoạch thử",
        status=Plan.Status.ISSUED,
        start_year=2026,
        end_year=2030,
    )
    phase = Phase.objects.create(
        plan=plan, label="Giai đoạn 2026-2030", start_year=2026, end_year=2030
    )
    return WardPlan(plan, phase)


def kind(category: str) -> ActivityKind:
    return ActivityKind.objects.filter(unit__isnull=True, category=category).first()


def record(organiser, category: str, on: dt.date, plan=None, people=(), co=(), title="") -> object:
    activity = activity_record(
        actor=None,
        organiser=organiser,
        co_organisers=co,
        kind=kind(category),
        title=title or f"{category} {on:%d/%m/%Y}",
        date=on,
        plan=plan,
    )
    if people:
        attendance_add(actor=None, activity=activity, people=people)
    return activity
