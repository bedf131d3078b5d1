from typing import Any

from django.core.management.base import BaseCommand

from lantoa.core.numbers import format_number
from lantoa.org.divisions import divisions_load


class Command(BaseCommand):
    help = "Nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu với mã chính thức."

    def handle(self, *args: Any, **options: Any) -> None:
        result = divisions_load()
        self.stdout.write(
            f"{format_number(result['provinces'])} tỉnh, thành phố; "
            f"{format_number(result['communes'])} xã, phường, đặc khu "
            f"(mới {format_number(result['created'])}, cập nhật {format_number(result['updated'])})."
        )
