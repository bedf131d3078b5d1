from lantoa.core.numbers import format_money, format_number


def test_numbers_group_thousands_with_dots():
    assert format_number(3321) == "3.321"
    assert format_number(999) == "999"
    assert format_number(-1500000) == "-1.500.000"


def test_money_is_whole_dong():
    assert format_money(1_250_000) == "1.250.000 đ"
