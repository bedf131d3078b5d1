"""The plan importer reads the seed exactly as the golden file says, and plans of other
layouts too (P2; issue 3)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from conftest import GOLDEN_FILE, SEED_FILE
from lantoa.plans.parsing import DocumentError, parse_document
from lantoa.plans.parsing.sections import target_value
from lantoa.plans.tests import documents
from tests.golden import golden_differences

SEED = SEED_FILE
GOLDEN = GOLDEN_FILE


def import_plan_json(path: Path) -> dict:
    out = io.StringIO()
    call_command("import_plan", str(path), json=True, stdout=out)
    return json.loads(out.getvalue())


def test_p2_import_plan_reproduces_the_golden_file():
    # no database fixture: pytest-django fails any query, so this also proves it changes nothing
    result = import_plan_json(SEED)
    expected = json.loads(GOLDEN.read_text())
    assert golden_differences(expected, result) == []


def test_golden_comparison_notices_a_wrong_value():
    expected = json.loads(GOLDEN.read_text())
    result = import_plan_json(SEED)
    result["phases"][0]["targets"][3]["value"] = 2
    result["signer"]["name"] = "Người Khác"
    assert len(golden_differences(expected, result)) == 2


def test_g3_seed_duplicate_objective_and_warnings():
    plan = parse_document(SEED.read_bytes(), SEED.name)
    assert plan.duplicate_objectives == [[2, 3]]
    codes = [w["code"] for w in plan.warnings]
    assert "duplicate_objective" in codes
    assert codes.count("target_without_number") == 2
    assert "no_number" in codes and "no_date" in codes
    leads = [t.get("lead_unit") for g in plan.task_groups for t in g["tasks"]]
    assert "Trung tâm Dịch vụ tổng hợp phường" in leads
    assert "Phòng Văn hóa - Xã hội" in leads


def test_docx_with_header_block_and_task_table(tmp_path):
    path = tmp_path / "ke-hoach-20-11.docx"
    path.write_bytes(documents.docx_with_header_and_table())
    plan = import_plan_json(path)
    assert plan["issuer"] == "Ủy ban nhân dân phường An Hòa"
    assert (plan["number"], plan["date"], plan["place"]) == ("15/KH-UBND", "2026-03-05", "An Hòa")
    assert plan["title"] == "Tuyên truyền Ngày Nhà giáo Việt Nam 20/11 năm 2026"
    assert [(b["kind"], b["number"], b["date"]) for b in plan["legal_bases"]] == [
        ("Kế hoạch", "88/KH-UBND", "2026-02-10"),
        ("Hướng dẫn", "12/HD-SGDĐT", "2026-01-15"),
    ]
    assert plan["general_objectives"][0].startswith("Tôn vinh đội ngũ nhà giáo")
    assert plan["requirements"] == ["Tổ chức thiết thực, tiết kiệm, hiệu quả."]
    targets = plan["phases"][0]["targets"]
    assert [(t["value"], t["unit"]) for t in targets] == [(100, "%"), (2, "buổi")]
    tasks = plan["task_groups"][0]["tasks"]
    assert len(tasks) == 3
    assert {k: tasks[1][k] for k in ("text", "lead_unit", "support_units", "time", "product")} == {
        "text": "Tọa đàm về vai trò nhà giáo trong đổi mới giáo dục",
        "lead_unit": "Phòng Văn hóa - Xã hội",
        "support_units": ["Trung tâm Dịch vụ tổng hợp", "Hội Cựu giáo chức"],
        "time": "Tháng 11/2026",
        "product": "02 buổi tọa đàm có biên bản",
    }
    assert [r["unit"] for r in plan["responsibilities"]] == [
        "Phòng Văn hóa - Xã hội",
        "Các trường học trên địa bàn",
    ]
    assert plan["recipients"]["electronic"] == ["Phòng GD&ĐT", "Các trường học"]
    assert plan["recipients"]["archive"] == "Lưu: VT, VHXH."
    assert plan["signer"] == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "title": "CHỦ TỊCH",
        "name": "Nguyễn Văn Thành",
    }


def test_pdf_plan_for_another_resolution(tmp_path):
    path = tmp_path / "ke-hoach-57.pdf"
    path.write_bytes(documents.pdf_plan())
    plan = import_plan_json(path)
    assert plan["issuer"] == "Ủy ban nhân dân xã Tân Lập"
    assert (plan["number"], plan["date"]) == ("07/KH-UBND", "2026-04-12")
    assert plan["legal_bases"][0]["number"] == "57-NQ/TW"
    assert plan["legal_bases"][0]["issuer"] == "Bộ Chính trị"
    assert [(t["value"], t["unit"]) for t in plan["phases"][0]["targets"]] == [
        (95, "%"),
        (3, "lớp/năm"),
    ]
    assert [g["title"] for g in plan["task_groups"]] == [
        "Tuyên truyền, nâng cao nhận thức",
        "Phát triển hạ tầng số",
    ]
    first = plan["task_groups"][0]["tasks"][0]
    assert first["text"].endswith("trên trang thông tin điện tử của xã")  # wrapped line joined
    assert first["lead_unit"] == "Văn phòng HĐND và UBND xã"
    assert plan["budget"] == ["Từ nguồn ngân sách xã năm 2026."]
    assert plan["responsibilities"][1] == {
        "unit": "Ủy ban MTTQ Việt Nam xã",
        "requested": True,
        "duties": ["Vận động Nhân dân tham gia các nền tảng số."],
    }
    assert plan["signer"]["name"] == "Lò Văn Hùng"


def test_plan_with_letter_items_and_per_task_lines(tmp_path):
    path = tmp_path / "tuyen-sinh.txt"
    path.write_text(documents.TEXT_WITH_LETTER_ITEMS)
    plan = import_plan_json(path)
    assert plan["issuer"] == "Ủy ban nhân dân phường Đồng Tiến"
    groups = plan["task_groups"]
    assert [g["number"] for g in groups] == ["1", "2"]
    radio = groups[0]["tasks"][0]
    assert radio["lead_unit"] == "Trung tâm Dịch vụ tổng hợp phường"
    assert radio["support_units"] == ["Các tổ dân phố"]
    assert radio["time"] == "Tháng 6 và tháng 7/2026"
    assert radio["product"] == "10 bản tin phát thanh"
    fair = groups[1]["tasks"][0]
    assert fair["support_units"] == ["Phòng Văn hóa - Xã hội", "Hội Khuyến học phường"]
    assert plan["signer"]["authority"] == "KT. CHỦ TỊCH"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("100% cán bộ được phổ biến", (100, "%")),
        ("Hằng năm tổ chức ít nhất 01 hoạt động truyền thông chuyên đề", (1, "hoạt động/năm")),
        ("Phấn đấu 97,5% hồ sơ trực tuyến", (97.5, "%")),
        ("Duy trì chuyên mục tuyên truyền về giáo dục", (None, None)),
        ("Tối thiểu 12 tin, bài mỗi năm", (12, "tin, bài/năm")),
    ],
)
def test_target_value_reads_the_number_the_target_names(text, expected):
    assert target_value(text) == expected


BAD_FILES = {
    "empty": (b"", "trong.docx", "trống"),
    "scanned image": (None, "scan.pdf", "bản scan"),
    "password pdf": (None, "mat-khau.pdf", "có mật khẩu"),
    "password docx": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "mat-khau.docx",
        "có mật khẩu",
    ),
    "not a plan": (
        "Thông báo lịch trực Tết\nCác phòng bố trí người trực từ 28/01 đến 03/02.\n".encode(),
        "thong-bao.txt",
        "Không nhận ra văn bản này là kế hoạch",
    ),
    "broken docx": (b"PK\x03\x04 not really a zip", "hong.docx", "Không đọc được tệp Word"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_unreadable_files_exit_2_with_a_vietnamese_message(case, tmp_path):
    content, name, message = BAD_FILES[case]
    if case == "scanned image":
        content = documents.scanned_pdf()
    elif case == "password pdf":
        content = documents.pdf_plan(password="bi-mat")
    path = tmp_path / name
    path.write_bytes(content)
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_plan", str(path), json=True, stderr=err)
    assert exit_info.value.code == 2
    assert message in err.getvalue()
    with pytest.raises(DocumentError):
        parse_document(content, name)


def test_every_task_in_the_json_has_its_06_ro_a_confidence_and_a_warning_when_incomplete():
    """Issue 13, item 3: `lead_unit` (or null), `support_units`, `time` as written, a
    confidence, and a warning pointing at each task without a lead or a deadline."""
    plan = import_plan_json(Path("tests/plan_corpus/15_xa_dash_plus.txt"))
    tasks = [t for g in plan["task_groups"] for t in g["tasks"]]
    assert all({"lead_unit", "support_units", "time", "confidence"} <= t.keys() for t in tasks)
    assert all(0 < t["confidence"] <= 1 for t in tasks)
    incomplete = [t for t in tasks if not t["lead_unit"] or not t["time"]]
    warned = [w for w in plan["warnings"] if w["code"] == "task_incomplete"]
    assert incomplete and len(warned) == len(incomplete)
    assert all(t["confidence"] < 1 for t in incomplete)


def test_targets_in_sentences_and_thousands():
    assert target_value("Phấn đấu toàn tỉnh có ít nhất 12.000 doanh nghiệp") == (
        12000,
        "doanh nghiệp",
    )
    assert target_value("Trên 90% người dân được tiếp cận")[0] == 90


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Tổ chức hội nghị sơ kết và triển khai kế hoạch năm 2027.", {}),
        ("Báo cáo kết quả thực hiện về Ủy ban nhân dân phường.", {}),
        ("Ban hành quy chế làm việc và triển khai thực hiện.", {}),
        ("Tổ chức thực hiện trong toàn phường các hoạt động năm 2026.", {}),
        ("Tổ Ngữ văn chủ trì biên soạn tài liệu.", {"lead_unit": "Tổ Ngữ văn"}),
        (
            "Kiểm tra (Văn phòng HĐND và UBND chủ trì, thời gian: Quý II/2026)",
            {"lead_unit": "Văn phòng HĐND và UBND", "time": "Quý II/2026"},
        ),
        (
            "Tuyên truyền (Công an phường chủ trì, phối hợp: Đoàn Thanh niên)",
            {"lead_unit": "Công an phường", "support_units": ["Đoàn Thanh niên"]},
        ),
    ],
)
def test_assignments_in_the_sentence_and_what_is_not_one(text, fields):
    """Review findings: a verb ("Tổ chức", "Báo cáo", "Ban hành") is not a unit; a bracket's
    "chủ trì, thời gian:" is two fields."""
    from lantoa.plans.parsing.fields import inline_assignment

    assert inline_assignment(text)[1] == fields


def test_unit_names_with_commas_stay_whole():
    from lantoa.plans.parsing.fields import split_units

    assert split_units(
        "Trung tâm Văn hóa, Thông tin và Thể thao; Ủy ban nhân dân các xã, phường"
    ) == [
        "Trung tâm Văn hóa, Thông tin và Thể thao",
        "Ủy ban nhân dân các xã, phường",
    ]
