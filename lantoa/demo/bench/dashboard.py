"""Benchmark: the ward dashboard on province-scale synthetic data (issue 4; goal: median under
300 ms on SQLite and on PostgreSQL)."""

from __future__ import annotations

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lantoa.accounts.models import Role, User
from lantoa.accounts.services import user_create
from lantoa.activities.models import Activity, Attendance
from lantoa.core.numbers import format_number
from lantoa.demo.synthetic import generate
from lantoa.org.models import Person, Unit

RUNS = 20
WARMUP = 2
URL = "/dashboard/?date_from=01/01/2026&date_to=26/11/2026"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ensure_data(scale: str) -> str:
    """Generate the synthetic data unless the database already holds wards; says which."""
    if Unit.objects.filter(kind=Unit.Kind.PEOPLE_COMMITTEE).exists():
        return "đã có trong cơ sở dữ liệu: sinh ở phép đo trước hoặc bằng generate_synthetic"
    started = time.perf_counter()
    generate(scale, seed=71)
    return f"sinh trong {time.perf_counter() - started:.0f} s"


def run(scale: str = "province") -> tuple[str, list[tuple[str, list[float]]], int]:
    """Generate the data (unless the database already holds wards), then time the dashboard of
    one ward's coordinator; returns a description of the data, the timings, and the page's
    query count."""
    generated_note = ensure_data(scale)
    ward = Unit.objects.filter(kind=Unit.Kind.PEOPLE_COMMITTEE).order_by("path").first()
    office = Unit.objects.get(code=f"{ward.code}-VHXH")
    user = User.objects.filter(username="bench_coordinator").first() or user_create(
        actor=None, username="bench_coordinator", password=None, role=Role.COORDINATOR, unit=office
    )
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    timings = []
    for n in range(WARMUP + RUNS):
        start = time.perf_counter()
        response = client.get(URL)
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            raise RuntimeError(f"dashboard answered {response.status_code}")
        if n >= WARMUP:
            timings.append(elapsed)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    data = (
        f"{format_number(Unit.objects.count())} đơn vị, {format_number(Person.objects.count())} "
        f"người, {format_number(Activity.objects.count())} hoạt động, "
        f"{format_number(Attendance.objects.count())} lượt dự ({generated_note})"
    )
    label = f"Bảng điều hành của {ward.name}"
    return data, [(label, timings)], len(queries)
