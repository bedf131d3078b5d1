"""`lantoa import_score`: the importer against its corpus, by shape (issue 13; `make
import-score`). `--misses` lists every field and task it got wrong."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lantoa.plans.import_score import CORPUS, SHAPES, plan_files, score_corpus

COLUMNS = ("header", "recall", "precision", "lead", "partners", "deadline", "targets")


class Command(BaseCommand):
    help = "Đo mức đọc đúng kế hoạch trên bộ văn bản mẫu (tests/plan_corpus)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--shape", choices=SHAPES, action="append")
        parser.add_argument("--misses", action="store_true", help="in từng chỗ đọc sai")
        parser.add_argument(
            "--corpus", default=str(CORPUS), help="thư mục văn bản mẫu (mặc định tests/plan_corpus)"
        )

    def handle(
        self, *args: Any, shape: list[str] | None, misses: bool, corpus: str, **options: Any
    ) -> None:
        folder = Path(corpus)
        scores = score_corpus(shape or SHAPES, folder)
        plans = len(plan_files(folder))
        self.stdout.write(f"{plans} plans · " + " · ".join(f"{c}" for c in COLUMNS))
        self.stdout.write("| shape | " + " | ".join(COLUMNS) + " | tasks (answer/read) | parse s |")
        self.stdout.write("|---" * (len(COLUMNS) + 3) + "|")
        for name, score in scores.items():
            shares = score.shares()
            cells = " | ".join(f"{shares[c]:.1%}" for c in COLUMNS)
            self.stdout.write(
                f"| {name} | {cells} | {score.expected}/{score.found} | {score.seconds:.2f} |"
            )
        if misses:
            for score in scores.values():
                for line in score.misses:
                    self.stdout.write(f"  {line}")
