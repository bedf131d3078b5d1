"""`generate_synthetic` at ward scale: the data the benchmarks run on, reports included."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from lantoa.activities.models import Activity
from lantoa.demo.synthetic import generate
from lantoa.org.models import Unit
from lantoa.reporting.models import Report, ReportVersion
from lantoa.reporting.selectors import Timeliness, completeness


def test_a_generated_ward_owes_reports_and_sent_some_on_time_some_late(db):
    counts = generate("ward", seed=71)

    ward = Unit.objects.get(kind=Unit.Kind.PEOPLE_COMMITTEE)
    assert counts["reports"] == Report.objects.count() == ReportVersion.objects.count() > 0
    rule = ward.reporting_rules.get(level="units")
    grid = completeness([rule], 2026, today=dt.date(2026, 11, 26))
    assert grid.totals[Timeliness.ON_TIME] > grid.totals[Timeliness.LATE] > 0
    assert grid.totals[Timeliness.MISSING] > 0
    assert all(r.recipient.kind == Unit.Kind.PROVINCIAL_DEPARTMENT for r in ward.reports.all())
    report = Report.objects.filter(unit__kind=Unit.Kind.SCHOOL).order_by("pk").first()
    organised = Activity.objects.filter(
        organiser=report.unit, date__gte=report.start, date__lte=report.end
    ).aggregate(n=Count("pk"))["n"]
    snapshot = report.versions.get().snapshot
    assert snapshot["activities"]["count"] == organised
    assert snapshot["period_label"] == report.period_label
