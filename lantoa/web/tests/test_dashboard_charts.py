"""The dashboard's month chart reads on a phone and says what the table says (issue 14, item 5)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from conftest import sign_in
from lantoa.activities.models import ActivityKind
from lantoa.indicators.tests.conftest import record
from lantoa.web import dashboard
from lantoa.web.dashboard import SERIES_COLOURS, Period

C = ActivityKind.Category
YEAR = "date_from=01/01/2026&date_to=31/12/2026"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def activities(world, ward_plan):
    record(world.vhxh, C.BRIEFING, dt.date(2026, 3, 2), ward_plan.plan)
    record(world.vhxh, C.BRIEFING, dt.date(2026, 4, 1), ward_plan.plan)
    record(world.centre, C.RADIO, dt.date(2026, 4, 9), ward_plan.plan)
    record(world.centre, C.PORTAL_ARTICLE, dt.date(2026, 11, 3), ward_plan.plan)
    record(world.vhxh, C.SEMINAR, dt.date(2026, 11, 9), ward_plan.plan, co=[world.school_a])


def figure(text: str) -> int:
    """A figure as the page prints it (1.234) back to a number."""
    return int(re.sub(r"<[^>]+>", "", text).strip().replace(".", ""))


def chart_json(page: str) -> dict:
    found = re.search(
        r'<script id="lt-activity-chart-data" type="application/json">(.*?)</script>', page
    )
    return json.loads(found.group(1))


def month_table(page: str) -> dict:
    """The month table's head, kind rows and totals row, read as a person reads them."""
    table = re.search(r'<table[^>]*data-testid="by-kind">(.*?)</table>', page, re.S).group(1)
    head = re.findall(
        r'<th scope="col" class="text-end"><abbr title="([^"]+)">([^<]+)</abbr>', table
    )
    rows = {}
    for label, cells in re.findall(
        r'<tr data-series="\d+"><th scope="row">([^<]+)</th>(.*?)</tr>', table
    ):
        rows[html.unescape(label)] = [figure(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", cells)]
    totals = re.search(r'data-testid="month-totals">(.*?)</tr>', table, re.S).group(1)
    return {
        "titles": [html.unescape(full) for full, _short in head],
        "labels": [short for _full, short in head],
        "rows": rows,
        "totals": [figure(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", totals)],
    }


def legend(page: str) -> dict[str, int]:
    items = re.findall(
        r'class="lt-legend-label">([^<]+)</span> <span class="lt-legend-total">([^<]+)<', page
    )
    return {html.unescape(label): figure(total) for label, total in items}


def contrast_on_white(colour: str) -> float:
    """WCAG 2 contrast ratio of an sRGB colour against white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_the_chart_draws_exactly_the_figures_of_the_table(activities, coordinator, login):
    page = login(coordinator).get(f"/dashboard/?{YEAR}").content.decode()

    chart, table = chart_json(page), month_table(page)
    assert chart["labels"] == table["labels"] == [f"T{m}" for m in range(1, 13)]
    assert chart["titles"] == table["titles"] == [f"Tháng {m}/2026" for m in range(1, 13)]
    series = {s["label"]: s["values"] for s in chart["series"]}
    assert {label: cells[:-1] for label, cells in table["rows"].items()} == series
    assert chart["totals"] == table["totals"][:-1]
    assert series["Phổ biến, quán triệt"][2:4] == [1, 1]  # March and April
    # the legend's totals are the table's last column
    assert legend(page) == {label: cells[-1] for label, cells in table["rows"].items()}
    assert table["totals"][-1] == sum(chart["totals"]) == 5


def test_figures_carry_thousands_separators_and_stay_one_figure(
    activities, coordinator, login, monkeypatch
):
    counted = dashboard._by_kind

    def busier(*args):
        rows = counted(*args)
        rows[0].cells[3].count = 1234
        return rows

    monkeypatch.setattr(dashboard, "_by_kind", busier)
    page = login(coordinator).get(f"/dashboard/?{YEAR}").content.decode()

    assert ">1.234</a>" in page
    assert chart_json(page)["series"][0]["values"][3] == 1234
    assert month_table(page)["rows"]["Phổ biến, quán triệt"][3] == 1234


def test_months_carry_the_year_only_when_the_period_spans_two():
    one_year = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)).month_labels()
    two_years = Period(dt.date(2025, 11, 15), dt.date(2026, 2, 10)).month_labels()

    assert [m.short for m in one_year] == ["T1", "T2", "T3"]
    assert [m.short for m in two_years] == ["T11/2025", "T12/2025", "T1/2026", "T2/2026"]
    assert two_years[1].full == "Tháng 12/2025"


def test_without_script_the_table_carries_the_figures(activities, coordinator, login):
    page = login(coordinator).get(f"/dashboard/?{YEAR}").content.decode()

    assert re.search(r'<figure class="lt-chart" data-testid="activity-chart" hidden>', page)
    assert '<caption id="lt-by-kind-caption">' in page
    assert 'role="region" aria-labelledby="lt-by-kind-caption"' in page  # scrolls by keyboard
    assert "Vuốt ngang để xem thêm tháng ›" in page
    assert re.search(
        r'<canvas id="lt-activity-chart" role="img" aria-label="[^"]*tổng cộng 5 ', page
    )
    months = page[page.index("Hoạt động theo tháng</h2>") : page.index('data-testid="by-unit"')]
    assert "<svg" not in months  # the server no longer draws the chart


def test_every_kind_has_a_colour_that_stands_out_on_white():
    assert set(SERIES_COLOURS) == set(C.values)
    assert len(set(SERIES_COLOURS.values())) == len(SERIES_COLOURS)
    for category, colour in SERIES_COLOURS.items():
        assert contrast_on_white(colour) >= 3, category


def test_a_dashboard_with_no_activity_loads_no_chart(coordinator, login):
    page = login(coordinator).get(f"/dashboard/?{YEAR}").content.decode()

    assert "Chưa ghi hoạt động nào trong khoảng thời gian này." in page
    assert "chart.umd.min.js" not in page and "lt-activity-chart-data" not in page


CHART_STATE = """() => {
  const chart = Chart.getChart(document.getElementById("lt-activity-chart"));
  return chart && {
    indexAxis: chart.options.indexAxis,
    labels: chart.data.labels,
    values: chart.data.datasets.map((d) => d.data),
    tooltips: chart.options.plugins.tooltip.enabled !== false,
    canvasLegend: chart.options.plugins.legend.display,
    height: chart.height,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("viewport", "axis"), [(PHONE, "y"), (DESKTOP, "x")], ids=["phone", "desktop"]
)
def test_the_chart_reads_on_a_phone_and_on_a_desktop(
    browser, live_server, coordinator, activities, viewport, axis
):
    errors: list[str] = []
    page = sign_in(browser, live_server, "coordinator", viewport)
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server.url}/dashboard/?{YEAR}")
    page.get_by_test_id("activity-chart").wait_for()

    state = page.evaluate(CHART_STATE)
    assert state["indexAxis"] == axis  # months as rows on a phone
    assert state["labels"][:3] == ["T1", "T2", "T3"]
    assert state["values"] == [s["values"] for s in chart_json(page.content())["series"]]
    assert state["tooltips"] and state["canvasLegend"] is False
    assert state["height"] >= 12 * 28 if axis == "y" else state["height"] > 200
    items = page.get_by_test_id("chart-legend").locator(".lt-legend-item")
    assert items.count() == 4
    assert items.first.is_visible()
    font_px = items.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font_px >= 12
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    hint = page.get_by_test_id("scroll-hint")
    assert hint.is_visible() == (axis == "y")  # twelve months overflow a phone, not a desktop

    items.first.click()  # the legend hides a kind, and says so
    assert items.first.get_attribute("aria-pressed") == "false"
    assert (
        page.evaluate(
            "Chart.getChart(document.getElementById('lt-activity-chart')).isDatasetVisible(0)"
        )
        is False
    )
    assert errors == []
    page.close()
