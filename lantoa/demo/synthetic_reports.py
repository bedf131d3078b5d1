"""Reports for the synthetic data (`lantoa generate_synthetic`, issue 5's benchmarks).

Each generated commune gets the default regime and its quarters I–III of 2026: most units report
on time, some late, some not at all, most reports accepted; the ward sends its own quarterly
reports to the province's Sở GD&ĐT the same way. Bulk-created for speed: the frozen figures
are the generated activities counted by the same per-unit rule, not a full `collect`.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import translation

from lantoa.activities.models import Activity
from lantoa.activities.selectors import in_subtree, tally_by_unit
from lantoa.org.models import Division, Unit
from lantoa.org.services import unit_create
from lantoa.reporting.models import Report, ReportingRule, ReportVersion
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.selectors import reporters_of
from lantoa.reporting.services import rules_ensure

QUARTERS = [ReportingPeriod(2026, "quarterly", n) for n in (1, 2, 3)]
HCM = dt.timezone(dt.timedelta(hours=7))


def _sent_at(due: dt.date, rng: random.Random) -> dt.datetime | None:
    """70 % on time, 15 % late by 1–10 days, 15 % never."""
    roll = rng.random()
    if roll < 0.70:
        day = due - dt.timedelta(days=rng.randint(0, 2))
    elif roll < 0.85:
        day = due + dt.timedelta(days=rng.randint(1, 10))
    else:
        return None
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 22), tzinfo=HCM)


def _figures(root: Unit, rule: ReportingRule) -> dict[tuple[int, str], dict[str, int]]:
    """Activities and participants per reporting unit (and the commune) and quarter, by the
    rule a real report uses (`tally_by_unit`)."""
    units = [root, *Unit.objects.filter(path__startswith=root.path, kind__in=rule.reporter_kinds)]
    figures: dict[tuple[int, str], dict[str, int]] = {}
    for key in QUARTERS:
        start, end = rule.window(key)
        activities = Activity.objects.filter(in_subtree(root.path), date__gte=start, date__lte=end)
        for unit_id, totals in tally_by_unit(units, activities).items():
            figures[(unit_id, str(key))] = {
                "count": totals.count,
                "participants": totals.participants,
            }
    return figures


def _snapshot(
    unit: Unit, key: ReportingPeriod, rule: ReportingRule, figures: dict[str, int]
) -> dict[str, Any]:
    start, end = rule.window(key)
    return {
        "unit": {"name": unit.name, "code": unit.code, "kind": unit.kind},
        "period": str(key),
        "period_label": key.label,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "activities": {**figures, "reach": 0, "by_kind": [], "by_channel": [], "by_audience": []},
        "plan": None,
        "coverage": {"people": 0, "briefed": 0, "target": "", "target_id": None},
        "tasks": {"done_on_time": 0, "done_late": 0, "open_in_time": 0, "open_overdue": 0},
        "highlights": [],
        "narrative": {name: "" for name in Report.NARRATIVE_FIELDS},
    }


def reports_generate(root: Unit, department: Unit, rng: random.Random) -> int:
    """The commune's regime and its reports for quarters I–III of 2026; returns the count."""
    with translation.override("vi"):  # snapshots are Vietnamese, as `content.collect` makes them
        return _reports(root, department, rng)


def _reports(root: Unit, department: Unit, rng: random.Random) -> int:
    rules = rules_ensure(root, recipient=department)
    ReportingRule.objects.filter(owner=root).update(applies_from=dt.date(2026, 1, 1))
    units_rule = next(r for r in rules if r.level == ReportingRule.Level.UNITS)
    ward_rule = next(
        r for r in rules if r.level == ReportingRule.Level.WARD and r.frequency == "quarterly"
    )
    figures = _figures(root, units_rule)
    reports: list[Report] = []
    snapshots: list[dict[str, Any]] = []
    for rule in (units_rule, ward_rule):
        for key in QUARTERS:
            start, end = rule.window(key)
            for unit in reporters_of(rule, start, end):
                sent = _sent_at(rule.due(key), rng)
                if sent is None:
                    continue
                accepted = rng.random() < 0.9
                reports.append(
                    Report(
                        unit=unit,
                        recipient=department if rule is ward_rule else root,
                        rule=rule,
                        period=str(key),
                        start=start,
                        end=end,
                        due=rule.due(key),
                        status=Report.Status.ACCEPTED if accepted else Report.Status.RETURNED,
                        first_submitted_at=sent,
                        number=f"{key.number:02d}/BC-UBND" if rule is ward_rule else "",
                        issued_on=sent.date() if rule is ward_rule else None,
                    )
                )
                snapshots.append(
                    _snapshot(
                        unit,
                        key,
                        rule,
                        figures.get((unit.pk, str(key)), {"count": 0, "participants": 0}),
                    )
                )
    reports = Report.objects.bulk_create(reports, batch_size=500)
    ReportVersion.objects.bulk_create(
        [
            ReportVersion(
                report=report,
                number=1,
                snapshot=snapshot,
                submitted_at=report.first_submitted_at,
                decision=report.status,
                decided_at=report.first_submitted_at + dt.timedelta(days=1),
                comment=""
                if report.status == Report.Status.ACCEPTED
                else "Đề nghị bổ sung số liệu.",
            )
            for report, snapshot in zip(reports, snapshots, strict=True)
        ],
        batch_size=500,
    )
    return len(reports)


def department_for(province_code: str) -> Unit:
    """The province's Sở GD&ĐT, created for the synthetic data when it is not there."""
    province = Division.objects.get(code=province_code)
    existing = Unit.objects.filter(kind=Unit.Kind.PROVINCIAL_DEPARTMENT, division=province).first()
    return existing or unit_create(
        actor=None,
        code=f"{province_code}-SGDDT-SYN",
        name=f"Sở Giáo dục và Đào tạo {province.name}",
        kind=Unit.Kind.PROVINCIAL_DEPARTMENT,
        division=province,
    )
