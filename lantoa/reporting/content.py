"""What a report says, read from the record (issue 5, items 2 and 4; N5.2, O3.4, O4.5).

`collect` returns a plain, JSON-ready dict: the snapshot a submission freezes and the only input
of the document builders, so a draft on screen, the DOCX and a frozen version all show the same
numbers. Rules (docs/decisions.md, "Reports"):

- a report is on one plan (`Report.plan`), named in the snapshot; its targets, task periods and
  briefing coverage are that plan's; activities are the unit's, whatever plan they serve;
- activities: organised or co-organised within the unit's subtree, dated inside the cut-off
  window, each counted once; participants: attendees plus guests (`with_participants`);
- briefing coverage: the plan's briefing target read over the unit on the last day of the
  window (the target page's own figure);
- tasks: the plan's periods the unit is responsible for, due inside the window, in the four
  buckets as they stood on the last day (`plans.selectors.periods`, the one follow-up rule);
- notable activities: the five with the most participants that have a photo;
- a ward's report adds its plan's targets, its units' activities (`tally_by_unit`) and the
  accepted reports of its units inside the window.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from lantoa.activities.models import Activity, ActivityEvidence, ActivityKind
from lantoa.activities.selectors import in_subtree, tally, tally_by_unit, with_participants
from lantoa.core.files import IMAGE_KINDS
from lantoa.indicators.selectors import briefing_reading, readings_for
from lantoa.org.models import Unit
from lantoa.plans.models import TaskOccurrence
from lantoa.plans.selectors import PeriodFilters, bucket_counts, periods
from lantoa.reporting.models import Report
from lantoa.reporting.periods import ReportingPeriod

HIGHLIGHTS = 5
NO_CHANNEL = "Không ghi kênh"

Snapshot = dict[str, Any]


def collect(report: Any, narrative: dict[str, str] | None = None) -> Snapshot:
    """The numbers and words of `report` (a `Report`) as the record stands now. Labels are
    Vietnamese whatever the reader's language: the snapshot is what the document prints."""
    with translation.override("vi"):
        return _collect(report, narrative)


def _collect(report: Any, narrative: dict[str, str] | None) -> Snapshot:
    unit: Unit = report.unit
    start, end = report.start, report.end
    snapshot: Snapshot = {
        "unit": {"name": unit.name, "code": unit.code, "kind": unit.kind},
        "period": report.period,
        "period_label": report.period_label,
        "plan": plan_reference(report.plan),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "activities": activity_statistics(unit, start, end),
        "coverage": briefing_coverage(unit, report.plan, end),
        "tasks": task_buckets(unit, start, end, report.plan),
        "highlights": highlights(unit, start, end),
        "narrative": narrative
        if narrative is not None
        else {name: getattr(report, name) for name in report.NARRATIVE_FIELDS},
    }
    if report.kind != "periodic":
        snapshot["by_period"] = by_period(unit, start, end)
    if unit.kind == Unit.Kind.PEOPLE_COMMITTEE:
        snapshot["by_unit"] = activities_by_unit(unit, start, end)
        snapshot["targets"] = target_readings(unit, report.plan, end)
        snapshot["unit_reports"] = accepted_unit_reports(unit, start, end)
    return snapshot


def plan_reference(plan: Any) -> dict[str, Any] | None:
    """Which plan a report reports on, as the snapshot keeps it."""
    if plan is None:
        return None
    return {
        "id": plan.pk,
        "kind": plan.document_kind,
        "number": plan.number,
        "date": plan.date.isoformat() if plan.date else None,
        "title": plan.title,
        "issuer": plan.issuer.name,
    }


def activities_in(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Activity]:
    """Organised or co-organised within the unit's subtree, dated inside the window, each once."""
    return Activity.objects.filter(in_subtree(unit.path), date__gte=start, date__lte=end)


def activity_statistics(unit: Unit, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Counts by kind, channel and audience; participants by the one rule (attendees on the
    roster plus the guests typed in: `activities.selectors.with_participants`)."""
    activities = with_participants(activities_in(unit, start, end))
    totals = activities.aggregate(
        count=Count("pk"), participants=Sum("participant_count"), reach=Sum("reach")
    )
    labels = dict(ActivityKind.Category.choices)
    by_kind = [
        {
            "name": str(labels.get(row["kind__category"], row["kind__category"])),
            "category": row["kind__category"],
            "count": row["n"],
            "participants": row["p"] or 0,
        }
        for row in activities.values("kind__category")
        .annotate(n=Count("pk"), p=Sum("participant_count"))
        .order_by("-n", "kind__category")
    ]
    by_channel = [
        {"name": row["channel"] or NO_CHANNEL, "count": row["n"], "reach": row["r"] or 0}
        for row in activities.values("channel")
        .annotate(n=Count("pk"), r=Sum("reach"))
        .order_by("-n", "channel")
    ]
    by_audience = [
        {"name": row["audiences__name"], "count": row["n"], "participants": row["p"] or 0}
        for row in activities.filter(audiences__isnull=False)
        .values("audiences__name")
        .annotate(n=Count("pk"), p=Sum("participant_count"))
        .order_by("-n", "audiences__name")
    ]
    return {
        "count": totals["count"],
        "participants": totals["participants"] or 0,
        "reach": totals["reach"] or 0,
        "by_kind": by_kind,
        "by_channel": by_channel,
        "by_audience": by_audience,
    }


def by_period(unit: Unit, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """A review's figures quarter by quarter (sơ kết, tổng kết: O1.4), clipped to its dates."""
    rows = []
    key = ReportingPeriod.containing("quarterly", start)
    while key.window()[0] <= end:
        first, last = key.window()
        first, last = max(first, start), min(last, end)
        totals = tally(activities_in(unit, first, last))
        rows.append(
            {
                "label": key.label,
                "start": first.isoformat(),
                "end": last.isoformat(),
                "count": totals.count,
                "participants": totals.participants,
            }
        )
        key = ReportingPeriod.containing("quarterly", key.window()[1] + dt.timedelta(days=1))
    return rows


def briefing_coverage(unit: Unit, plan: Any, on: dt.date) -> dict[str, Any]:
    """Who of the unit had been briefed by the cut-off day: the plan's briefing target read
    over the unit (`indicators.selectors.briefing_reading`), the same figure as the target page,
    the dashboard and the evaluation."""
    row = briefing_reading(plan, unit, on)
    if row is None:
        return {"people": 0, "briefed": 0, "target": "", "target_id": None}
    return {
        "people": row.reading.denominator,
        "briefed": row.reading.numerator,
        "target": row.target.text,
        "target_id": row.target.pk,
    }


def task_filters(unit: Unit, start: dt.date, end: dt.date, plan: Any) -> PeriodFilters:
    """The periods a report counts: of the plan's tasks (and its units' copies) the unit is
    responsible for, due inside the window, in their buckets on the cut-off day."""
    return PeriodFilters(unit=unit, plan=plan, due_from=start, due_to=end, at=end)


def task_buckets(unit: Unit, start: dt.date, end: dt.date, plan: Any) -> dict[str, int]:
    """The four bucket counts of `task_filters` (QĐ 42/2014), by the one follow-up rule."""
    if plan is None:
        return {key: 0 for key in TaskOccurrence.Bucket.values}
    return bucket_counts(periods(task_filters(unit, start, end, plan)))


def highlights(unit: Unit, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    photos = ActivityEvidence.objects.filter(activity_id=OuterRef("pk"), kind__in=IMAGE_KINDS)
    rows = []
    chosen = (
        with_participants(activities_in(unit, start, end))
        .filter(Exists(photos))
        .select_related("organiser", "kind")
        .order_by("-participant_count", "-date", "pk")[:HIGHLIGHTS]  # type: ignore[misc]
    )
    for activity in chosen:
        photo = (
            ActivityEvidence.objects.filter(activity=activity, kind__in=IMAGE_KINDS)
            .order_by("pk")
            .first()
        )
        rows.append(
            {
                "id": activity.pk,
                "title": activity.title,
                "date": activity.date.isoformat(),
                "unit": activity.organiser.name,
                "kind": activity.kind.name,
                "participants": activity.participant_count,  # type: ignore[attr-defined]
                "photo": photo.pk if photo else None,
            }
        )
    return rows


def activities_by_unit(ward: Unit, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Each direct unit of the ward (with its subtree): the activities it organised or
    co-organised and their participants, by the one per-unit rule (`tally_by_unit`)."""
    units = list(Unit.objects.filter(parent=ward).order_by("kind", "name_folded"))
    counts = tally_by_unit(units, activities_in(ward, start, end))
    return [
        {
            "name": u.name,
            "code": u.code,
            "count": counts[u.pk].count,
            "participants": counts[u.pk].participants,
        }
        for u in units
        if u.is_active or counts[u.pk].count
    ]


def target_readings(unit: Unit, plan: Any, at: dt.date) -> list[dict[str, Any]]:
    """The report's plan's targets as they read on the cut-off day."""
    if plan is None:
        return []
    return [
        {
            "text": row.target.text,
            "target_id": row.target.pk,
            "actual": row.reading.actual_text,
            "goal": row.reading.goal_text,
            "status": row.reading.status_label,
            "numerator": row.reading.numerator,
            "denominator": row.reading.denominator,
        }
        for row in readings_for(unit, at=at, plan=plan)
    ]


def accepted_unit_reports(ward: Unit, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """The units' accepted reports whose window lies inside the ward's, one row per unit (their
    last accepted version; several periods of one unit add up)."""
    reports = (
        Report.objects.filter(
            recipient=ward,
            status=Report.Status.ACCEPTED,
            start__gte=start,
            end__lte=end,
        )
        .select_related("unit")
        .prefetch_related("versions")
        .order_by("unit__name_folded", "end")
    )
    rows: dict[int, dict[str, Any]] = {}
    for report in reports:
        version = [v for v in report.versions.all() if v.decision == "accepted"][-1]
        snap = version.snapshot
        row = rows.setdefault(
            report.unit_id,
            {
                "name": report.unit.name,
                "periods": [],
                "activities": 0,
                "participants": 0,
                "people": 0,
                "briefed": 0,
                "difficulties": [],
                "proposals": [],
            },
        )
        row["periods"].append(snap["period_label"])
        row["activities"] += snap["activities"]["count"]
        row["participants"] += snap["activities"]["participants"]
        row["people"], row["briefed"] = snap["coverage"]["people"], snap["coverage"]["briefed"]
        for field in ("difficulties", "proposals"):
            text = snap["narrative"].get(field, "").strip()
            if text:
                row[field].append(text)
    return list(rows.values())


def gathered(snapshot: Snapshot, field: str) -> str:
    """The units' words on one subject, each under its unit's name (the ward's draft)."""
    lines = []
    for row in snapshot.get("unit_reports", []):
        for text in row[field]:
            lines.append(_("%(unit)s: %(text)s") % {"unit": row["name"], "text": text})
    return "\n".join(lines)
