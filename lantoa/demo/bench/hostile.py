"""Benchmark: documents built to hurt the server are refused fast and small (issue 12, item 4:
a document of at most 1 MB that expands past the limits is refused in under 2 s with memory
under 300 MB).

Each reading runs in a fresh Python process that prints its own time and peak memory, so one
measurement's memory never hides another's.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from openpyxl import Workbook

REPEAT = 3
PARAGRAPH = "<w:p><w:r><w:t>- Nhiệm vụ tuyên truyền số một hai ba bốn năm.</w:t></w:r></w:p>"


def docx_with(paragraphs: int, *, document_xml: str | None = None) -> bytes:
    """A real DOCX whose body is `paragraphs` copies of one line (deflates ~1000×), streamed
    into the archive, or whose document.xml is the text given."""
    buffer = io.BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    head, tail = source.read("word/document.xml").decode().split("</w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, source.read(info.filename))
            elif document_xml is not None:
                archive.writestr(info.filename, document_xml)
            else:
                with archive.open(info.filename, "w", force_zip64=True) as part:
                    part.write(head.encode())
                    for _ in range(paragraphs // 10_000):
                        part.write(PARAGRAPH.encode() * 10_000)
                    part.write(PARAGRAPH.encode() * (paragraphs % 10_000))
                    part.write(("</w:body>" + tail).encode())
    return out.getvalue()


def xlsx_reaching_xfd8000(name: str) -> bytes:
    """A 5 KB sign-in sheet with one name, that declares a cell at XFD8000 (131 million)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên"])
    sheet.append([name])
    sheet.cell(row=8000, column=16384, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


READ = """
import json, os, sys, time
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from lantoa.org.roster import RosterFileError, read_table
from lantoa.plans.parsing import DocumentError, parse_document
from lantoa.core.files import check_evidence
reader, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
start = time.perf_counter()
outcome = "read"
try:
    if reader == "plan":
        parse_document(data, "ke-hoach.docx")
    elif reader == "sheet":
        rows = sum(1 for _ in read_table(data, "danh-sach-ky.xlsx"))
    else:
        check_evidence(SimpleUploadedFile("minh-chung.docx", data))
except (DocumentError, RosterFileError, ValidationError):
    outcome = "refused"
seconds = time.perf_counter() - start
# VmHWM: this process's own peak (ru_maxrss would carry over the parent's across exec)
status = open("/proc/self/status").read().split("VmHWM:")[1]
peak = int(status.split()[0]) / 1024
print(json.dumps({"seconds": seconds, "rss_mb": peak, "outcome": outcome}))
"""


def _measure(reader: str, path: Path) -> dict[str, object]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lantoa.settings"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", READ, reader, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[tuple[str, int, list[dict[str, object]]]]:
    """(what, file size in bytes, one measurement per run) for each hostile document."""
    cases = [
        ("Kế hoạch DOCX nở ra ~255 MB", "plan", docx_with(3_000_000)),
        ("Kế hoạch DOCX 6.000 dòng", "plan", docx_with(6_000)),
        ("Danh sách ký XLSX khai báo ô XFD8000", "sheet", xlsx_reaching_xfd8000("Lê Văn Thử")),
        ("Minh chứng DOCX nở ra ~255 MB", "evidence", docx_with(3_000_000)),
    ]
    results = []
    with tempfile.TemporaryDirectory(prefix="lantoa-hostile-") as tmp:
        for label, reader, data in cases:
            path = Path(tmp) / "file"
            path.write_bytes(data)
            results.append((label, len(data), [_measure(reader, path) for _ in range(REPEAT)]))
    return results
