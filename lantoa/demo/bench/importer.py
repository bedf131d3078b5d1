"""Benchmark: reading plans (issue 13, item 5): a 30-page plan parsed in under 1 s in each
shape, and `lantoa import_plan` on the seed in under 1.5 s wall time, start-up included. With
it, the importer's score on its corpus and on the held-out plans (`make import-score`)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from pathlib import Path

from lantoa.core.pdf import docx_to_pdf
from lantoa.demo.corpus_docx import build_docx
from lantoa.plans.import_score import CORPUS, SHAPES, score_corpus
from lantoa.plans.parsing import parse_document

REPEAT = 5
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "ke-hoach-71-phuong-bac-kan.txt"
LONG_SOURCE = CORPUS / "12_tinh_block_fields.txt"
COPIES = 6  # the block-layout plan's task section six times over: over 30 printed pages
BLOCKS = 15  # numbered blocks in one copy; copies number on (two digits, as plans do)


def long_plan_text() -> str:
    """A long plan of the genre: the province's block-layout plan with its task section
    repeated, groups renumbered so every task stays distinct."""
    text = LONG_SOURCE.read_text("utf-8")
    head, rest = text.split("III. NHIỆM VỤ CỤ THỂ", 1)
    tasks, tail = re.split(r"\n(?=IV\. )", rest, maxsplit=1)
    copies = []
    for copy in range(COPIES):
        copies.append(
            re.sub(
                r"^(\d+)\. ",
                lambda m, c=copy: f"{int(m.group(1)) + c * BLOCKS}. ",
                tasks,
                flags=re.MULTILINE,
            )
        )
    return f"{head}III. NHIỆM VỤ CỤ THỂ{''.join(copies)}\n{tail}"


def _pages(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(pdf))


def run() -> tuple[str, list[tuple[str, list[float]]]]:
    """(what was read, [(label, seconds per run)])."""
    text = long_plan_text()
    buffer = io.BytesIO()
    build_docx(text).save(buffer)
    shapes = {"txt": text.encode(), "docx": buffer.getvalue()}
    shapes["pdf"] = docx_to_pdf(shapes["docx"])
    tasks = sum(len(g["tasks"]) for g in parse_document(shapes["txt"], "x.txt").task_groups)
    rows = []
    for shape, content in shapes.items():
        runs = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            parse_document(content, f"ke-hoach.{shape}")
            runs.append(time.perf_counter() - started)
        rows.append((f"đọc kế hoạch {_pages(shapes['pdf'])} trang ({shape})", runs))
    rows.append(("`lantoa import_plan` tệp kế hoạch mẫu, kể cả khởi động", _cli_runs()))
    return f"kế hoạch {tasks} nhiệm vụ, {_pages(shapes['pdf'])} trang khi in", rows


def _cli_runs() -> list[float]:
    command = [str(Path(sys.executable).with_name("lantoa")), "import_plan", str(SEED), "--json"]
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - our own command
        runs.append(time.perf_counter() - started)
    return runs


def score_table() -> str:
    """The importer's score, by shape, on the corpus and on the held-out plans."""
    lines = [
        "| văn bản | dạng | đầu văn bản | tìm đủ nhiệm vụ | đúng là nhiệm vụ | chủ trì | phối hợp "
        "| thời hạn | chỉ tiêu |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, folder in (("bộ mẫu (16)", CORPUS), ("giữ riêng (4)", CORPUS / "held_out")):
        for shape, score in score_corpus(SHAPES, folder).items():
            s = score.shares()
            cells = " | ".join(
                f"{s[k]:.1%}".replace(".", ",")
                for k in (
                    "header",
                    "recall",
                    "precision",
                    "lead",
                    "partners",
                    "deadline",
                    "targets",
                )
            )
            lines.append(f"| {label} | {shape} | {cells} |")
    return "\n".join(lines)
