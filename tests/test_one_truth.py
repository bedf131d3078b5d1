"""One figure, one rule (issue 10): on the demo, each figure the ward's staff compare — the
four bucket counts of task periods, the briefing coverage, activities per unit, participants —
is the same number on every page, document (DOCX, XLSX) and `lantoa show_targets` output that
shows it, and every count leads to a list of exactly that many rows."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from docx import Document
from openpyxl import load_workbook

from conftest import builtin_kinds_ensure
from lantoa.accounts.models import User
from lantoa.activities.models import Activity
from lantoa.core.numbers import format_number
from lantoa.demo.ward import load_demo
from lantoa.indicators.selectors import briefing_target
from lantoa.org.models import Unit
from lantoa.plans.models import Plan
from lantoa.reporting.models import Report
from tests.crawl import analyze

DEMO_DAY = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)  # 09:00 in Hà Nội
BUCKETS = ["done_on_time", "done_late", "open_in_time", "open_overdue"]
LABELS = {
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "open_in_time": "đang thực hiện trong hạn",
    "open_overdue": "chưa hoàn thành, quá hạn",
}


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def buckets_on(html: str) -> dict[str, int]:
    """The four counts a page shows (data-bucket="…">N<)."""
    found = dict(re.findall(r'data-bucket="(\w+)"[^>]*>(\d+)<', html))
    return {b: int(found[b]) for b in BUCKETS}


def bucket_links(html: str) -> dict[str, str]:
    return {
        b: href.replace("&amp;", "&")
        for href, b in re.findall(
            r'href="([^"]+)"[^>]*>\s*<span class="small">[^<]*</span><span><span[^>]*data-bucket="(\w+)"',
            html,
        )
    }


def listed(client: Client, url: str, testid: str) -> int:
    """How many rows the list at `url` says it shows ("12 kỳ", "7 hoạt động")."""
    html = page(client, url)
    return int(re.search(rf'data-testid="{testid}">(\d+)', html).group(1))


def fraction(text: str) -> tuple[int, int]:
    numerator, denominator = re.search(r"(\d[\d.]*)/(\d[\d.]*)", text).groups()
    return int(numerator.replace(".", "")), int(denominator.replace(".", ""))


def target_actual(html: str, target_pk: int) -> tuple[int, int]:
    row = re.search(
        rf'data-target="{target_pk}".*?data-testid="target-actual">([^<]+)<', html, re.S
    )
    return fraction(row.group(1))


def show_targets(code: str, at: str | None = None) -> list[dict]:
    out = io.StringIO()
    args = ["show_targets", "--unit", code, "--json"] + (["--at", at] if at else [])
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def docx_text(client: Client, report: Report) -> str:
    response = client.get(f"/reports/{report.pk}/download.docx")
    document = Document(io.BytesIO(response.content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def xlsx_sheets(client: Client, report: Report) -> dict[str, list[tuple]]:
    response = client.get(f"/reports/{report.pk}/download.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in workbook}


@pytest.mark.django_db
@time_machine.travel(DEMO_DAY, tick=False)
def test_each_figure_is_the_same_wherever_it_is_shown():
    builtin_kinds_ensure()  # a browser test on this worker may have flushed them
    load_demo()
    analyze()  # the planner sees the data it was just given (PostgreSQL keeps no stats mid-test)
    ward = Unit.objects.get(code="01843")
    school = Unit.objects.get(code="01843-THCS-A")
    plan = Plan.objects.get(issuer=ward)
    t1 = briefing_target(plan)
    coordinator = client_for("dieuphoi")

    # --- the four buckets of task periods, today, over the whole ward -------------------------
    on_home = page(coordinator, "/")
    on_list = page(coordinator, "/plans/tasks/")
    counts = buckets_on(on_list)
    assert sum(counts.values()) > 0 and counts["open_overdue"] > 0
    overdue = re.search(r'data-testid="overdue-count"><strong>([\d.]+)</strong>', on_home)
    assert int(overdue.group(1).replace(".", "")) == counts["open_overdue"]
    assert buckets_on(page(coordinator, "/plans/periods/")) == counts
    assert buckets_on(page(coordinator, "/plans/tasks/board/")) == counts
    assert buckets_on(page(coordinator, "/dashboard/")) == counts
    assert buckets_on(page(coordinator, plan.get_absolute_url())) == counts
    for bucket, url in bucket_links(on_list).items():  # each count leads to exactly its rows
        assert listed(coordinator, url, "period-count") == counts[bucket], bucket
    assert len(bucket_links(on_list)) == 4
    # a school sees its own periods, the same on its list, its dashboard and its periods page
    officer = client_for("truong_thcsa")
    mine = buckets_on(page(officer, "/plans/tasks/"))
    assert buckets_on(page(officer, "/dashboard/")) == mine
    assert buckets_on(page(officer, "/plans/periods/")) == mine
    assert sum(mine.values()) < sum(counts.values())

    # --- the ward's report of quarter III: page, DOCX, XLSX, and the lists behind it ----------
    report = Report.objects.get(unit=ward, period="2026-Q3")
    on_report = page(coordinator, report.get_absolute_url())
    report_buckets = buckets_on(on_report)
    docx = docx_text(coordinator, report)
    sentence = re.search(r"Trong kỳ báo cáo có (\d+) kỳ nhiệm vụ đến hạn: (.*)\.", docx)
    assert int(sentence.group(1)) == sum(report_buckets.values())
    for bucket, label in LABELS.items():
        assert f"{report_buckets[bucket]} {label}" in sentence.group(2)
    sheets = xlsx_sheets(coordinator, report)
    summary = dict(row[:2] for row in sheets["Tổng hợp"])
    for bucket, count in report_buckets.items():
        label = next(
            v
            for k, v in summary.items()
            if k.startswith("Kỳ nhiệm vụ") and LABELS[bucket] in k.lower()
        )
        assert label == count
    linked = re.findall(r'<a class="fw-semibold" href="([^"]+)" data-bucket="(\w+)"', on_report)
    assert len(linked) == 4
    for url, bucket in linked:
        assert (
            listed(coordinator, url.replace("&amp;", "&"), "period-count") == report_buckets[bucket]
        )

    # briefing coverage on the cut-off day: report, DOCX, XLSX, show_targets, dashboard, target
    briefed, people = fraction(re.search(r'data-testid="n-coverage">([^<]+)<', on_report).group(1))
    assert people > 0 and 0 < briefed < people
    assert f"{briefed}/{people} người" in docx
    assert (
        summary["Người được phổ biến, quán triệt"],
        summary["Tổng số thuộc đối tượng phải được phổ biến, quán triệt"],
    ) == (briefed, people)
    target_rows = {row[0]: row for row in sheets["Chỉ tiêu"][1:]}
    assert target_rows[t1.text][3:5] == (briefed, people)
    cli = next(r for r in show_targets("01843", "2026-09-14") if r["target_id"] == t1.pk)
    assert (cli["numerator"], cli["denominator"]) == (briefed, people)
    board = page(coordinator, "/dashboard/?date_from=01/01/2026&date_to=14/09/2026")
    assert target_actual(board, t1.pk) == (briefed, people)
    target_page = page(coordinator, f"/targets/{t1.pk}/?at=14/09/2026")
    actual = re.search(r'data-testid="actual">([^<]+)<', target_page).group(1)
    assert fraction(actual) == (briefed, people)

    # activities per unit over the quarter: report annex (DOCX, XLSX), dashboard, activity list
    quarter = "date_from=15/06/2026&date_to=14/09/2026"
    board = page(coordinator, f"/dashboard/?{quarter}")
    per_unit_sheet = {row[0]: row[1] for row in sheets["Theo đơn vị"][1:]}
    compared = 0
    for unit in Unit.objects.filter(
        parent=ward, kind__in=["school", "service_centre", "culture_society_office"]
    ):
        on_board = re.search(rf'href="([^"]+)" data-unit="{unit.pk}">(\d+)<', board)
        if on_board is None:
            continue
        count = int(on_board.group(2))
        assert per_unit_sheet[unit.name] == count, unit.name
        assert re.search(rf"\| {re.escape(unit.name)} \| {count} \|", docx), unit.name
        url = on_board.group(1).replace("&amp;", "&")
        assert listed(coordinator, url, "activity-count") == count, unit.name
        compared += 1
    assert compared >= 5

    # participants over the quarter: report page, DOCX, XLSX and the activities themselves
    participants = int(
        re.search(r'data-testid="n-participants">([\d.]+)<', on_report).group(1).replace(".", "")
    )
    assert participants > 0
    assert f"với {format_number(participants)} lượt người tham dự" in docx
    assert summary["Lượt người tham dự"] == participants
    rows = page(coordinator, f"/activities/?unit={ward.pk}&{quarter}")
    assert re.search(r'data-testid="activity-count">(\d+)', rows).group(1) == str(
        summary["Số hoạt động"]
    )
    assert sum(int(n) for n in re.findall(r"· (\d+) người dự", rows)) == participants

    # --- a school: coverage on its dashboard, in the evaluation, in show_targets ---------------
    theirs = target_actual(page(officer, "/dashboard/"), t1.pk)
    evaluation = page(coordinator, "/reports/evaluation/?year=2026")
    cell = re.search(
        rf'data-unit="{school.pk}" data-measure="coverage">(?:<a[^>]*>)?([^<]+)<', evaluation
    )
    assert fraction(cell.group(1)) == theirs
    cli = next(r for r in show_targets(school.code) if r["target_id"] == t1.pk)
    assert (cli["numerator"], cli["denominator"]) == theirs
    target_page = page(coordinator, f"/targets/{t1.pk}/?unit={school.pk}")
    assert fraction(re.search(r'data-testid="actual">([^<]+)<', target_page).group(1)) == theirs
    # ... and its activities of the year in the evaluation lead to a list of as many
    cell = re.search(
        rf'data-unit="{school.pk}" data-measure="activities"><a href="([^"]+)">(\d+) hoạt động<',
        evaluation,
    )
    assert listed(coordinator, cell.group(1).replace("&amp;", "&"), "activity-count") == int(
        cell.group(2)
    )

    # --- one activity's participants: attendees on the roster plus the guests typed -----------
    briefing = Activity.objects.filter(organiser=school, kind__category="briefing").first()
    expected = briefing.attendances.count() + (briefing.guests or 0)
    detail = page(officer, briefing.get_absolute_url())
    assert re.search(r'data-testid="participants">(\d+)', detail).group(1) == str(expected)
