"""Target pages and the dashboard: scope, drill-down, confirmation, query counts (issue 4)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core.management import call_command

from lantoa.activities.models import ActivityKind
from lantoa.indicators.models import Indicator
from lantoa.indicators.tests.conftest import record
from lantoa.org.models import Division
from lantoa.org.services import unit_update
from lantoa.web.dashboard import Period, dashboard_for

C = ActivityKind.Category

# the page's own 25, and the bell's unread count that every page shows since issue 14
DASHBOARD_QUERIES = 26


@pytest.fixture
def t1(ward_plan, world):
    target = ward_plan.target("coverage", "100% được phổ biến, quán triệt")
    record(world.vhxh, C.BRIEFING, dt.date(2026, 4, 1), ward_plan.plan, [world.official])
    return target


def test_the_target_page_shows_the_value_and_who_is_missing(t1, coordinator, login):
    page = login(coordinator).get(f"/targets/{t1.pk}/?at=26/11/2026").content.decode()

    assert "1/3 người (33,3%)" in page
    assert "Nguyễn Văn An" in page and "Trần Thị Bình" in page  # missing, by school


def test_a_school_sees_the_ward_target_over_its_own_people_only(t1, school_a_officer, login):
    page = login(school_a_officer).get(f"/targets/{t1.pk}/?at=26/11/2026").content.decode()

    assert "0/1 người (0%)" in page
    assert "Nguyễn Văn An" in page
    assert "Trần Thị Bình" not in page and "Lê Thị Hoa" not in page


def test_another_wards_users_get_404_on_target_pages(t1, other_coordinator, login):
    client = login(other_coordinator)

    assert client.get(f"/targets/{t1.pk}/").status_code == 404
    assert client.post(f"/targets/{t1.pk}/edit/", {"kind": "manual"}).status_code == 404


def test_the_coordinator_confirms_or_changes_how_a_target_computes(t1, coordinator, login):
    t1.indicator.confirmed = False
    t1.indicator.save()

    login(coordinator).post(
        f"/targets/{t1.pk}/edit/",
        {
            "kind": "continuity",
            "activity_categories": ["radio"],
            "min_per_month": "2",
        },
    )

    indicator = Indicator.objects.get(pk=t1.indicator.pk)
    assert indicator.confirmed
    assert indicator.kind == "continuity"
    assert indicator.params == {"activity_categories": ["radio"], "min_per_month": 2}


def test_a_school_officer_cannot_change_the_ward_target(t1, school_a_officer, login):
    response = login(school_a_officer).post(f"/targets/{t1.pk}/edit/", {"kind": "manual"})

    assert response.status_code == 403
    assert Indicator.objects.get(pk=t1.indicator.pk).kind == "coverage"


def test_the_dashboard_links_every_number_to_its_records(
    t1, world, ward_plan, coordinator, login, django_assert_max_num_queries
):
    record(world.centre, C.PORTAL_ARTICLE, dt.date(2026, 5, 3), ward_plan.plan)
    record(world.vhxh, C.SEMINAR, dt.date(2026, 5, 9), ward_plan.plan, co=[world.school_a])
    client = login(coordinator)

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        page = client.get("/dashboard/?date_from=01/01/2026&date_to=30/11/2026").content.decode()

    assert "1/3 người (33,3%)" in page
    total = re.search(r'href="([^"]+)" data-testid="activity-total">(\d+)<', page)
    assert total.group(2) == "3"  # the co-organised seminar counts once
    listed = client.get(total.group(1).replace("&amp;", "&")).content.decode()
    assert "3 hoạt động" in listed
    assert 'id="lt-activity-chart-data"' in page  # the chart's figures (test_dashboard_charts)


def test_the_dashboard_query_count_does_not_grow_with_the_record(
    t1, world, ward_plan, coordinator, login, django_assert_max_num_queries
):
    for month in range(1, 11):
        record(world.centre, C.RADIO, dt.date(2026, month, 5), ward_plan.plan)
        record(
            world.school_b, C.BRIEFING, dt.date(2026, month, 6), ward_plan.plan, [world.teacher_b]
        )
    client = login(coordinator)

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        client.get("/dashboard/?date_from=01/01/2026&date_to=30/11/2026")


def test_the_province_viewer_sees_its_wards_side_by_side(t1, world, province_viewer, login):
    province = Division.objects.create(
        code="90", name="Tỉnh Thử", division_type="Tỉnh", level="province"
    )
    commune = Division.objects.create(
        code="90001", name="Phường An Hòa", division_type="Phường", level="commune", parent=province
    )
    unit_update(actor=None, unit=world.department, division=province)
    unit_update(actor=None, unit=world.ward, division=commune)

    page = login(province_viewer).get("/dashboard/").content.decode()

    assert "Ủy ban nhân dân phường An Hòa" in page
    assert "Ủy ban nhân dân phường Bình Yên" not in page  # no division in this province
    assert "1/3 người (33,3%)" in page


def test_show_targets_prints_json_for_a_unit(t1, world, capsys):
    call_command("show_targets", "--unit", "90001", "--at", "2026-11-26", "--json")

    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            **rows[0],
            "kind": "coverage",
            "value": 33.3,
            "numerator": 1,
            "denominator": 3,
            "target": 100,
            "missing": 2,
            "status": "on_track",
        }
    ]


def test_show_targets_for_a_school_narrows_the_ward_target(t1, world, capsys):
    call_command("show_targets", "--unit", world.school_a.code, "--at", "2026-11-26", "--json")

    [row] = json.loads(capsys.readouterr().out)
    assert (row["numerator"], row["denominator"], row["within"]) == (0, 1, world.school_a.code)


def test_the_dashboard_counts_each_units_share_and_names_the_units_silent_this_month(
    t1, world, ward_plan, coordinator
):
    record(world.vhxh, C.SEMINAR, dt.date(2026, 11, 9), ward_plan.plan, co=[world.school_a])
    record(world.school_b, C.FLAG_CEREMONY, dt.date(2026, 10, 5), ward_plan.plan)

    board = dashboard_for(
        coordinator,
        world.ward,
        Period(dt.date(2026, 1, 1), dt.date(2026, 11, 26)),
        today=dt.date(2026, 11, 26),
    )

    by_unit = {unit.name: cell.count for unit, cell in board.by_unit}
    assert by_unit["Phòng Văn hóa - Xã hội"] == 2  # the April briefing and the seminar
    assert by_unit["Trường Tiểu học Thử A"] == 1  # co-organised the seminar
    assert by_unit["Trường Tiểu học Thử B"] == 1
    assert board.total.count == 3  # the seminar of two units is one activity
    silent = {unit.name for unit in board.silent_units}
    assert "Trường Tiểu học Thử B" in silent  # its flag ceremony was in October
    assert {"Phòng Văn hóa - Xã hội", "Trường Tiểu học Thử A"}.isdisjoint(silent)
