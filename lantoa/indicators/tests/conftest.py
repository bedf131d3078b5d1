"""Records for the indicator tests; the ward plan (`ward_plan`) is the root conftest's."""

from __future__ import annotations

import datetime as dt

from lantoa.activities.models import ActivityKind
from lantoa.activities.services import activity_record, attendance_add


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
