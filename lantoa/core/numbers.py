"""Numbers and money the Vietnamese way: `.` groups thousands, amounts in whole đồng."""


def format_number(value: int) -> str:
    """3321 → "3.321"."""
    return f"{int(value):,}".replace(",", ".")


def format_money(amount: int) -> str:
    """1250000 → "1.250.000 đ" (BigIntegerField of whole đồng; DESIGN.md)."""
    return f"{format_number(amount)} đ"
