"""No page answers 500 and no link leads to a 404, for every demo account and for a second
ward's accounts: a crawler follows every link from each home page (issue 10, "Done when")."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from conftest import builtin_kinds_ensure
from lantoa.accounts.models import Role, User
from lantoa.accounts.services import user_create
from lantoa.activities.models import ActivityKind
from lantoa.activities.services import activity_record, attendance_add
from lantoa.demo.ward import load_demo
from lantoa.demo.ward_plan import SEED_PLAN
from lantoa.demo.ward_roster import ACCOUNTS
from lantoa.org.models import Division, Person, Unit
from lantoa.org.selectors import department_of
from lantoa.org.services import person_create, unit_create
from lantoa.plans.plan_import import (
    ImportChoices,
    plan_import_confirm,
    plan_import_start,
    suggested_units,
)
from lantoa.plans.services import plan_issue
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.services import report_open, report_submit, rules_ensure
from tests.crawl import analyze, crawl

DEMO_DAY = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)  # 09:00 in Hà Nội


def second_ward() -> list[User]:
    """Another ward of the same province, built through the services as its staff would: its
    offices and a school, a few people, the seed plan imported and issued, a briefing with
    attendance, a school report sent. Returns its accounts."""
    division = (
        Division.objects.filter(parent__code="19", level="commune").exclude(code="01843").first()
    )
    ward = unit_create(
        actor=None,
        code=division.code,
        name=f"Ủy ban nhân dân {division.name.lower()}",
        kind=Unit.Kind.PEOPLE_COMMITTEE,
        division=division,
    )
    vhxh = unit_create(
        actor=None,
        code=f"{ward.code}-VHXH",
        name="Phòng Văn hóa - Xã hội",
        kind=Unit.Kind.CULTURE_SOCIETY_OFFICE,
        parent=ward,
        division=division,
    )
    school = unit_create(
        actor=None,
        code=f"{ward.code}-THA",
        name="Trường Tiểu học Hai (dữ liệu thử)",
        kind=Unit.Kind.SCHOOL,
        school_level="primary",
        parent=ward,
        division=division,
    )
    teachers = [
        person_create(
            actor=None,
            full_name=name,
            unit=school,
            staff_category=Person.StaffCategory.TEACHER,
            birth_date=dt.date(1988, 1, n + 1),
            active_from=dt.date(2020, 9, 1),
        )
        for n, name in enumerate(["Lò Thị Hoa", "Sầm Văn Tú", "Hà Thị Lan"])
    ]
    record = plan_import_start(
        actor=None,
        unit=ward,
        uploaded=SimpleUploadedFile(SEED_PLAN.name, SEED_PLAN.read_bytes()),
    )
    choices = ImportChoices(number="07/KH-UBND", date=dt.date(2026, 4, 2))
    for key, suggestion in suggested_units(record)["tasks"].items():
        units = suggestion["units"]
        choices.task_leads[key] = str(units[0].pk) if units else str(vhxh.pk)
    plan = plan_import_confirm(actor=None, plan_import=record, choices=choices)
    plan_issue(actor=None, plan=plan, override_reason="Triển khai ngay (dữ liệu thử).")
    briefing = activity_record(
        actor=None,
        organiser=school,
        kind=ActivityKind.objects.get(unit__isnull=True, category="briefing"),
        title="Quán triệt Nghị quyết tại trường",
        date=dt.date(2026, 9, 10),
        plan=plan,
        guests=4,
    )
    attendance_add(actor=None, activity=briefing, people=teachers[:2])
    rules = rules_ensure(ward, recipient=department_of(ward))
    accounts = [
        user_create(
            actor=None,
            username=username,
            password="mat-khau-thu-nghiem-2026",
            role=role,
            unit=unit,
            full_name=username,
            email=f"{username}@example.org",
        )
        for username, role, unit in [
            ("phuong2_dieuphoi", Role.COORDINATOR, vhxh),
            ("phuong2_lanhdao", Role.LEADER, ward),
            ("phuong2_truong", Role.UNIT_OFFICER, school),
        ]
    ]
    report = report_open(
        actor=None, unit=school, rule=rules[0], key=ReportingPeriod.parse("2026-Q3")
    )
    report_submit(actor=accounts[2], report=report)
    return accounts


USERNAMES = (
    [a.username for a in ACCOUNTS]
    + ["quantri"]
    + [
        "phuong2_dieuphoi",
        "phuong2_lanhdao",
        "phuong2_truong",
    ]
)


@pytest.fixture(scope="module")
def demo_and_second_ward(django_db_setup, django_db_blocker):
    """The demo and a second ward, built once for this module's tests (once per worker) inside
    a transaction rolled back at the end, on the demo's day."""
    traveller = time_machine.travel(DEMO_DAY, tick=False)
    traveller.start()
    with django_db_blocker.unblock(), transaction.atomic():
        builtin_kinds_ensure()  # a browser test on this worker may have flushed them
        load_demo()
        second_ward()
        analyze()  # the planner sees the data it was just given (no stats mid-transaction)
        yield
        transaction.set_rollback(True)
    traveller.stop()


@pytest.mark.parametrize("username", USERNAMES)
def test_every_page_an_account_reaches_answers_without_error_or_dead_link(
    demo_and_second_ward, db, username
):
    client = Client()
    client.force_login(User.objects.get(username=username))
    result = crawl(client)
    assert len(result.visited) > 20  # the crawl really went through the pages
    assert result.errors + result.broken == [], "\n".join(result.errors + result.broken)
