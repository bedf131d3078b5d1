"""«Việc của tôi»: each person's home leads to their next job, and each count on it is the
list it links to (issue 14, item 1)."""

import datetime as dt

import time_machine
from django.urls import reverse

from lantoa.activities.models import ActivityKind
from lantoa.core.status import Chip, Tone
from lantoa.plans.tests.conftest import issued_plan, saved_plan, ward_units  # noqa: F401
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.services import report_decide, report_open, report_submit
from lantoa.reporting.tests.conftest import regime  # noqa: F401

NOV_26 = dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC)


@time_machine.travel(NOV_26, tick=False)
def test_each_count_on_home_is_the_list_it_links_to(issued_plan, coordinator, login):  # noqa: F811
    client = login(coordinator)
    work = client.get("/").context["work"]
    assert work.overdue.count > 0
    for link in (work.overdue, work.due_soon):
        assert client.get(link.url).context["page"].paginator.count == link.count
    dues = [o.due for o in work.periods if o.bucket == "open_overdue"]
    assert dues and dues == sorted(dues)  # the longest overdue first
    first = work.periods[0]
    task_page = client.get(f"{first.task.get_absolute_url()}?period={first.pk}")
    assert task_page.context["report_for"] == first.pk  # one tap from «Báo hoàn thành»
    assert f'data-testid="report-done-{first.pk}"' in task_page.content.decode()


@time_machine.travel(dt.datetime(2026, 12, 20, 3, 0, tzinfo=dt.UTC), tick=False)
def test_a_school_sees_its_own_periods_due_soon(issued_plan, school_a_officer, login):  # noqa: F811
    work = login(school_a_officer).get("/").context["work"]
    assert work.due_soon.count == 1
    assert [(o.task.lead_unit.code, o.due) for o in work.periods] == [
        ("90001-THA", dt.date(2026, 12, 31))
    ]


def test_quick_briefing_opens_the_form_filled_and_saving_leads_to_attendance(
    school_a_officer, world, login
):
    client = login(school_a_officer)
    actions = {a.testid: a for a in client.get("/").context["work"].actions}
    assert list(actions) == [
        "quick-briefing",
        "quick-activity",
        "quick-report-task",
        "quick-report",
    ]
    form = client.get(actions["quick-briefing"].url).context["form"]
    kind = form.initial["kind"]
    assert kind.category == ActivityKind.Category.BRIEFING
    assert form.initial["title"] == kind.name and form.initial["organiser"] == world.school_a
    data = {"kind": kind.pk, "title": kind.name, "organiser": world.school_a.pk}
    data["date"] = "02/12/2026"
    saved = client.post(reverse("activities:create"), data)
    assert saved.status_code == 302 and saved.url.endswith("#attendance")
    page = client.get(saved.url.split("#")[0]).content.decode()
    assert 'data-testid="roster-checklist"' in page and world.teacher_a.full_name in page


def test_leader_is_told_what_waits_for_signature_and_sees_the_buckets(leader, world, login):
    work = login(leader).get("/").context["work"]
    assert work.signs and work.to_sign == []
    assert [b.bucket for b in work.summary] == [
        "done_on_time",
        "done_late",
        "open_in_time",
        "open_overdue",
    ]
    assert work.actions == []  # a leader reads and signs; recording is the units' job


def test_the_province_sees_its_wards_not_their_housekeeping(province_viewer, world, login):
    response = login(province_viewer).get("/")
    work, summary = response.context["work"], response.context["summary"]
    assert work.periods == [] and work.actions == []
    assert all("danh sách cán bộ" not in item.text for item in summary.attention)


def test_a_reader_is_not_asked_to_fix_the_roster(leader, coordinator, world, login):
    texts = [i.text for i in login(coordinator).get("/").context["summary"].attention]
    assert any("chưa có danh sách cán bộ" in t for t in texts)
    texts = [i.text for i in login(leader).get("/").context["summary"].attention]
    assert not any("chưa có danh sách cán bộ" in t for t in texts)


@time_machine.travel(dt.datetime(2026, 10, 10, 3, 0, tzinfo=dt.UTC), tick=False)
def test_a_returned_report_is_to_send_again_and_never_green(
    regime,  # noqa: F811
    world,
    school_a_officer,
    coordinator,
    login,  # noqa: F811
):
    q3 = ReportingPeriod.parse("2026-Q3")
    report = report_open(actor=school_a_officer, unit=world.school_a, rule=regime.units, key=q3)
    report_submit(actor=school_a_officer, report=report)
    client = login(school_a_officer)
    assert [o.key for o in client.get("/").context["work"].reports] == []  # sent, nothing to do

    report_decide(actor=coordinator, report=report, accept=False, comment="Thiếu số liệu.")
    (owed,) = client.get("/").context["work"].reports
    assert (owed.key, owed.report.pk) == (q3, report.pk)
    assert owed.status_chip == Chip("Muộn 23 ngày · bị trả lại", Tone.RETURNED)
