"""The ward report's signature (issue 14, item 7): Đang soạn → Trình ký (Chờ ký) → Trả lại để
sửa or Ban hành, with a preview that says what the DOCX says and a confirmation naming the
number and date; who may act; «Chờ ký» scoped; headings capitalised."""

from __future__ import annotations

import datetime as dt
import html
import io
import re

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from docx import Document

from conftest import at_hcm, make_user
from lantoa.accounts.models import Notification, Role
from lantoa.core.lifecycle import IllegalMove
from lantoa.core.models import AuditEntry
from lantoa.reporting import documents, selectors
from lantoa.reporting.models import Report
from lantoa.reporting.services import (
    SEND_BACK_NEEDS_REASON,
    report_issue,
    report_open,
    report_request_signature,
    report_send_back,
    report_update,
    report_withdraw,
    rules_ensure,
)
from lantoa.reporting.tests.conftest import Q3, record, request_and_issue


@pytest.fixture(autouse=True)
def today():  # type: ignore[no-untyped-def]
    """02/12/2026, 10:00 in Hà Nội: quarter III (data to 14/09) is over."""
    with time_machine.travel(dt.datetime(2026, 12, 2, 3, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def ward_report(world, regime, coordinator) -> Report:
    record(world.school_a, "flag_ceremony", dt.date(2026, 7, 6), 321, channel="Trực tiếp")
    report = report_open(actor=coordinator, unit=world.ward, rule=regime.ward, key=Q3)
    report_update(
        actor=coordinator,
        report=report,
        direction="Ban hành kế hoạch triển khai trong quý.",
        results="Các đơn vị triển khai đúng kế hoạch.",
        shortcomings="Một số tổ dân phố chưa tổ chức.",
    )
    return report


def narrative(report: Report, **changes: str) -> dict[str, object]:
    data: dict[str, object] = {name: getattr(report, name) for name in Report.NARRATIVE_FIELDS}
    data.update(plan=report.plan_id, version=report.version, **changes)
    data.update(
        signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        signer_title="Phó Chủ tịch",
        signer_name="Phan Đình Huy",
    )
    return data


def status_of(report: Report) -> str:
    return Report.objects.get(pk=report.pk).status


def test_draft_trinh_ky_sent_back_trinh_ky_preview_confirm_issued(
    ward_report, coordinator, leader, login
):
    drafter, boss = login(coordinator), login(leader)
    trinh_ky_then_sent_back(drafter, boss, ward_report, coordinator, leader)

    # mended and put before the leader again: the reason is gone
    report, url = ward_report, ward_report.get_absolute_url()
    report.refresh_from_db()
    mended = narrative(report, shortcomings="Tổ dân phố số 3, 5 chưa tổ chức.")
    drafter.post(f"{url}save/", {**mended, "request_signature": "1"})
    report.refresh_from_db()
    assert (report.status, report.sent_back_reason) == (Report.Status.AWAITING_SIGNATURE, "")

    previewed_confirmed_issued(boss, report)
    report.refresh_from_db()
    assert (report.status, report.number, report.issued_on) == (
        Report.Status.SUBMITTED, "12/BC-UBND", dt.date(2026, 12, 2),
    )  # fmt: skip
    assert report.status_label == "Đã ban hành, chờ tiếp nhận"
    assert report.approved_by == leader and report.versions.count() == 1
    assert list(
        AuditEntry.objects.filter(object_id=str(report.pk), action__startswith="report.")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "report.created", "report.updated", "report.updated", "report.signature_requested",
        "report.sent_back", "report.updated", "report.signature_requested", "report.issued",
    ]  # fmt: skip
    assert boss.get("/reports/?status=awaiting_signature").context["reports"] == []


def trinh_ky_then_sent_back(drafter, boss, report, coordinator, leader) -> None:  # type: ignore[no-untyped-def]
    """Đang soạn → Trình ký (what was typed saved with it); editing refused while it waits;
    the leader sends it back with a reason the drafter reads on the draft."""
    url = report.get_absolute_url()
    drafter.post(f"{url}save/", {**narrative(report), "request_signature": "1"})
    report.refresh_from_db()
    assert report.status == Report.Status.AWAITING_SIGNATURE
    assert report.signer_name == "Phan Đình Huy"
    assert Notification.objects.filter(user=leader, url=f"{url}issue/").exists()
    page = drafter.get(url).content.decode()
    assert "Chờ ký" in page and 'data-testid="withdraw"' in page and "narrative-form" not in page

    response = drafter.post(f"{url}save/", narrative(report, results="Sửa lén."), follow=True)
    assert "Rút lại để sửa" in response.content.decode()
    assert Report.objects.get(pk=report.pk).results == "Các đơn vị triển khai đúng kế hoạch."

    listed = boss.get("/reports/?status=awaiting_signature")
    assert [r.pk for r in listed.context["reports"]] == [report.pk]
    response = boss.post(f"{url}send-back/", {"reason": "  "})
    assert response.status_code == 400 and str(SEND_BACK_NEEDS_REASON) in response.content.decode()
    assert status_of(report) == Report.Status.AWAITING_SIGNATURE
    boss.post(f"{url}send-back/", {"reason": "Bổ sung số tổ dân phố chưa tổ chức."})
    assert status_of(report) == Report.Status.DRAFT
    page = drafter.get(url).content.decode()
    assert 'data-testid="sent-back-reason"' in page and "Bổ sung số tổ dân phố" in page
    assert Notification.objects.filter(user=coordinator, text__contains="Bổ sung số tổ").exists()


def previewed_confirmed_issued(boss, report) -> None:  # type: ignore[no-untyped-def]
    """The preview with the suggested number and today; the confirmation naming the number
    and date typed (nothing issued yet, «Quay lại» keeps them); then «Ban hành»."""
    url = report.get_absolute_url()
    page = boss.get(f"{url}issue/")
    assert page.status_code == 200
    assert page.context["form"].initial["number"] == "01/BC-UBND"
    assert page.context["form"].initial["issued_on"] == dt.date(2026, 12, 2)
    text = page.content.decode()
    assert "Tổ dân phố số 3, 5 chưa tổ chức." in text and 'data-testid="preview-pdf"' in text

    typed = {"number": "12/BC-UBND", "issued_on": "02/12/2026"}
    confirm = boss.post(f"{url}issue/", typed)
    body = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Ban hành báo cáo số 12/BC-UBND ngày 02/12/2026?" in body
    assert 'data-testid="issue-confirm"' in body and "Quay lại" in body
    assert "Số: 12/BC-UBND" in body and "ngày 02 tháng 12 năm 2026" in body
    assert status_of(report) == Report.Status.AWAITING_SIGNATURE
    back = html.unescape(re.search(r'href="([^"]+)" data-testid="issue-back"', body).group(1))
    assert boss.get(back).context["form"]["number"].value() == "12/BC-UBND"

    response = boss.post(f"{url}issue/", {**typed, "confirm": "1"}, follow=True)
    assert "Đã ban hành báo cáo số 12/BC-UBND ngày 02/12/2026" in response.content.decode()


def test_the_drafter_takes_back_a_report_not_yet_signed(ward_report, coordinator, leader):
    report_request_signature(actor=coordinator, report=ward_report)
    with pytest.raises(PermissionDenied):
        report_update(actor=coordinator, report=ward_report, results="Sửa khi chờ ký.")
    with pytest.raises(PermissionDenied):
        report_withdraw(actor=leader, report=ward_report)  # the leader sends back, with a reason
    with pytest.raises(IllegalMove, match="đã trình ký"):
        report_request_signature(actor=coordinator, report=ward_report)  # a second tab
    report_withdraw(actor=coordinator, report=ward_report)
    report_update(actor=coordinator, report=ward_report, results="Sửa sau khi rút lại.")
    assert status_of(ward_report) == Report.Status.DRAFT
    with pytest.raises(IllegalMove, match="đang chờ ký"):
        report_issue(
            actor=leader, report=ward_report, number="02/BC-UBND", issued_on=dt.date(2026, 12, 2)
        )
    with pytest.raises(IllegalMove, match="không còn chờ ký"):
        report_send_back(actor=leader, report=ward_report, reason="Đã rút rồi.")


def test_only_the_wards_leader_signs(ward_report, coordinator, school_a_officer, login):
    report_request_signature(actor=coordinator, report=ward_report)
    url = ward_report.get_absolute_url()
    drafter = login(coordinator)
    assert drafter.get(f"{url}issue/").status_code == 403
    posted = {"number": "03/BC-UBND", "issued_on": "02/12/2026", "confirm": "1"}
    assert drafter.post(f"{url}issue/", posted).status_code == 403
    assert drafter.post(f"{url}send-back/", {"reason": "Tự trả."}).status_code == 403
    with pytest.raises(PermissionDenied):
        report_issue(
            actor=coordinator, report=ward_report, number="03/BC-UBND",
            issued_on=dt.date(2026, 12, 2),
        )  # fmt: skip
    assert login(school_a_officer).get(f"{url}issue/").status_code == 404  # not theirs to read
    assert status_of(ward_report) == Report.Status.AWAITING_SIGNATURE


def test_a_leader_cannot_issue_a_draft_from_the_page(ward_report, leader, login):
    response = login(leader).get(f"{ward_report.get_absolute_url()}issue/", follow=True)
    assert response.redirect_chain[-1][0] == ward_report.get_absolute_url()
    assert "Chỉ ban hành được báo cáo đang chờ ký" in response.content.decode()


@pytest.mark.parametrize(
    ("method", "action"),
    [
        ("get", "issue"),
        ("post", "issue"),
        ("post", "request-signature"),
        ("post", "withdraw"),
        ("post", "send-back"),
    ],
)
def test_another_wards_users_get_404_on_the_signing_pages(
    ward_report, world, coordinator, method, action, login, other_coordinator
):
    report_request_signature(actor=coordinator, report=ward_report)
    other_leader = make_user("other_leader", Role.LEADER, world.other_ward)
    for user in (other_coordinator, other_leader):
        client = login(user)
        url = f"{ward_report.get_absolute_url()}{action}/"
        data = {"number": "05/BC-UBND", "issued_on": "02/12/2026", "confirm": "1", "reason": "x"}
        response = getattr(client, method)(url, data if method == "post" else None)
        assert response.status_code == 404
    assert status_of(ward_report) == Report.Status.AWAITING_SIGNATURE


def test_awaiting_signature_for_is_scoped_to_the_wards_the_user_leads(
    world, regime, ward_report, coordinator, leader, other_coordinator, login
):
    other_leader = make_user("other_leader", Role.LEADER, world.other_ward)
    other_rule = next(
        r
        for r in rules_ensure(world.other_ward, world.department)
        if r.level == "ward" and r.frequency == "quarterly"
    )
    other = report_open(actor=None, unit=world.other_ward, rule=other_rule, key=Q3)
    assert list(selectors.awaiting_signature_for(leader)) == []  # a draft is not awaiting
    report_request_signature(actor=coordinator, report=ward_report)
    report_request_signature(actor=None, report=other)

    assert list(selectors.awaiting_signature_for(leader)) == [ward_report]
    assert list(selectors.awaiting_signature_for(other_leader)) == [other]
    assert list(selectors.awaiting_signature_for(coordinator)) == []  # drafts, does not sign
    assert list(selectors.awaiting_signature_for(other_coordinator)) == []

    client = login(leader)
    client.get("/reports/?status=awaiting_signature")  # warm the session
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/reports/?status=awaiting_signature")
    assert len(queries) <= 12
    assert f"/reports/{ward_report.pk}/issue/" in page.content.decode()
    assert f"/reports/{other.pk}/" not in page.content.decode()
    assert [r.pk for r in client.get("/reports/").context["to_sign"]] == [ward_report.pk]
    assert login(coordinator).get("/reports/").context["to_sign"] == []


def test_the_sở_sees_no_report_awaiting_signature_until_it_is_issued(
    ward_report, coordinator, leader, province_viewer, login
):
    report_request_signature(actor=coordinator, report=ward_report)
    so = login(province_viewer)
    assert so.get(ward_report.get_absolute_url()).status_code == 404
    report_issue(
        actor=leader, report=ward_report, number="07/BC-UBND", issued_on=dt.date(2026, 12, 2)
    )
    assert so.get(ward_report.get_absolute_url()).status_code == 200


def docx_text(report: Report) -> tuple[list[str], list[str]]:
    """The DOCX's words as python-docx reads them: its paragraphs, and its tables' cells (the
    header, the body's tables, the signature, the annexes), rules left out."""
    document = Document(
        io.BytesIO(documents.render(report, selectors.latest_snapshot(report), "docx"))
    )
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]

    def clean(lines: list[str]) -> list[str]:
        words = (" ".join(line.replace("\u2500", "").split()) for line in lines)
        return [line for line in words if line]

    return clean(paragraphs), clean(cells)


def preview_text(page: str) -> str:
    article = re.search(r'<article class="lt-document.*?</article>', page, re.S).group(0)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def in_order(lines: list[str], text: str) -> None:
    position = 0
    for line in lines:
        found = text.find(line, position)
        assert found >= 0, line
        position = found + len(line)


def test_the_preview_says_what_the_docx_says(ward_report, coordinator, leader, login):
    report_request_signature(actor=coordinator, report=ward_report)
    page = login(leader).get(f"{ward_report.get_absolute_url()}issue/").content.decode()
    shown = preview_text(page)
    paragraphs, cells = docx_text(Report.objects.get(pk=ward_report.pk))
    headings = [line for line in paragraphs if re.match(r"^[IVX]+\. ", line)]
    assert headings == [
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    in_order(paragraphs, shown)  # every paragraph of the file, in the file's order
    in_order(cells, shown)  # every table cell: header, tables, signature, annexes
    assert len(cells) > 20 and "Ban hành kế hoạch triển khai trong quý." in paragraphs
    assert "Số: /BC-UBND" in shown and "Nơi nhận:" in shown


def test_section_headings_are_capitalised_on_the_page_and_in_the_document(
    ward_report, coordinator, login
):
    headings = [heading for _name, heading in Report.narrative_headings()]
    assert headings[:2] == ["Công tác lãnh đạo, chỉ đạo, tổ chức triển khai", "Đánh giá kết quả"]
    report_request_signature(actor=coordinator, report=ward_report)  # the page shows them read-only
    page = login(coordinator).get(ward_report.get_absolute_url()).content.decode()
    printed = re.findall(r"<dt>([^<]+)</dt>", page)
    assert printed == headings and all(h[0].isupper() for h in printed)
    document = documents.report_document(ward_report, selectors.latest_snapshot(ward_report))
    titles = [b.text for b in document.body if type(b).__name__ == "Heading"]
    assert titles and all(re.sub(r"^[\dIVX.]+ ", "", t)[0].isupper() for t in titles)


@pytest.mark.parametrize(
    ("status", "tone", "label"),
    [
        ("draft", "draft", "Đang soạn"),
        ("awaiting_signature", "waiting", "Chờ ký"),
        ("submitted", "waiting", "Đã gửi, chờ tiếp nhận"),
        ("returned", "returned", "Bị trả lại"),
        ("accepted", "done", "Đã tiếp nhận"),
    ],
)
def test_each_status_shows_the_models_label_and_only_acceptance_is_green(status, tone, label):
    shown = render_to_string("reporting/_status.html", {"report": Report(status=status)})
    assert f'data-tone="{tone}"' in shown and label in shown
    issued = Report(status="submitted", approved_at=at_hcm(2026, 12, 2, 10))
    assert issued.status_chip.label == "Đã ban hành, chờ tiếp nhận"


def test_a_report_returned_by_the_sở_is_signed_again_before_it_leaves_again(
    ward_report, coordinator, leader, province_viewer
):
    from lantoa.reporting.services import report_decide

    request_and_issue(
        actor=leader, report=ward_report, drafter=coordinator, number="08/BC-UBND",
        issued_on=dt.date(2026, 12, 1), now=at_hcm(2026, 12, 1, 9),
    )  # fmt: skip
    report_decide(actor=province_viewer, report=ward_report, accept=False, comment="Thiếu số.")
    report_request_signature(actor=coordinator, report=ward_report)
    assert selectors.report_get_for(province_viewer, ward_report.pk)  # still the Sở's to read
    report_issue(
        actor=leader, report=ward_report, number="09/BC-UBND", issued_on=dt.date(2026, 12, 2)
    )
    ward_report.refresh_from_db()
    assert (ward_report.status, ward_report.number, ward_report.versions.count()) == (
        Report.Status.SUBMITTED, "09/BC-UBND", 2,
    )  # fmt: skip
