"""Extract every translatable string of the code into a fresh catalogue in OUT_DIR.

The test suite compares it with locale/en to prove the English catalogue is complete; `make
messages` updates the committed catalogue itself.
"""

import os
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.test.utils import override_settings

import lantoa


class Command(BaseCommand):
    help = "Trích các chuỗi cần dịch vào một thư mục (kiểm tra danh mục tiếng Anh)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out_dir")

    def handle(self, *args: Any, out_dir: str, **options: Any) -> None:
        out = Path(out_dir).resolve()
        out.mkdir(parents=True, exist_ok=True)
        package_dir = Path(lantoa.__file__).resolve().parent
        previous = os.getcwd()
        os.chdir(package_dir)
        try:
            with override_settings(LOCALE_PATHS=[out]):
                call_command(
                    "makemessages",
                    locale=["en"],
                    ignore_patterns=["*/tests/*", "static/*"],
                    verbosity=0,
                )
        finally:
            os.chdir(previous)
        self.stdout.write(str(out / "en" / "LC_MESSAGES" / "django.po"))
