"""Benchmarks of issue 5 on province-scale synthetic data: building the ward's yearly report
(goal: under 2 s) and the Sở's completeness page over ~100 wards (goal: median under 300 ms)."""

from __future__ import annotations

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lantoa.accounts.models import Role, User
from lantoa.accounts.services import user_create
from lantoa.core.numbers import format_number
from lantoa.demo.bench.dashboard import ensure_data
from lantoa.org.models import Unit
from lantoa.reporting import documents, selectors
from lantoa.reporting.content import collect
from lantoa.reporting.models import Report, ReportingRule
from lantoa.reporting.periods import ReportingPeriod

REPORT_RUNS, PAGE_RUNS, WARMUP = 20, 20, 2
PROVINCE_URL = "/reports/province/?year=2026"


def _timed(action, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for n in range(WARMUP + runs):
        start = time.perf_counter()
        action()
        if n >= WARMUP:
            timings.append(time.perf_counter() - start)
    return timings


def run(scale: str = "province") -> tuple[str, list[tuple[str, list[float]]], int]:
    note = ensure_data(scale)
    ward = Unit.objects.filter(kind=Unit.Kind.PEOPLE_COMMITTEE).order_by("path").first()
    report = selectors.report_for_period(ward, ReportingPeriod.parse("2026"))

    def build() -> None:
        documents.render(report, collect(report), "docx")

    rows = [(f"Báo cáo năm 2026 của {ward.name}: số liệu + DOCX", _timed(build, REPORT_RUNS))]

    department = ReportingRule.objects.filter(level="ward").values_list("recipient", flat=True)[0]
    office = Unit.objects.get(pk=department)
    user = User.objects.filter(username="bench_province").first() or user_create(
        actor=None, username="bench_province", password=None, role=Role.PROVINCE_VIEWER, unit=office
    )
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)

    def page() -> None:
        response = client.get(PROVINCE_URL)
        if response.status_code != 200:
            raise RuntimeError(f"province page answered {response.status_code}")

    wards = ReportingRule.objects.filter(level="ward", recipient=office).values("owner").distinct()
    rows.append(
        (
            f"Trang tình hình nộp báo cáo của Sở ({wards.count()} xã, phường × quý và năm)",
            _timed(page, PAGE_RUNS),
        )
    )
    with CaptureQueriesContext(connection) as queries:
        page()
    data = f"{format_number(Report.objects.count())} báo cáo ({note})"
    return data, rows, len(queries)
