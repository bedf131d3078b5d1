"""A list's filters as «Bộ lọc (n)» and chips that each remove one filter (issue 14, item 3)."""

from urllib.parse import parse_qs

from lantoa.core.filters import filter_chips
from lantoa.plans.forms import PeriodFilterForm


def test_each_filter_in_force_is_a_chip_that_removes_only_itself(coordinator, world, login):
    response = login(coordinator).get(
        "/plans/periods/", {"bucket": "open_overdue", "due_to": "31/12/2026", "page": "2"}
    )
    body = response.content.decode()
    assert "Bộ lọc (2)" in body
    form = response.context["form"]
    chips = filter_chips(form, response.wsgi_request.GET)
    assert [(c.label, c.value) for c in chips] == [
        ("Tình trạng", "Chưa hoàn thành, quá hạn"),
        ("đến ngày", "31/12/2026"),
    ]
    assert parse_qs(chips[0].remove_url[1:]) == {"due_to": ["31/12/2026"]}
    assert parse_qs(chips[1].remove_url[1:]) == {"bucket": ["open_overdue"]}


def test_no_filter_no_chip(coordinator, world, login):
    response = login(coordinator).get("/plans/periods/")
    assert "Bộ lọc (0)" in response.content.decode()
    assert isinstance(response.context["form"], PeriodFilterForm)
    assert filter_chips(response.context["form"], response.wsgi_request.GET) == []
