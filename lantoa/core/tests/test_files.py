import io

import docx
from openpyxl import Workbook

from lantoa.core.files import sniff


def test_sniff_knows_files_by_content():
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff(b"%PDF-1.7\n") == "pdf"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    assert sniff(buffer.getvalue()[:16], buffer.getvalue()) == "docx"
    buffer = io.BytesIO()
    Workbook().save(buffer)
    assert sniff(buffer.getvalue()[:16], buffer.getvalue()) == "xlsx"


def test_sniff_refuses_what_only_pretends():
    assert sniff(b"<html><script>") is None
    assert sniff(b"MZ\x90\x00") is None  # a Windows program named .pdf
    assert sniff(b"PK\x03\x04 broken", b"PK\x03\x04 broken") is None
