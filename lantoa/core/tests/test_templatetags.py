import datetime as dt

from lantoa.core.templatetags.lantoa import vndate, vnnumber


def test_vndate_formats_dates_and_iso_strings():
    assert vndate("2025-08-22") == "22/08/2025"
    assert vndate(dt.date(2026, 1, 5)) == "05/01/2026"
    assert vndate(None) == ""


def test_vnnumber_groups_with_dots():
    assert vnnumber(3321) == "3.321"
