"""Numbers and money the Vietnamese way: `.` groups thousands, `,` marks decimals, whole đồng."""

from decimal import Decimal


def format_number(value: int | float | Decimal, places: int = 1) -> str:
    """3321 → "3.321"; 80.25 → "80,3" (whole numbers keep no decimals)."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    text = f"{Decimal(value):,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_money(amount: int) -> str:
    """1250000 → "1.250.000 đ" (BigIntegerField of whole đồng; DESIGN.md)."""
    return f"{format_number(amount)} đ"
