"""D1: a plan reaches its recipients in the system, by e-mail (through a local SMTP server) or
on paper, as the document it was when sent; opening the link records when and by whom; a
report's recipient opening it counts, and each version of a report is sent anew."""

from __future__ import annotations

import datetime as dt
import re
import socket

import pytest
from aiosmtpd.controller import Controller

from conftest import make_unit, make_user
from lantoa.accounts.models import Notification, Role
from lantoa.dispatch.models import Dispatch
from lantoa.dispatch.selectors import dispatches_of
from lantoa.org.models import Unit
from lantoa.plans.models import Distribution, Plan


class Inbox:
    """An SMTP server on 127.0.0.1 that keeps what it is sent (aiosmtpd handler protocol)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(
            (envelope.mail_from, envelope.rcpt_tos, envelope.content.decode("utf-8", "replace"))
        )
        return "250 OK"


@pytest.fixture
def smtp(settings):
    with socket.socket() as probe:  # a free local port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.fixture
def issued_plan(world, school_a_officer):
    group = make_unit("90001-TDP1", "Tổ dân phố số 1", Unit.Kind.RESIDENTIAL_GROUP, world.ward)
    front = make_unit(
        "90001-MT", "Ủy ban MTTQ phường", Unit.Kind.FRONT, world.ward, email="mttq@example.org"
    )
    plan = Plan.objects.create(
        issuer=world.ward,
        number="12/KH-UBND",
        date=dt.date(2026, 3, 16),
        title="Truyền thông Nghị quyết 71",
        status=Plan.Status.ISSUED,
        start_year=2026,
    )
    rows = [
        ("Trường Tiểu học Thử A", world.school_a, "electronic"),
        ("Ủy ban MTTQ phường", front, "electronic"),
        ("Sở GD&ĐT", None, "electronic"),
        ("Tổ dân phố số 1", group, "paper"),
        ("Lưu: VT, VHXH", None, "electronic"),
    ]
    for position, (name, unit, mode) in enumerate(rows):
        Distribution.objects.create(
            plan=plan, position=position, recipient=name, unit=unit, mode=mode
        )
    return plan


def test_a_plan_goes_to_each_recipient_by_the_channel_it_can_receive(
    issued_plan, coordinator, school_a_officer, smtp, login, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/plans/{issued_plan.pk}/send/")

    channels = dict(Dispatch.objects.values_list("recipient_name", "channel"))
    assert channels == {
        "Trường Tiểu học Thử A": "in_system",
        "Ủy ban MTTQ phường": "email",
        "Sở GD&ĐT": "no_address",
        "Tổ dân phố số 1": "paper",
    }
    note = Notification.objects.get(user=school_a_officer)
    assert "12/KH-UBND" in note.text
    by_address = {tuple(to): body for _sender, to, body in smtp.messages}
    assert set(by_address) == {("mttq@example.org",), ("school_a_officer@example.org",)}
    message = by_address[("mttq@example.org",)]  # the school's is its notification e-mail
    link = re.search(r"http://testserver(/d/[\w-]+/)", message).group(1)
    document = Dispatch.objects.get(channel="email").document
    assert (document.subject, document.filename) == (issued_plan, "ke-hoach-12-kh-ubnd.docx")

    opened = login(school_a_officer).get(note.url.replace("http://testserver", ""))
    assert opened.status_code == 200 and opened["Content-Type"].startswith("application/vnd")
    Plan.objects.filter(pk=issued_plan.pk).update(title="Sửa sau khi gửi")
    as_sent = b"".join(login(school_a_officer).get(note.url).streaming_content)
    assert as_sent == document.file.open("rb").read()  # the bytes that left, not today's plan
    school = Dispatch.objects.get(recipient_name="Trường Tiểu học Thử A")
    assert school.opened_by == school_a_officer and school.opened_at is not None

    from django.test import Client

    assert Client().get(link).status_code == 200  # the e-mail link needs no account
    front = Dispatch.objects.get(channel="email")
    assert front.opened_at is not None and front.opened_by is None

    page = client.get(issued_plan.get_absolute_url()).content.decode()
    assert "đã mở" in page and "cần thêm thư điện tử" in page


def test_sending_again_reaches_only_new_recipients(issued_plan, coordinator, world, login):
    client = login(coordinator)
    client.post(f"/plans/{issued_plan.pk}/send/")
    Distribution.objects.filter(recipient="Sở GD&ĐT").update(unit=world.department)
    make_user("so_officer", Role.PROVINCE_VIEWER, world.department)
    client.post(f"/plans/{issued_plan.pk}/send/")
    assert dispatches_of(issued_plan).count() == 4
    assert Dispatch.objects.get(unit=world.department).channel == "in_system"
    assert not Dispatch.objects.filter(recipient_name="Sở GD&ĐT").exists()  # no longer addressless


def test_an_in_system_link_opens_only_for_its_unit(
    issued_plan, coordinator, school_b_officer, login
):
    login(coordinator).post(f"/plans/{issued_plan.pk}/send/")
    school = Dispatch.objects.get(recipient_name="Trường Tiểu học Thử A")
    assert login(school_b_officer).get(school.get_absolute_url()).status_code == 404
    # issue 12, finding 8: the ward's coordinator reads the school, but is not the school
    assert login(coordinator).get(school.get_absolute_url()).status_code == 404
    from django.test import Client

    assert Client().get(school.get_absolute_url()).status_code == 302  # to the login page
    school.refresh_from_db()
    assert school.opened_at is None


def test_another_ward_cannot_send_our_plan(issued_plan, other_coordinator, login):
    assert login(other_coordinator).post(f"/plans/{issued_plan.pk}/send/").status_code == 404
    assert not Dispatch.objects.exists()


def test_a_report_records_when_its_recipient_opened_it(world, coordinator, school_a_officer, login):
    from conftest import at_hcm
    from lantoa.reporting.periods import ReportingPeriod
    from lantoa.reporting.services import report_open, report_submit, rules_ensure

    Q3 = ReportingPeriod.parse("2026-Q3")

    rule = rules_ensure(world.ward, recipient=world.department)[0]
    report = report_open(actor=None, unit=world.school_a, rule=rule, key=Q3)
    report_submit(actor=school_a_officer, report=report, now=at_hcm(2026, 9, 16))
    dispatch = dispatches_of(report).get()
    assert (dispatch.unit, dispatch.channel) == (world.ward, "in_system")
    assert dispatch.document.file.name.endswith(".docx")

    login(school_a_officer).get(report.get_absolute_url())  # the sender: not an opening
    dispatch.refresh_from_db()
    assert dispatch.opened_at is None
    page = login(coordinator).get(report.get_absolute_url()).content.decode()
    dispatch.refresh_from_db()
    assert dispatch.opened_by == coordinator
    assert "đã mở" in page


def test_a_group_line_reaches_each_unit_of_the_group_and_leaders_reach_the_leaders(
    world, coordinator, leader, school_a_officer, login
):
    plan = Plan.objects.create(
        issuer=world.ward, number="13/KH-UBND", title="Thử", status=Plan.Status.ISSUED,
        start_year=2026,
    )  # fmt: skip
    Distribution.objects.create(plan=plan, recipient="Các trường học trên địa bàn phường")
    Distribution.objects.create(plan=plan, position=1, recipient="Lãnh đạo UBND phường")
    login(coordinator).post(f"/plans/{plan.pk}/send/")

    rows = {d.recipient_name: d.channel for d in dispatches_of(plan)}
    assert rows == {
        world.school_a.name: "in_system",  # it has an account
        world.school_b.name: "no_address",
        "Lãnh đạo UBND phường": "in_system",
    }
    assert Notification.objects.filter(user=leader, text__contains="13/KH-UBND").exists()
    assert not Notification.objects.filter(user=coordinator, text__contains="13/KH-UBND").exists()
    school = dispatches_of(plan).get(unit=world.school_a)
    login(school_a_officer).get(school.get_absolute_url())
    school.refresh_from_db()
    assert school.opened_by == school_a_officer


def test_each_version_of_a_report_is_sent_as_it_was(world, coordinator, school_a_officer):
    from conftest import at_hcm
    from lantoa.reporting.periods import ReportingPeriod
    from lantoa.reporting.services import report_decide, report_open, report_submit, rules_ensure

    rule = rules_ensure(world.ward, recipient=world.department)[0]
    report = report_open(
        actor=None, unit=world.school_a, rule=rule, key=ReportingPeriod.parse("2026-Q3")
    )
    report_submit(actor=school_a_officer, report=report, now=at_hcm(2026, 9, 16))
    report_decide(actor=None, report=report, accept=False, comment="Thiếu số liệu tháng 9.")
    report_submit(actor=school_a_officer, report=report, now=at_hcm(2026, 9, 18))

    first, second = dispatches_of(report)
    assert second.document.title.endswith("(lần 2)") and "(lần" not in first.document.title
    assert first.document.file.name != second.document.file.name


def test_a_link_to_a_recipient_without_an_address_needs_an_account_of_that_unit(
    issued_plan, coordinator, login
):
    """Issue 12, finding 8: links of recipients with no address opened without sign-in."""
    from django.test import Client

    login(coordinator).post(f"/plans/{issued_plan.pk}/send/")
    for channel in ("no_address", "paper"):
        dispatch = Dispatch.objects.get(channel=channel)
        assert Client().get(dispatch.get_absolute_url()).status_code == 302  # to sign in
        assert login(coordinator).get(dispatch.get_absolute_url()).status_code == 404
        dispatch.refresh_from_db()
        assert dispatch.opened_at is None
