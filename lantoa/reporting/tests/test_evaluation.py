"""Reviews over several periods (sơ kết, tổng kết) and the annual evaluation (issue 5, item 6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from conftest import at_hcm
from lantoa.activities.models import ActivityEvidence
from lantoa.plans.models import Task, TaskOccurrence
from lantoa.reporting import content, documents
from lantoa.reporting.evaluation import criteria_for, evaluate, rubric_ensure
from lantoa.reporting.models import Criterion, Rubric
from lantoa.reporting.services import report_open, report_submit, review_open
from lantoa.reporting.tests.conftest import Q3, brief, record


def test_a_review_spans_several_quarters_and_shows_each(world, regime, coordinator):
    record(world.school_a, "flag_ceremony", dt.date(2026, 2, 2), 10)
    record(world.school_a, "flag_ceremony", dt.date(2026, 5, 5), 20)
    record(world.school_a, "flag_ceremony", dt.date(2026, 8, 8), 30)
    record(world.school_a, "flag_ceremony", dt.date(2026, 10, 1), 40)  # after the review
    review = review_open(
        actor=coordinator,
        unit=world.ward,
        kind="interim_review",
        start=dt.date(2025, 12, 15),
        end=dt.date(2026, 9, 14),
    )
    snapshot = content.collect(review)
    assert snapshot["activities"]["count"] == 3
    assert [(r["label"], r["count"]) for r in snapshot["by_period"]] == [
        ("quý I năm 2026", 1),
        ("quý II năm 2026", 1),
        ("quý III năm 2026", 1),
    ]
    document = documents.report_document(review, snapshot)
    assert document.summary.startswith("Sơ kết")
    assert "từ 15/12/2025 đến 14/09/2026" in document.summary
    assert review.recipient == world.ward  # no Sở in this world's division: kept at home
    with pytest.raises(ValidationError, match="sau ngày đầu"):
        review_open(
            actor=coordinator,
            unit=world.ward,
            kind="final_review",
            start=dt.date(2026, 9, 14),
            end=dt.date(2026, 1, 1),
        )


def test_the_evaluation_scores_each_unit_from_its_record_with_the_evidence(
    world, regime, ward_plan, coordinator
):
    assert [c.measure for c in criteria_for(world.ward, 2026)] == [
        "activities",
        "coverage",
        "reports_on_time",
        "tasks_on_time",
        "photo_activities",
    ]
    for day in range(1, 7):
        record(world.school_a, "flag_ceremony", dt.date(2026, 3, day), 100)
    photo = record(world.school_a, "contest", dt.date(2026, 4, 1), 50)
    ActivityEvidence.objects.create(
        activity=photo, original_name="anh.jpg", kind="jpeg", size=3, file="x.jpg"
    )
    brief(world.school_a, dt.date(2026, 2, 1), [world.teacher_a])
    school_report = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    report_submit(actor=None, report=school_report, now=at_hcm(2026, 9, 16))
    task = Task.objects.create(plan=ward_plan.plan, title="Việc", lead_unit=world.school_a)
    TaskOccurrence.objects.create(
        task=task, due=dt.date(2026, 5, 1), status="done", completed_on=dt.date(2026, 4, 30)
    )
    TaskOccurrence.objects.create(task=task, due=dt.date(2026, 6, 1))

    ranked = evaluate(world.ward, 2026, today=dt.date(2026, 11, 26))
    assert not Rubric.objects.exists()  # reading the evaluation writes nothing

    top = ranked[0]
    assert top.unit == world.school_a and top.rank == 1
    by_measure = {s.criterion.measure: s for s in top.scores}
    assert by_measure["activities"].value == 8  # six flag ceremonies, the contest, the briefing
    assert by_measure["activities"].points == 20  # 30 × 8/12
    assert by_measure["coverage"].evidence == "1/1 người"
    assert by_measure["coverage"].points == 25
    # quarters I–III are due by 26/11; only quarter III was sent, on time
    assert by_measure["reports_on_time"].evidence == "1/3 báo cáo đúng hạn"
    assert by_measure["tasks_on_time"].evidence == "1/2 kỳ nhiệm vụ đúng hạn"
    assert by_measure["tasks_on_time"].points == Decimal("7.5")
    assert by_measure["photo_activities"].points == Decimal("2.5")
    assert top.total == 20 + 25 + Decimal("6.7") + Decimal("7.5") + Decimal("2.5")
    assert {r.unit for r in ranked} == {world.school_a, world.school_b, world.centre}
    # the centre has nobody the briefing target counts: that criterion does not apply, and its
    # total is brought to the full scale from the criteria that do
    centre = next(r for r in ranked if r.unit == world.centre)
    coverage = next(s for s in centre.scores if s.criterion.measure == "coverage")
    assert coverage.value is None and coverage.evidence.startswith("không áp dụng")
    earned = sum(s.points for s in centre.scores)
    applicable = sum(s.criterion.points for s in centre.scores if s.value is not None)
    assert centre.scaled and centre.total == (earned * 100 / applicable).quantize(Decimal("0.1"))


def test_the_coordinator_edits_the_rubric_and_another_ward_cannot(
    world, regime, coordinator, other_coordinator, school_a_officer, leader, login
):
    client = login(coordinator)
    page = client.get("/reports/evaluation/?year=2026")
    assert page.status_code == 200 and world.school_a.name in page.content.decode()
    later = client.get("/reports/evaluation/?year=2031").content.decode()
    assert "Năm đánh giá 2031 chưa bắt đầu." in later
    assert not Rubric.objects.exists()  # a GET never creates the year's rubric
    client.post(
        "/reports/evaluation/criteria/?year=2026",
        {"measure": "participants", "goal": "500", "points": "10"},
    )
    rubric = rubric_ensure(world.ward, 2026)
    assert rubric.criteria.get(measure="participants").points == 10
    criterion = rubric.criteria.get(measure="coverage")
    delete = "/reports/evaluation/criteria/delete/?year=2026"
    login(other_coordinator).post(delete, {"measure": "coverage"})  # its own ward's rubric
    assert Criterion.objects.filter(pk=criterion.pk).exists()
    assert login(school_a_officer).post(delete, {"measure": "coverage"}).status_code == 404
    assert login(leader).post(delete, {"measure": "coverage"}).status_code == 403
    page = client.get("/reports/evaluation/?year=2026").content.decode()
    assert "Bỏ tiêu chí này khỏi đánh giá năm nay?" in page  # asked before it is dropped
    client.post(delete, {"measure": "coverage"})
    assert not Criterion.objects.filter(pk=criterion.pk).exists()
    other = login(other_coordinator).get("/reports/evaluation/?year=2026").content.decode()
    assert world.school_a.name not in other
