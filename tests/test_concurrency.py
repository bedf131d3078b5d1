"""No lost update, no double completion, under truly concurrent requests (issue 10, item 6).

Threads with their own database connections race on one record, as two browsers would; the
suite runs on SQLite and again on PostgreSQL in CI (.ci/run)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from lantoa.plans.models import Evidence, Plan, Task, TaskOccurrence
from lantoa.plans.services import occurrence_complete, task_update

RACERS = 4


def race(work, n: int = RACERS) -> list[object]:
    """Run `work(i)` in n threads released together; each result or exception, in order."""
    barrier = threading.Barrier(n)
    results: list[object] = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each racer met
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    return results


@pytest.fixture
def task(world):
    plan = Plan.objects.create(
        issuer=world.ward,
        number="12/KH-UBND",
        date=dt.date(2026, 3, 16),
        title="Kế hoạch thử",
        status=Plan.Status.ISSUED,
        start_year=2026,
    )
    task = Task.objects.create(
        plan=plan, title="Tổ chức hội nghị", lead_unit=world.school_a, due=dt.date(2026, 11, 30)
    )
    TaskOccurrence.objects.create(task=task, due=task.due)
    return task


@pytest.mark.django_db(transaction=True)
def test_two_people_saving_the_same_version_of_a_task_never_lose_a_change(task, coordinator):
    """Both opened version 1; the second save is refused with who changed what, not applied
    over the first."""
    opened = task.version

    def save(i: int) -> object:
        mine = Task.objects.get(pk=task.pk)
        return task_update(
            actor=coordinator,
            task=mine,
            version=opened,
            authority=f"Người duyệt {i}",
        )

    results = race(save)
    winners = [r for r in results if isinstance(r, Task)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(winners) == 1 and len(refused) == RACERS - 1, results
    assert all("Người khác vừa sửa nhiệm vụ này" in str(e) for e in refused)
    task.refresh_from_db()
    assert task.authority == winners[0].authority and task.version == opened + 1


@pytest.mark.django_db(transaction=True)
def test_four_simultaneous_reports_of_one_period_complete_it_once(task, school_a_officer):
    period = task.occurrences.get()

    def report(i: int) -> object:
        return occurrence_complete(
            actor=school_a_officer,
            occurrence=TaskOccurrence.objects.get(pk=period.pk),
            completed_on=dt.date(2026, 11, 20),
            result_note=f"Báo cáo lần {i}",
            evidence_url=f"https://example.org/minh-chung-{i}",
        )

    results = race(report)
    done = [r for r in results if isinstance(r, TaskOccurrence)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(done) == 1 and len(refused) == RACERS - 1, results
    assert all("đã được báo hoàn thành" in str(e) for e in refused)
    period.refresh_from_db()
    assert period.result_note == done[0].result_note
    assert Evidence.objects.filter(occurrence=period).count() == 0  # links only, no files
    from lantoa.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="occurrence.done").count() == 1


@pytest.mark.django_db
def test_every_edit_form_refuses_a_stale_version(world, coordinator, ward_plan):
    """Units, people, plans, reports and tasks all compare the version the form was opened on
    (one mechanism: core.concurrency.version_claim)."""
    from lantoa.org.services import person_update, unit_update
    from lantoa.plans.services import plan_update
    from lantoa.reporting.services import report_update, review_open

    draft = Plan.objects.create(issuer=world.ward, title="Dự thảo")
    report = review_open(
        actor=coordinator,
        unit=world.ward,
        kind="interim_review",
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 6, 30),
    )
    edits = [
        (unit_update, "unit", world.school_a, {"phone": "0209 1"}, {"phone": "0209 2"}),
        (person_update, "person", world.teacher_a, {"position": "Tổ trưởng"}, {"position": "x"}),
        (plan_update, "plan", draft, {"place": "An Hòa"}, {"place": "Bình Yên"}),
        (report_update, "report", report, {"results": "Tốt"}, {"results": "Khá"}),
    ]
    for service, name, record, first, second in edits:
        opened = record.version
        service(
            actor=coordinator,
            **{name: type(record).objects.get(pk=record.pk)},
            version=opened,
            **first,
        )
        with pytest.raises(ValidationError, match="Người khác vừa sửa"):
            service(
                actor=coordinator,
                **{name: type(record).objects.get(pk=record.pk)},
                version=opened,
                **second,
            )
        record.refresh_from_db()
        field, value = next(iter(first.items()))
        assert getattr(record, field) == value, name
