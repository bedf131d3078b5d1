"""Each indicator kind computed on hand-built data (issue 4, "Done when" 1)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import GOLDEN_FILE, make_person, make_unit
from lantoa.activities.models import ActivityKind
from lantoa.indicators import compute
from lantoa.indicators.compute import Status
from lantoa.indicators.proposals import propose
from lantoa.indicators.services import manual_value_approve, manual_value_enter
from lantoa.indicators.tests.conftest import record
from lantoa.org.models import Unit
from lantoa.org.services import person_update
from lantoa.plans.models import Plan, Task, TaskOccurrence

C = ActivityKind.Category
NOV = dt.date(2026, 11, 26)


def names(rows) -> list[str]:
    return [r.label for r in rows]


@pytest.fixture
def t1(ward_plan):
    return ward_plan.target("coverage", "100% được phổ biến, quán triệt")


def test_coverage_counts_people_in_the_groups_who_attended_a_briefing_about_the_plan(
    world, ward_plan, t1
):
    record(world.school_a, C.BRIEFING, dt.date(2026, 4, 10), ward_plan.plan, [world.teacher_a])
    # not about the plan, before the phase, or not a briefing: none of these count
    record(world.school_b, C.BRIEFING, dt.date(2026, 4, 11), None, [world.teacher_b])
    record(world.vhxh, C.BRIEFING, dt.date(2025, 12, 30), ward_plan.plan, [world.official])
    record(world.vhxh, C.TRAINING, dt.date(2026, 5, 2), ward_plan.plan, [world.official])

    reading = compute.read(t1.indicator, at=NOV)

    assert (reading.numerator, reading.denominator) == (1, 3)
    assert reading.percent == Decimal("33.3")
    assert reading.missing_count == 2
    assert reading.actual_text == "1/3 người (33,3%)"


def test_a_person_briefed_twice_counts_once_and_a_co_organised_briefing_counts_for_both(
    world, ward_plan, t1
):
    plan = ward_plan.plan
    record(world.school_a, C.BRIEFING, dt.date(2026, 4, 10), plan, [world.teacher_a])
    record(world.school_a, C.BRIEFING, dt.date(2026, 9, 5), plan, [world.teacher_a])
    record(
        world.vhxh,
        C.BRIEFING,
        dt.date(2026, 5, 20),
        plan,
        [world.official, world.teacher_b],
        co=[world.school_b],
    )

    reading = compute.read(t1.indicator, at=NOV)

    assert (reading.numerator, reading.denominator) == (3, 3)
    assert reading.status == Status.ACHIEVED
    drill = compute.drill(t1.indicator, at=NOV)
    assert sorted(names(drill.records)) == ["Lê Thị Hoa", "Nguyễn Văn An", "Trần Thị Bình"]
    first = {r.label: r.date for r in drill.records}
    assert first["Nguyễn Văn An"] == dt.date(2026, 4, 10)  # the first briefing, not the second
    assert drill.missing == []


def test_denominators_are_dated_for_people_who_leave_or_join_mid_phase(world, ward_plan, t1):
    person_update(actor=None, person=world.teacher_b, active_to=dt.date(2026, 6, 30))
    newcomer = make_person("Đỗ Thị Mai", world.school_a, active_from=dt.date(2026, 9, 1))

    in_may = compute.read(t1.indicator, at=dt.date(2026, 5, 1))
    in_nov = compute.read(t1.indicator, at=NOV)

    assert in_may.denominator == 3  # teacher_b still there, newcomer not yet
    assert in_nov.denominator == 3  # teacher_b gone, newcomer arrived
    missing = names(compute.drill(t1.indicator, at=NOV).missing)
    assert "Trần Thị Bình" not in missing
    assert "Đỗ Thị Mai" in missing
    assert newcomer.pk  # joined through the service, with a posting from 01/09/2026


def test_coverage_missing_list_is_grouped_by_unit_and_narrows_to_one_school(world, ward_plan, t1):
    record(world.vhxh, C.BRIEFING, dt.date(2026, 4, 1), ward_plan.plan, [world.official])

    missing = compute.drill(t1.indicator, at=NOV).missing
    school_only = compute.read(t1.indicator, at=NOV, within=world.school_a)

    assert {(r.label, r.group) for r in missing} == {
        ("Nguyễn Văn An", "Trường Tiểu học Thử A"),
        ("Trần Thị Bình", "Trường Tiểu học Thử B"),
    }
    assert (school_only.numerator, school_only.denominator) == (0, 1)


def test_another_wards_people_and_activities_never_count(world, ward_plan, t1):
    record(
        world.other_school, C.BRIEFING, dt.date(2026, 4, 1), ward_plan.plan, [world.other_teacher]
    )

    reading = compute.read(t1.indicator, at=NOV)

    assert (reading.numerator, reading.denominator) == (0, 3)


def test_coverage_status_projects_the_pace_and_fails_at_the_end_of_the_phase(world, ward_plan, t1):
    record(world.school_a, C.BRIEFING, dt.date(2026, 4, 10), ward_plan.plan, [world.teacher_a])

    early = compute.read(t1.indicator, at=NOV)
    at_end = compute.read(t1.indicator, at=dt.date(2030, 12, 31))

    assert early.status == Status.ON_TRACK and early.projection == Decimal(100)
    assert at_end.status == Status.NOT_ACHIEVED


def test_unit_share_counts_schools_with_an_issued_child_plan_and_a_school_created_mid_phase(
    world, ward_plan
):
    t2 = ward_plan.target("unit_share", "100% cơ sở giáo dục xây dựng kế hoạch")
    Plan.objects.create(
        issuer=world.school_a,
        parent=ward_plan.plan,
        date=dt.date(2026, 4, 2),
        title="Kế hoạch của trường A",
        status=Plan.Status.ISSUED,
    )
    Plan.objects.create(
        issuer=world.school_b, parent=ward_plan.plan, title="Dự thảo của trường B"
    )  # a draft does not count
    new_school = make_unit(
        "90001-MNC",
        "Trường Mầm non C",
        Unit.Kind.SCHOOL,
        world.ward,
        school_level="preschool",
        established_on=dt.date(2026, 9, 1),
    )

    in_august = compute.read(t2.indicator, at=dt.date(2026, 8, 1))
    in_nov = compute.read(t2.indicator, at=NOV)
    drill = compute.drill(t2.indicator, at=NOV)

    assert (in_august.numerator, in_august.denominator) == (1, 2)
    assert (in_nov.numerator, in_nov.denominator) == (1, 3)
    assert names(drill.records) == ["Trường Tiểu học Thử A"]
    assert set(names(drill.missing)) == {"Trường Tiểu học Thử B", new_school.name}
    before_plan = compute.read(t2.indicator, at=dt.date(2026, 4, 1))
    assert before_plan.numerator == 0  # the child plan dates from 02/04/2026


def test_continuity_lists_the_months_without_a_post_and_waits_for_the_current_month(
    world, ward_plan
):
    t3 = ward_plan.target("continuity", "Duy trì chuyên mục", value=None)
    for month in (3, 5, 6):
        record(world.centre, C.PORTAL_ARTICLE, dt.date(2026, month, 20), ward_plan.plan)

    reading = compute.read(t3.indicator, at=dt.date(2026, 6, 25))
    drill = compute.drill(t3.indicator, at=dt.date(2026, 6, 25))
    july_pending = compute.read(t3.indicator, at=dt.date(2026, 7, 10))

    assert (reading.numerator, reading.denominator) == (3, 4)  # March (from the plan) to June
    assert names(drill.missing) == ["04/2026"]
    assert reading.status == Status.AT_RISK  # a month is lost for good
    assert july_pending.missing_count == 1  # July not over yet: not missing
    assert (july_pending.numerator, july_pending.denominator) == (3, 4)


def test_continuity_of_an_empty_period(world, ward_plan):
    t3 = ward_plan.target("continuity", "Duy trì chuyên mục", value=None)

    first_days = compute.read(t3.indicator, at=dt.date(2026, 3, 20))
    three_months = compute.read(t3.indicator, at=dt.date(2026, 6, 1))

    assert first_days.denominator == 0 and first_days.percent is None
    assert first_days.status == Status.ON_TRACK  # nothing is due yet
    assert (three_months.numerator, three_months.denominator) == (0, 3)
    assert names(compute.drill(t3.indicator, at=dt.date(2026, 6, 1)).missing) == [
        "03/2026",
        "04/2026",
        "05/2026",
    ]


def test_a_target_of_a_later_phase_has_not_started(world, ward_plan):
    later = ward_plan.phase.__class__.objects.create(
        plan=ward_plan.plan, label="2031-2035", start_year=2031, end_year=2035, position=1
    )
    target = ward_plan.target("coverage")
    target.phase = later
    target.save()

    assert compute.read(target.indicator, at=NOV).status == Status.NOT_STARTED


def test_count_per_year_counts_a_co_organised_seminar_once(world, ward_plan):
    t4 = ward_plan.target("count_per_period", "Ít nhất 02 tọa đàm hằng năm", value=2, min_count=2)
    record(
        world.vhxh,
        C.SEMINAR,
        dt.date(2026, 11, 18),
        ward_plan.plan,
        co=[world.school_a],
    )

    this_year = compute.read(t4.indicator, at=NOV)
    next_year = compute.read(t4.indicator, at=dt.date(2027, 1, 5))
    drill = compute.drill(t4.indicator, at=dt.date(2027, 1, 5))

    assert this_year.actual_text.startswith("Năm 2026: 1 hoạt động")
    assert this_year.missing_count == 0  # 2026 is not over
    assert next_year.missing_count == 1
    assert names(drill.missing) == ["2026"]
    assert len(drill.records) == 1


def test_timeliness_counts_results_published_within_the_days_and_waits_for_fresh_ones(
    world, ward_plan
):
    t6 = ward_plan.target("timeliness", "thông tin kịp thời", within_days=7)
    task = Task.objects.create(plan=ward_plan.plan, title="Tổ chức hội nghị", lead_unit=world.vhxh)

    def done(on: dt.date) -> TaskOccurrence:
        return TaskOccurrence.objects.create(
            task=task, label=f"{on:%m/%Y}", due=on, status="done", completed_on=on
        )

    published = done(dt.date(2026, 5, 1))
    done(dt.date(2026, 6, 1))  # never published
    done(dt.date(2026, 11, 24))  # fresh: still within its 7 days
    article = record(world.centre, C.PORTAL_ARTICLE, dt.date(2026, 5, 5), ward_plan.plan)
    article.occurrences.add(published)

    reading = compute.read(t6.indicator, at=NOV)

    assert (reading.numerator, reading.denominator) == (1, 2)
    assert names(compute.drill(t6.indicator, at=NOV).missing) == ["Tổ chức hội nghị"]


def test_manual_value_counts_only_once_approved(world, ward_plan, coordinator):
    target = ward_plan.target("manual", "Tỷ lệ hài lòng", value=90)
    entry = manual_value_enter(
        actor=coordinator,
        indicator=target.indicator,
        value=Decimal(92),
        as_of=dt.date(2026, 10, 31),
        note="Khảo sát tháng 10",
        upload=SimpleUploadedFile("ket-qua.pdf", b"%PDF-1.4\n%%EOF\n"),
    )

    assert compute.read(target.indicator, at=NOV).status == Status.NO_DATA
    manual_value_approve(actor=coordinator, entry=entry)
    reading = compute.read(target.indicator, at=NOV)
    assert reading.percent == Decimal(92)
    assert reading.status == Status.ACHIEVED


def test_the_importer_proposes_a_kind_for_each_target_of_the_seed():
    golden = json.loads(GOLDEN_FILE.read_text())
    texts = [t["text"] for phase in golden["phases"] for t in phase["targets"]]

    proposals = [propose(text) for text in texts]

    assert [p.kind for p in proposals] == [
        "coverage",
        "unit_share",
        "continuity",
        "count_per_period",
        "coverage",
        "timeliness",
    ]
    assert proposals[0].params["activity_categories"] == [C.BRIEFING]
    assert proposals[3].params["min_count"] == 1
    assert proposals[4].params["activity_categories"] == [C.TRAINING]
    assert C.ZALO_MESSAGE in proposals[2].params["activity_categories"]
