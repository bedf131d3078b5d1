"""Report pages: the flow through the forms, another unit's user gets 404 on every page,
pinned query counts (issue 5)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import at_hcm
from lantoa.reporting.models import Report
from lantoa.reporting.services import report_open, report_submit
from lantoa.reporting.tests.conftest import Q3, record


@pytest.fixture
def school_report(world, regime, school_a_officer):
    return report_open(actor=school_a_officer, unit=world.school_a, rule=regime.units, key=Q3)


def test_a_school_drafts_sends_and_the_coordinator_returns_then_accepts(
    world, regime, school_a_officer, coordinator, login
):
    record(world.school_a, "flag_ceremony", dt.date(2026, 7, 6), 321)
    school = login(school_a_officer)
    page = school.get("/reports/").content.decode()
    assert "quý III năm 2026" in page and "Soạn báo cáo" in page

    response = school.post(
        "/reports/open/", {"rule": regime.units.pk, "unit": world.school_a.pk, "period": "2026-Q3"}
    )
    report = Report.objects.get(unit=world.school_a, period="2026-Q3")
    assert response.url == report.get_absolute_url()
    narrative = {name: "" for name in Report.NARRATIVE_FIELDS}
    narrative["plan"] = report.plan_id  # the ward's plan in force, chosen by default
    assert report.plan is not None
    school.post(f"/reports/{report.pk}/save/", {**narrative, "results": "Tốt.", "submit": "1"})
    report.refresh_from_db()
    assert (report.status, report.results) == ("submitted", "Tốt.")

    ward = login(coordinator)
    assert "321" in ward.get(report.get_absolute_url()).content.decode()
    page = ward.post(
        f"/reports/{report.pk}/decide/", {"decision": "return", "comment": ""}, follow=True
    ).content.decode()
    assert "Ghi lý do trả lại" in page
    ward.post(f"/reports/{report.pk}/decide/", {"decision": "return", "comment": "Thiếu ảnh."})
    page = school.get(report.get_absolute_url()).content.decode()
    assert "Thiếu ảnh." in page and "Gửi lại báo cáo" in page

    school.post(
        f"/reports/{report.pk}/save/", {**narrative, "results": "Đã bổ sung.", "submit": "1"}
    )
    ward.post(f"/reports/{report.pk}/decide/", {"decision": "accept"})
    report.refresh_from_db()
    assert report.status == "accepted" and report.versions.count() == 2
    first = school.get(f"/reports/{report.pk}/versions/1/").content.decode()
    assert "Tốt." in first and "Thiếu ảnh." in first


def test_the_coordinator_cannot_rewrite_a_school_report(school_report, coordinator, login):
    narrative = {name: "phường viết" for name in Report.NARRATIVE_FIELDS}
    response = login(coordinator).post(f"/reports/{school_report.pk}/save/", narrative)
    assert response.status_code == 403
    school_report.refresh_from_db()
    assert school_report.results == ""


@pytest.mark.parametrize(
    "path",
    [
        "/reports/{pk}/",
        "/reports/{pk}/download.docx",
        "/reports/{pk}/download.xlsx",
        "/reports/{pk}/versions/1/",
    ],
)
def test_another_units_user_gets_404(
    school_report, path, login, other_coordinator, school_b_officer
):
    report_submit(actor=None, report=school_report, now=at_hcm(2026, 9, 16))
    for user in (other_coordinator, school_b_officer):
        assert login(user).get(path.format(pk=school_report.pk)).status_code == 404


@pytest.mark.parametrize("action", ["save", "submit", "decide", "issue", "gather"])
def test_another_units_user_gets_404_on_every_write(
    school_report, action, login, other_coordinator
):
    response = login(other_coordinator).post(
        f"/reports/{school_report.pk}/{action}/", {"decision": "accept"}
    )
    assert response.status_code == 404


def test_another_ward_cannot_open_or_edit_our_regime(regime, world, login, other_coordinator):
    client = login(other_coordinator)
    response = client.post(
        "/reports/open/", {"rule": regime.units.pk, "unit": world.school_a.pk, "period": "2026-Q3"}
    )
    assert response.status_code == 404
    assert client.post(f"/reports/rules/{regime.units.pk}/", {}).status_code == 404
    assert str(regime.units.owner) not in client.get("/reports/rules/").content.decode()
    assert client.get("/reports/completeness/").context["grids"] == []


def test_the_coordinator_edits_the_regime_and_a_bad_day_is_named(regime, coordinator, login):
    client = login(coordinator)
    prefix = f"r{regime.units.pk}"
    response = client.post(
        f"/reports/rules/{regime.units.pk}/",
        {f"{prefix}-cutoff_day": 31, f"{prefix}-due_days": 3, f"{prefix}-is_active": "on"},
    )
    assert response.status_code == 400
    assert "từ 1 đến 28" in response.content.decode()
    client.post(
        f"/reports/rules/{regime.units.pk}/",
        {
            f"{prefix}-cutoff_day": 20,
            f"{prefix}-due_days": 5,
            f"{prefix}-reporter_kinds": ["school"],
            f"{prefix}-is_active": "on",
        },
    )
    regime.units.refresh_from_db()
    assert (regime.units.cutoff_day, regime.units.due_days) == (20, 5)
    assert regime.units.reporter_kinds == ["school"]


def test_the_completeness_grid_and_the_province_page(
    world, regime, coordinator, province_viewer, leader, school_a_officer, login
):
    report = report_open(actor=None, unit=world.school_a, rule=regime.units, key=Q3)
    report_submit(actor=None, report=report, now=at_hcm(2026, 9, 16))
    page = login(coordinator).get("/reports/completeness/?year=2026").content.decode()
    assert world.school_b.name in page and "Đúng hạn" in page
    # issue 12, finding 8: a school sees its own row, not every unit's reporting status
    school = login(school_a_officer).get("/reports/completeness/?year=2026").content.decode()
    assert world.school_a.name in school and world.school_b.name not in school

    province = login(province_viewer).get("/reports/province/?year=2026")
    grid = province.context["grids"][0][2]
    assert [row.unit for row in grid.rows] == [world.ward]
    assert login(coordinator).get("/reports/province/").status_code == 404


def test_list_pages_pin_their_query_counts(world, regime, coordinator, login):
    for school in (world.school_a, world.school_b, world.centre):
        report = report_open(actor=None, unit=school, rule=regime.units, key=Q3)
        report_submit(actor=None, report=report, now=at_hcm(2026, 9, 16))
    client = login(coordinator)
    client.get("/reports/")  # warm the session
    with CaptureQueriesContext(connection) as index:
        assert client.get("/reports/").status_code == 200
    with CaptureQueriesContext(connection) as grid:
        assert client.get("/reports/completeness/?year=2026").status_code == 200
    assert len(index) <= 40
    assert len(grid) <= 12


def test_an_english_reader_freezes_a_vietnamese_report(world, regime, school_a_officer, login):
    record(world.school_a, "flag_ceremony", dt.date(2026, 7, 6), 10)
    client = login(school_a_officer)
    client.cookies["django_language"] = "en"
    client.post(
        "/reports/open/", {"rule": regime.units.pk, "unit": world.school_a.pk, "period": "2026-Q3"}
    )
    report = Report.objects.get(unit=world.school_a)
    client.post(f"/reports/{report.pk}/submit/")
    snapshot = report.versions.get().snapshot
    assert snapshot["period_label"] == "quý III năm 2026"
    assert snapshot["activities"]["by_kind"][0]["name"] == "Sinh hoạt dưới cờ"


def _ward_with_target(ward, leader_user, department):  # type: ignore[no-untyped-def]
    """A ward whose plan has one coverage target, its quarter III report issued to the Sở."""
    from decimal import Decimal

    from lantoa.indicators.models import Indicator
    from lantoa.indicators.params import clean_params
    from lantoa.plans.models import Phase, Plan, Target
    from lantoa.reporting.services import rules_ensure
    from lantoa.reporting.tests.conftest import request_and_issue

    plan = Plan.objects.create(
        issuer=ward, number="1/KH-UBND", date=dt.date(2026, 3, 1), title="Kế hoạch",
        status=Plan.Status.ISSUED, start_year=2026, end_year=2030,
    )  # fmt: skip
    phase = Phase.objects.create(plan=plan, label="2026-2030", start_year=2026, end_year=2030)
    target = Target.objects.create(
        plan=plan, phase=phase, text="100% cán bộ được quán triệt", value=Decimal(100)
    )
    Indicator.objects.create(
        target=target, kind="coverage", params=clean_params("coverage", {}), confirmed=True
    )
    rule = next(
        r
        for r in rules_ensure(ward, department)
        if r.level == "ward" and r.frequency == "quarterly"
    )
    report = report_open(actor=None, unit=ward, rule=rule, key=Q3)
    request_and_issue(
        actor=leader_user, report=report, number="03/BC-UBND", issued_on=dt.date(2026, 9, 18),
        now=at_hcm(2026, 9, 18, 9),
    )  # fmt: skip
    return report


def test_the_sở_sees_the_targets_of_its_wards_summed_from_their_reports(
    world, province_viewer, login
):
    from conftest import make_user
    from lantoa.accounts.models import Role
    from lantoa.reporting.selectors import province_targets

    leader_b = make_user("leader_b", Role.LEADER, world.other_ward)
    leader_a = make_user("leader_a", Role.LEADER, world.ward)
    _ward_with_target(world.ward, leader_a, world.department)
    _ward_with_target(world.other_ward, leader_b, world.department)

    totals, wards = province_targets(world.department, 2026)
    assert wards == 2
    [total] = totals
    # ward A: teacher A, teacher B, the official; ward B: its teacher; nobody briefed
    assert (total.wards, total.numerator, total.denominator) == (2, 0, 4)
    page = login(province_viewer).get("/reports/province/?year=2026").content.decode()
    assert "100% cán bộ được quán triệt" in page and "0/4" in page


def test_the_leader_finds_the_ward_report_waiting_for_approval(
    world, regime, coordinator, leader, login
):
    from lantoa.reporting.services import report_request_signature

    report = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    assert login(leader).get("/reports/").context["to_sign"] == []  # a draft, not yet signed
    report_request_signature(actor=coordinator, report=report, now=at_hcm(2026, 9, 16))
    page = login(leader).get("/reports/")
    assert [r.pk for r in page.context["to_sign"]] == [report.pk]
    assert page.context["owed"] == []  # the leader writes no report
    assert login(coordinator).get("/reports/").context["to_sign"] == []


def test_the_home_page_tells_the_coordinator_what_waits_for_acceptance(
    school_report, coordinator, school_b_officer, login
):
    report_submit(actor=None, report=school_report, now=at_hcm(2026, 9, 16))
    home = login(coordinator).get("/").context["summary"]
    assert [(a.text, a.url) for a in home.attention if "chờ tiếp nhận" in a.text] == [
        ("1 báo cáo đã gửi đến, chờ tiếp nhận", "/reports/")
    ]
    other = login(school_b_officer).get("/").context["summary"]
    assert not [a for a in other.attention if "chờ tiếp nhận" in a.text]


def test_the_sở_reads_a_ward_report_only_once_it_is_sent(
    world, regime, coordinator, leader, province_viewer, login
):
    from lantoa.reporting.tests.conftest import request_and_issue

    report = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    so = login(province_viewer)
    assert so.get(report.get_absolute_url()).status_code == 404
    request_and_issue(
        actor=leader, report=report, number="09/BC-UBND", issued_on=dt.date(2026, 9, 18),
        now=at_hcm(2026, 9, 18, 9),
    )  # fmt: skip
    page = so.get(report.get_absolute_url())
    assert page.status_code == 200 and page.context["can_decide"]


def test_two_plans_in_one_ward_keep_their_own_figures(
    world, coordinator, leader, province_viewer, login
):
    """Issue 10, item 2: a second plan's targets never mix into the first plan's report; the
    report names its plan, another can be chosen; the Sở counts the ward once per target
    whatever number of reports and plans it came through; the dashboard says which plan each
    target belongs to."""
    from lantoa.plans.models import Plan
    from lantoa.reporting.selectors import province_targets
    from lantoa.reporting.services import review_open
    from lantoa.reporting.tests.conftest import request_and_issue

    first = _ward_with_target(world.ward, leader, world.department)
    plan_a = first.plan
    plan_b = Plan.objects.create(
        issuer=world.ward, number="2/KH-UBND", date=dt.date(2026, 5, 1), title="Kế hoạch thứ hai",
        status=Plan.Status.ISSUED, start_year=2026, end_year=2030,
    )  # fmt: skip
    from lantoa.indicators.models import Indicator
    from lantoa.indicators.params import clean_params
    from lantoa.plans.models import Phase, Target

    phase = Phase.objects.create(plan=plan_b, label="2026-2030", start_year=2026, end_year=2030)
    for text in ("100% cán bộ được quán triệt", "Chỉ tiêu riêng của kế hoạch hai"):
        target = Target.objects.create(plan=plan_b, phase=phase, text=text, value=100)
        Indicator.objects.create(
            target=target, kind="coverage", params=clean_params("coverage", {}), confirmed=True
        )

    # the quarter III report stays on the plan it was opened on, with that plan's targets only
    snapshot = first.versions.get().snapshot
    assert snapshot["plan"]["number"] == "1/KH-UBND"
    assert [t["text"] for t in snapshot["targets"]] == ["100% cán bộ được quán triệt"]

    # a review chosen on the second plan has the second plan's targets, named as such
    review = review_open(
        actor=coordinator,
        unit=world.ward,
        kind="interim_review",
        start=dt.date(2025, 12, 15),
        end=dt.date(2026, 9, 14),
    )
    assert review.plan == plan_b  # the latest plan in force by default
    page = login(coordinator).get(review.get_absolute_url()).content.decode()
    assert "Kế hoạch số 2/KH-UBND" in page and "Chỉ tiêu riêng của kế hoạch hai" in page
    form = login(coordinator).get(review.get_absolute_url()).context["narrative_form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["plan"] = plan_a.pk
    login(coordinator).post(f"/reports/{review.pk}/save/", data)
    review.refresh_from_db()
    assert review.plan == plan_a
    data["plan"] = plan_b.pk
    data["version"] = review.version
    login(coordinator).post(f"/reports/{review.pk}/save/", data)
    review.refresh_from_db()
    Report.objects.filter(pk=review.pk).update(recipient=world.department)  # sent to the Sở too
    review.refresh_from_db()
    request_and_issue(
        actor=leader, report=review, number="04/BC-UBND", issued_on=dt.date(2026, 9, 20),
        now=at_hcm(2026, 9, 20, 9),
    )  # fmt: skip

    # the Sở received two reports on two plans from one ward: the shared target counts it once
    totals, wards = province_targets(world.department, 2026)
    shared = next(t for t in totals if t.text == "100% cán bộ được quán triệt")
    assert wards == 1 and (shared.wards, shared.denominator) == (1, 3)
    assert {t.text for t in totals} == {
        "100% cán bộ được quán triệt",
        "Chỉ tiêu riêng của kế hoạch hai",
    }

    # the dashboard lists both plans' targets, each under its plan
    board = login(coordinator).get("/dashboard/").content.decode()
    headings = re.findall(r'data-testid="target-plan">([^<]+)<', board)
    assert len(headings) == 2
    assert any("1/KH-UBND" in h for h in headings) and any("2/KH-UBND" in h for h in headings)
