from typing import Any

from django.core.management.base import BaseCommand

from lantoa.demo.ward import load_demo
from lantoa.demo.ward_roster import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu của phường Bắc Kạn; chạy lại không làm mất dữ liệu đã có."

    def handle(self, *args: Any, **options: Any) -> None:
        accounts = load_demo()
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu phường Bắc Kạn."))
        self.stdout.write(f"Tài khoản mẫu (mật khẩu «{DEMO_PASSWORD}» nếu chưa đổi) — demo logins:")
        for account in accounts:
            self.stdout.write(
                f"  {account.username:<14} {account.role.label} — {account.unit_name}"
            )
        self.stdout.write(f"  {'quantri':<14} Quản trị hệ thống (superuser)")
