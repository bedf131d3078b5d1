import datetime as dt

import pytest
import time_machine

from lantoa.core.dates import format_vn_date, local_today, parse_vn_date


@pytest.mark.parametrize(
    "text,expected",
    [
        ("05/09/1985", dt.date(1985, 9, 5)),
        ("5/9/1985", dt.date(1985, 9, 5)),
        ("05-09-1985", dt.date(1985, 9, 5)),
    ],
)
def test_parse_vn_date_reads_day_first(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/1980", "1985-09-05", "05/09/85", "hôm qua", ""])
def test_parse_vn_date_rejects_impossible_or_foreign_dates(text):
    with pytest.raises(ValueError):
        parse_vn_date(text)


def test_format_vn_date_uses_ho_chi_minh_time():
    late_utc = dt.datetime(2026, 11, 19, 20, 30, tzinfo=dt.UTC)  # 03:30 on the 20th in Hà Nội
    assert format_vn_date(late_utc) == "20/11/2026"
    assert format_vn_date(dt.date(2026, 1, 5)) == "05/01/2026"


@time_machine.travel(dt.datetime(2026, 11, 19, 18, 0, tzinfo=dt.UTC), tick=False)
def test_local_today_is_the_date_in_vietnam(settings):
    assert local_today() == dt.date(2026, 11, 20)


def test_working_days_skip_weekends_and_fixed_public_holidays():
    import datetime as dt

    from lantoa.core.dates import add_working_days

    assert add_working_days(dt.date(2026, 11, 27), 2) == dt.date(2026, 12, 1)  # Fri → Tue
    # 30/4 and 1/5 are holidays, then the weekend: Wednesday 29/4 + 2 → Tuesday 5/5
    assert add_working_days(dt.date(2026, 4, 29), 2) == dt.date(2026, 5, 5)
