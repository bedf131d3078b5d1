"""Documents built to hurt the server are refused with a Vietnamese message, never a 500 or a
minute of work (issue 12, findings 3 and 8; docs/performance.md has the measured times)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_person, upload_plan
from lantoa.activities.signin import parse_sign_in
from lantoa.core.files import check_evidence
from lantoa.demo.bench.hostile import docx_with, xlsx_reaching_xfd8000
from lantoa.org.models import Person
from lantoa.org.roster import MAX_SHEET_COLUMNS, read_table
from lantoa.plans.parsing import DocumentError, parse_document


def test_a_one_megabyte_docx_that_expands_to_hundreds_of_megabytes_is_refused():
    bomb = docx_with(3_000_000)
    assert len(bomb) <= 2**20
    with pytest.raises(DocumentError, match="giải nén lớn bất thường"):
        parse_document(bomb, "ke-hoach.docx")


def test_a_small_docx_holding_thousands_of_lines_is_refused_by_its_line_count():
    with pytest.raises(DocumentError, match="hơn 5.000 dòng"):
        parse_document(docx_with(6_000), "ke-hoach.docx")


def test_a_malformed_docx_is_a_message_on_the_page_not_a_500(coordinator, login):
    broken = docx_with(0, document_xml="<w:document><w:body><w:p>")
    response = upload_plan(login(coordinator), broken, "ke-hoach.docx")
    assert response.status_code == 200
    assert "Không đọc được tệp Word «ke-hoach.docx»" in response.content.decode()


def test_a_sign_in_sheet_declaring_column_xfd_is_read_only_as_wide_as_a_roster(world):
    data = xlsx_reaching_xfd8000("Hoàng Thị Ngân")  # 5 KB declaring 131 million cells
    make_person("Hoàng Thị Ngân", world.school_a)
    rows = list(read_table(data, "danh-sach-ky.xlsx"))
    assert max(len(row) for row in rows) == MAX_SHEET_COLUMNS
    result = parse_sign_in(data, "danh-sach-ky.xlsx", Person.objects.filter(unit=world.school_a))
    assert (result.errors, [p.full_name for p in result.people]) == ([], ["Hoàng Thị Ngân"])


def test_an_evidence_docx_that_expands_past_the_limits_is_refused():
    upload = SimpleUploadedFile("minh-chung.docx", docx_with(3_000_000))
    with pytest.raises(ValidationError, match="giải nén lớn bất thường"):
        check_evidence(upload)
