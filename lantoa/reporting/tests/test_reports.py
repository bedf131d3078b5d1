"""Reports: periods, numbers from the record, freezing, return and resubmission, issue,
completeness and reminders (issue 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum

from conftest import at_hcm, make_person
from lantoa.accounts.models import Notification
from lantoa.activities.models import Activity, Attendance
from lantoa.core.concurrency import StaleEdit
from lantoa.core.lifecycle import IllegalMove, transition
from lantoa.core.models import AuditEntry
from lantoa.org.models import Posting, Unit
from lantoa.plans.models import Plan, Task, TaskOccurrence
from lantoa.reporting import content, selectors
from lantoa.reporting.models import Report, ReportVersion
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.reminders import reminders_send
from lantoa.reporting.selectors import Timeliness, timeliness
from lantoa.reporting.services import (
    report_decide,
    report_issue,
    report_open,
    report_submit,
    report_update,
)
from lantoa.reporting.tests.conftest import Q3, brief, record, request_and_issue

# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026", dt.date(2025, 12, 15), dt.date(2026, 12, 14), "năm 2026"),
        ("2026-H1", dt.date(2025, 12, 15), dt.date(2026, 6, 14), "6 tháng đầu năm 2026"),
        ("2026-Q3", dt.date(2026, 6, 15), dt.date(2026, 9, 14), "quý III năm 2026"),
        ("2026-Q1", dt.date(2025, 12, 15), dt.date(2026, 3, 14), "quý I năm 2026"),
        ("2026-09", dt.date(2026, 8, 15), dt.date(2026, 9, 14), "tháng 9 năm 2026"),
        ("2026-01", dt.date(2025, 12, 15), dt.date(2026, 1, 14), "tháng 1 năm 2026"),
    ],
)
def test_period_windows_follow_decree_09(text, start, end, label):
    key = ReportingPeriod.parse(text)
    assert key.window() == (start, end)
    assert key.label == label
    assert str(key) == text


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("2026", "Cả năm"),
        ("2026-H2", "6 tháng cuối"),
        ("2026-Q3", "Quý III"),
        ("2026-09", "Tháng 9"),
    ],
)
def test_a_period_in_one_years_table_is_named_without_its_year(text, short):
    """The completeness grid's column heads on a phone (issue 14)."""
    assert ReportingPeriod.parse(text).short_label == short


@pytest.mark.parametrize("text", ["2026-Q5", "2026-13", "26", "2026-H3", "quý 3"])
def test_a_bad_period_says_how_to_write_one(text):
    with pytest.raises(ValueError, match="2026-Q3"):
        ReportingPeriod.parse(text)


def test_the_day_after_the_cut_off_belongs_to_the_next_period():
    assert str(ReportingPeriod.containing("quarterly", dt.date(2026, 9, 14))) == "2026-Q3"
    assert str(ReportingPeriod.containing("quarterly", dt.date(2026, 9, 15))) == "2026-Q4"
    assert str(ReportingPeriod.containing("yearly", dt.date(2026, 12, 15))) == "2027"


# --- numbers equal direct counts -------------------------------------------------------------


@pytest.fixture
def quarter(world):
    """School A's quarter: inside and just outside the window, co-organised, briefed people."""
    teacher_c = make_person("Đỗ Thị Cúc", world.school_a)
    inside = [
        record(world.school_a, "flag_ceremony", dt.date(2026, 6, 15), 300, channel="Trực tiếp"),
        record(
            world.school_a,
            "portal_article",
            dt.date(2026, 9, 14),
            reach=1200,
            channel="Trang thông tin điện tử",
        ),  # fmt: skip
        record(world.centre, "seminar", dt.date(2026, 8, 2), 80, co_organisers=[world.school_a]),
        brief(world.school_a, dt.date(2026, 7, 1), [world.teacher_a]),
    ]
    record(world.school_a, "flag_ceremony", dt.date(2026, 6, 14), 250)  # Q2
    record(world.school_a, "flag_ceremony", dt.date(2026, 9, 15), 260)  # Q4
    brief(world.school_a, dt.date(2026, 9, 20), [teacher_c])  # briefed after the cut-off
    record(world.school_b, "flag_ceremony", dt.date(2026, 7, 10), 400)  # another school
    return inside


def direct_counts(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    activities = Activity.objects.filter(
        Q(organiser__path__startswith=unit.path) | Q(co_organisers__path__startswith=unit.path),
        date__gte=start,
        date__lte=end,
    ).distinct()
    ids = list(activities.values_list("pk", flat=True))
    people = {
        p.person_id
        for p in Posting.objects.filter(unit__path__startswith=unit.path, start__lte=end)
        if p.end is None or p.end >= end
    }
    briefed = set(
        Attendance.objects.filter(
            person_id__in=people, activity__kind__category="briefing", activity__date__lte=end
        ).values_list("person_id", flat=True)
    )
    guests = Activity.objects.filter(pk__in=ids).aggregate(s=Sum("guests"))["s"] or 0
    return {
        "count": len(ids),
        "participants": guests + Attendance.objects.filter(activity_id__in=ids).count(),
        "reach": Activity.objects.filter(pk__in=ids).aggregate(s=Sum("reach"))["s"],
        "people": len(people),
        "briefed": len(briefed),
    }


def test_every_number_of_a_unit_report_equals_a_direct_count(world, regime, quarter):
    report = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    snapshot = content.collect(report)
    expected = direct_counts(world.school_a, dt.date(2026, 6, 15), dt.date(2026, 9, 14))

    stats = snapshot["activities"]
    assert (
        (stats["count"], stats["participants"], stats["reach"])
        == (
            expected["count"],
            expected["participants"],
            expected["reach"],
        )
        == (4, 300 + 80 + 1, 1200)
    )
    coverage = (snapshot["coverage"]["people"], snapshot["coverage"]["briefed"])
    assert coverage == (expected["people"], expected["briefed"]) == (2, 1)
    assert sum(row["count"] for row in stats["by_kind"]) == stats["count"]
    assert {r["category"]: r["count"] for r in stats["by_kind"]} == {
        "flag_ceremony": 1,
        "portal_article": 1,
        "seminar": 1,
        "briefing": 1,
    }
    assert {r["name"]: r["count"] for r in stats["by_channel"]} == {
        "Trực tiếp": 1,
        "Trang thông tin điện tử": 1,
        content.NO_CHANNEL: 2,
    }


def test_task_buckets_count_the_periods_due_in_the_window_as_they_stood_at_the_cut_off(
    world, regime
):
    plan = Plan.objects.create(
        issuer=world.ward, title="Kế hoạch thử", start_year=2026, status=Plan.Status.ISSUED
    )
    task = Task.objects.create(plan=plan, title="Báo cáo tháng", lead_unit=world.school_a)

    def period(due, status="open", done=None):  # type: ignore[no-untyped-def]
        return TaskOccurrence.objects.create(task=task, due=due, status=status, completed_on=done)

    period(dt.date(2026, 7, 1), "done", dt.date(2026, 6, 30))  # on time
    period(dt.date(2026, 8, 1), "done", dt.date(2026, 8, 5))  # late
    period(dt.date(2026, 9, 1), "done", dt.date(2026, 9, 20))  # done only after the cut-off
    period(dt.date(2026, 9, 14))  # due on the last day: still in time
    period(dt.date(2026, 10, 1))  # next quarter: not counted

    buckets = content.task_buckets(world.school_a, dt.date(2026, 6, 15), dt.date(2026, 9, 14), plan)

    assert buckets == {
        "done_on_time": 1,
        "done_late": 1,
        "open_in_time": 1,
        "open_overdue": 1,
    }


def test_the_ward_report_counts_its_whole_subtree_and_the_accepted_unit_reports(
    world, regime, quarter, coordinator
):
    school = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    report_submit(actor=None, report=school, now=at_hcm(2026, 9, 16, 9))
    ward = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    assert content.collect(ward)["unit_reports"] == []  # submitted is not yet accepted

    report_decide(actor=coordinator, report=school, accept=True)
    snapshot = content.collect(ward)
    expected = direct_counts(world.ward, dt.date(2026, 6, 15), dt.date(2026, 9, 14))

    assert snapshot["activities"]["count"] == expected["count"] == 5  # school B's too
    assert snapshot["activities"]["participants"] == expected["participants"]
    [row] = snapshot["unit_reports"]
    assert (row["name"], row["activities"], row["participants"]) == (
        world.school_a.name,
        4,
        381,
    )
    by_unit = {r["name"]: r["count"] for r in snapshot["by_unit"]}
    # each unit counts what it organised or co-organised (the seminar counts for both); the
    # ward's total counts it once
    assert by_unit[world.school_a.name] == 4
    assert by_unit[world.centre.name] == 1


# --- the workflow ----------------------------------------------------------------------------


def test_a_submitted_report_does_not_change_when_the_record_does(world, regime, quarter):
    report = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    version = report_submit(actor=None, report=report, now=at_hcm(2026, 9, 16, 9))

    Activity.objects.filter(pk=quarter[0].pk).update(guests=999)
    record(world.school_a, "contest", dt.date(2026, 8, 1), 50)

    version.refresh_from_db()
    assert version.snapshot["activities"]["count"] == 4
    assert version.snapshot["activities"]["participants"] == 381
    live = content.collect(report)
    assert (live["activities"]["count"], live["activities"]["participants"]) == (5, 1130)


def test_a_returned_report_keeps_its_history_and_each_resubmission_is_a_version(
    world, regime, quarter, coordinator, school_a_officer
):
    report = report_open(actor=school_a_officer, unit=world.school_a, rule=regime.units, key=Q3)
    report_update(actor=school_a_officer, report=report, difficulties="Thiếu tài liệu.")
    report_submit(actor=school_a_officer, report=report, now=at_hcm(2026, 9, 16, 9))

    with pytest.raises(ValidationError, match="lý do"):
        report_decide(actor=coordinator, report=report, accept=False, comment="  ")
    report_decide(actor=coordinator, report=report, accept=False, comment="Bổ sung số liệu.")
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED
    assert Notification.objects.filter(user=school_a_officer, text__contains="Bổ sung").exists()

    record(world.school_a, "contest", dt.date(2026, 8, 1), 50)
    report_update(actor=school_a_officer, report=report, difficulties="Thiếu tài liệu in.")
    report_submit(actor=school_a_officer, report=report, now=at_hcm(2026, 9, 18, 9))
    report_decide(actor=coordinator, report=report, accept=True)

    first, second = ReportVersion.objects.filter(report=report).order_by("number")
    assert (first.decision, first.comment) == ("returned", "Bổ sung số liệu.")
    assert first.snapshot["narrative"]["difficulties"] == "Thiếu tài liệu."
    assert first.snapshot["activities"]["count"] == 4
    assert (second.decision, second.snapshot["activities"]["count"]) == ("accepted", 5)
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED
    assert report.first_submitted_at == at_hcm(2026, 9, 16, 9)  # timeliness counts the first


def test_the_lifecycle_refuses_an_illegal_move_and_saves_only_what_the_move_names(
    world, regime, school_a_officer
):
    """One transition table (issue 11, item 3): a draft cannot be accepted; a report already
    sent cannot be sent again by a second person who opened it as a draft; a move writes its
    audit row and leaves unsaved edits of other fields alone."""
    report = report_open(actor=school_a_officer, unit=world.school_a, rule=regime.units, key=Q3)
    with pytest.raises(IllegalMove, match="không còn chờ tiếp nhận"):
        transition(actor=None, obj=report, move="accept", unit_path=report.unit.path)
    assert Report.objects.get(pk=report.pk).status == Report.Status.DRAFT

    opened_by_other = Report.objects.get(pk=report.pk)  # a second tab, still showing a draft
    report.results = "typed but never saved"
    transition(
        actor=school_a_officer,
        obj=report,
        move="submit",
        unit_path=report.unit.path,
        values={"first_submitted_at": at_hcm(2026, 9, 16, 9)},
    )
    stored = Report.objects.get(pk=report.pk)
    assert (stored.status, stored.results) == (Report.Status.SUBMITTED, "")
    assert stored.version == report.version == opened_by_other.version + 1
    entry = AuditEntry.objects.get(action="report.submitted", object_id=str(report.pk))
    assert entry.changes["status"] == ["draft", "submitted"]
    with pytest.raises(IllegalMove, match="đã gửi"):
        transition(actor=None, obj=opened_by_other, move="submit", unit_path="")
    assert ReportVersion.objects.filter(report=report).count() == 0

    # A decision on a version someone has since moved on is told so, not applied.
    with pytest.raises(StaleEdit):
        transition(
            actor=None,
            obj=stored,
            move="return",
            unit_path="",
            version=opened_by_other.version,
            what="báo cáo này",
        )
    assert Report.objects.get(pk=report.pk).status == Report.Status.SUBMITTED


def test_a_report_cannot_be_sent_before_its_cut_off(world, regime):
    report = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    with pytest.raises(ValidationError, match="14/09/2026"):
        report_submit(actor=None, report=report, now=at_hcm(2026, 9, 13, 23, 59))


def test_who_may_write_decide_and_issue(
    world, regime, coordinator, leader, school_a_officer, school_b_officer
):
    report = report_open(actor=school_a_officer, unit=world.school_a, rule=regime.units, key=Q3)
    with pytest.raises(PermissionDenied):
        report_update(actor=school_b_officer, report=report, results="không phải của tôi")
    with pytest.raises(PermissionDenied):
        report_update(actor=coordinator, report=report, results="phường viết hộ")
    report_submit(actor=school_a_officer, report=report, now=at_hcm(2026, 9, 16))
    with pytest.raises(PermissionDenied):
        report_decide(actor=school_a_officer, report=report, accept=True)

    ward = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    with pytest.raises(PermissionDenied):
        report_submit(actor=coordinator, report=ward)  # the ward's report leaves by an issue
    with pytest.raises(PermissionDenied):
        report_issue(
            actor=coordinator, report=ward, number="05/BC-UBND", issued_on=dt.date(2026, 9, 18)
        )


def test_a_leader_issues_the_ward_report_with_a_number_unique_in_its_year(
    world, regime, coordinator, leader, province_viewer
):
    ward = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    with pytest.raises(ValidationError, match="05/BC-UBND"):
        report_issue(actor=leader, report=ward, number="năm", issued_on=dt.date(2026, 9, 18))
    request_and_issue(
        actor=leader,
        report=ward,
        number="05/BC-UBND",
        issued_on=dt.date(2026, 9, 18),
        now=at_hcm(2026, 9, 18, 10),
    )
    ward.refresh_from_db()
    assert (ward.status, ward.number, ward.versions.count()) == ("submitted", "05/BC-UBND", 1)
    assert Notification.objects.filter(user=province_viewer).exists()

    q2 = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3.previous())
    with pytest.raises(ValidationError, match="đã dùng"):
        report_issue(actor=leader, report=q2, number="05/BC-UBND", issued_on=dt.date(2026, 9, 19))
    report_decide(actor=province_viewer, report=ward, accept=True)
    ward.refresh_from_db()
    assert ward.status == Report.Status.ACCEPTED


# --- completeness and reminders --------------------------------------------------------------

DUE = dt.date(2026, 9, 17)
END = dt.date(2026, 9, 14)


@pytest.mark.parametrize(
    ("submitted", "today", "expected"),
    [
        (None, dt.date(2026, 9, 14), (Timeliness.OPEN, 0)),  # the cut-off day: still running
        (None, dt.date(2026, 9, 15), (Timeliness.NOT_DUE, 0)),
        (None, dt.date(2026, 9, 17), (Timeliness.NOT_DUE, 0)),  # the due date itself
        (None, dt.date(2026, 9, 18), (Timeliness.MISSING, 1)),
        # 23:30 in Hà Nội on the due date is 16:30 UTC: on time
        (dt.datetime(2026, 9, 17, 16, 30, tzinfo=dt.UTC), dt.date(2026, 10, 1), ("on_time", 0)),
        # 00:10 in Hà Nội the day after is still the 17th in UTC: one day late
        (dt.datetime(2026, 9, 17, 17, 10, tzinfo=dt.UTC), dt.date(2026, 10, 1), ("late", 1)),
    ],
)
def test_timeliness_on_both_sides_of_the_cut_off_and_due_date(submitted, today, expected):
    assert timeliness(END, DUE, submitted, today) == expected


def test_the_grid_counts_what_is_owed_not_what_was_clicked(world, regime, settings):
    Unit.objects.filter(pk=world.school_b.pk).update(established_on=dt.date(2026, 7, 1))
    a = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    report_submit(actor=None, report=a, now=at_hcm(2026, 9, 17, 23, 30))
    centre = report_open(actor=None, unit=world.centre, rule=regime.units, key=Q3)
    report_submit(actor=None, report=centre, now=at_hcm(2026, 9, 19, 8))
    report_open(actor=None, unit=world.school_b, rule=regime.units, key=Q3)  # a draft only

    grid = selectors.completeness([regime.units], 2026, today=dt.date(2026, 9, 20))

    cells = {row.unit.name: {str(c.key): c for c in row.cells} for row in grid.rows}
    assert set(cells) == {world.school_a.name, world.school_b.name, world.centre.name}
    assert cells[world.school_a.name]["2026-Q3"].state == Timeliness.ON_TIME
    assert cells[world.centre.name]["2026-Q3"].state == Timeliness.LATE
    assert cells[world.centre.name]["2026-Q3"].days_late == 2
    assert cells[world.school_b.name]["2026-Q3"].state == Timeliness.MISSING
    assert not cells[world.school_b.name]["2026-Q2"].owed  # it did not exist yet
    assert cells[world.school_a.name]["2026-Q4"].state == Timeliness.OPEN
    assert grid.totals["on_time"] == 1 and grid.totals["late"] == 1


def test_reminders_go_before_the_due_date_to_those_who_owe_and_after_it_to_the_coordinator(
    world, regime, coordinator, school_a_officer, school_b_officer, editor
):
    a = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    report_submit(actor=None, report=a, now=at_hcm(2026, 9, 14, 16))

    assert reminders_send(today=dt.date(2026, 9, 13)) == 0
    assert reminders_send(today=dt.date(2026, 9, 14)) == 2  # three days before 17/09
    reminded = Notification.objects.filter(text__startswith="Hạn gửi")
    assert set(reminded.values_list("user__username", flat=True)) == {
        "school_b_officer",
        "editor",
    }
    assert reminders_send(today=dt.date(2026, 9, 14)) == 0  # never twice

    assert reminders_send(today=dt.date(2026, 9, 18)) == 1
    note = Notification.objects.get(user=coordinator, text__startswith="Quá hạn")
    assert world.school_b.name in note.text and world.centre.name in note.text
    assert world.school_a.name not in note.text
