"""Numbers and money the Vietnamese way: `.` groups thousands, `,` marks decimals, whole đồng;
and the one percentage rule every page, document and command uses."""

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)


def format_number(value: int | float | Decimal, places: int = 1) -> str:
    """3321 → "3.321"; 80.25 → "80,3" (whole numbers keep no decimals)."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    text = f"{Decimal(value):,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_money(amount: int) -> str:
    """1250000 → "1.250.000 đ" (BigIntegerField of whole đồng; DESIGN.md)."""
    return f"{format_number(amount)} đ"


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """part of whole in per cent, to one decimal (half up); None when there is no whole."""
    if not whole:
        return None
    return (HUNDRED * Decimal(part) / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def format_percent(part: int | Decimal, whole: int | Decimal) -> str:
    """171 of 213 → "80,3%"; "—" when there is no whole."""
    value = percent(part, whole)
    return "—" if value is None else f"{format_number(value)}%"
