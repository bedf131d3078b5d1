from typing import Any

from django.core.management.base import BaseCommand

from lantoa.org.divisions import divisions_load


class Command(BaseCommand):
    help = "Nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu với mã chính thức."

    def handle(self, *args: Any, **options: Any) -> None:
        result = divisions_load()
        self.stdout.write(
            f"{result['provinces']} tỉnh, thành phố; {result['communes']} xã, phường, đặc khu "
            f"(mới {result['created']}, cập nhật {result['updated']})."
        )
