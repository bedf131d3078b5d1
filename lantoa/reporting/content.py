"""What a report says, read from the record (issue 5, items 2 and 4; N5.2, O3.4, O4.5).

`collect` returns a plain, JSON-ready dict: the snapshot a submission freezes and the only input
of the document builders, so a draft on screen, the DOCX and a frozen version all show the same
numbers. Rules (docs/decisions.md, "Reports"):

- activities: organised or co-organised within the unit's subtree, dated inside the cut-off
  window, each counted once; participants are the organisers' own counts (`participants`);
- briefing coverage: people posted in the subtree on the last day of the window, and of them
  those who attended a "phổ biến, quán triệt" activity on or before it;
- tasks: periods of tasks led in the subtree (for a ward, also those of its plans) due inside the
  window, in the four buckets as they stood on the last day;
- notable activities: the five with the most participants that have a photo;
- a ward's report adds its targets and the accepted reports of its units inside the window.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from lantoa.activities.models import Activity, ActivityEvidence, ActivityKind, Attendance
from lantoa.activities.selectors import in_subtree
from lantoa.core.files import IMAGE_KINDS
from lantoa.org.models import Posting, Unit
from lantoa.plans.models import TaskOccurrence
from lantoa.plans.selectors import PeriodFilters, bucket_counts, periods
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
        "start": start.isoformat(),
        "end": end.isoformat(),
        "activities": activity_statistics(unit, start, end),
        "coverage": briefing_coverage(unit, end),
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
        snapshot["targets"] = target_readings(unit, end)
        snapshot["unit_reports"] = accepted_unit_reports(unit, start, end)
    return snapshot


def activities_in(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Activity]:
    """Organised or co-organised within the unit's subtree, dated inside the window, each once."""
    return Activity.objects.filter(in_subtree(unit.path), date__gte=start, date__lte=end)


def activity_statistics(unit: Unit, start: dt.date, end: dt.date) -> dict[str, Any]:
    activities = activities_in(unit, start, end)
    totals = activities.aggregate(
        count=Count("pk"), participants=Sum("participants"), reach=Sum("reach")
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
        .annotate(n=Count("pk"), p=Sum("participants"))
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
        .annotate(n=Count("pk"), p=Sum("participants"))
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
        totals = activities_in(unit, first, last).aggregate(n=Count("pk"), p=Sum("participants"))
        rows.append(
            {
                "label": key.label,
                "start": first.isoformat(),
                "end": last.isoformat(),
                "count": totals["n"],
                "participants": totals["p"] or 0,
            }
        )
        key = ReportingPeriod.containing("quarterly", key.window()[1] + dt.timedelta(days=1))
    return rows


def briefing_coverage(unit: Unit, on: dt.date) -> dict[str, int]:
    postings = (
        Posting.objects.filter(unit__path__startswith=unit.path, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .values("person_id")
        .order_by()
        .distinct()
    )
    briefings = Activity.objects.filter(
        kind__category=ActivityKind.Category.BRIEFING, date__lte=on
    ).values("pk")
    attended = Exists(
        Attendance.objects.filter(person_id=OuterRef("person_id"), activity_id__in=briefings)
    )
    return {"people": postings.count(), "briefed": postings.filter(attended).count()}


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
        activities_in(unit, start, end)
        .filter(Exists(photos))
        .select_related("organiser", "kind")
        .order_by("-participants", "-date", "pk")[:HIGHLIGHTS]
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
                "participants": activity.participants or 0,
                "photo": photo.pk if photo else None,
            }
        )
    return rows


def activities_by_unit(ward: Unit, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Activities organised or co-organised by each direct unit of the ward (with its subtree)."""
    units = list(Unit.objects.filter(parent=ward).order_by("kind", "name_folded"))
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"count": 0, "participants": 0})
    by_path = {u.path: u.pk for u in units}
    rows = (
        Activity.objects.filter(
            organiser__path__startswith=ward.path, date__gte=start, date__lte=end
        )
        .values("organiser__path")
        .annotate(n=Count("pk"), p=Sum("participants"))
        .order_by()
    )
    for row in rows:
        owner = _owner(row["organiser__path"], by_path)
        if owner is not None:
            counts[owner]["count"] += row["n"]
            counts[owner]["participants"] += row["p"] or 0
    return [
        {"name": u.name, "code": u.code, **counts[u.pk]}
        for u in units
        if u.is_active or counts[u.pk]["count"]
    ]


def _owner(path: str, by_path: dict[str, int]) -> int | None:
    for prefix, pk in by_path.items():
        if path.startswith(prefix):
            return pk
    return None


def target_readings(unit: Unit, at: dt.date) -> list[dict[str, Any]]:
    from lantoa.indicators.selectors import readings_for

    return [
        {
            "text": row.target.text,
            "actual": row.reading.actual_text,
            "goal": row.reading.goal_text,
            "status": row.reading.status_label,
            "numerator": row.reading.numerator,
            "denominator": row.reading.denominator,
        }
        for row in readings_for(unit, at=at)
    ]


def accepted_unit_reports(ward: Unit, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """The units' accepted reports whose window lies inside the ward's, one row per unit (their
    last accepted version; several periods of one unit add up)."""
    from lantoa.reporting.models import Report

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
