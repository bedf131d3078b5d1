"""Issue 11, item 8: e-mail leaves through the worker; a failure is recorded and retried, and a
message that keeps failing ends as failed with its reason."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail as django_mail
from django.utils import timezone

from lantoa.core.mail import MAX_ATTEMPTS, RETRY_AFTER, mail_deliver, mail_queue, mails_due
from lantoa.core.models import OutgoingMail


class Inbox:
    def __init__(self) -> None:
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.recipients.append(envelope.rcpt_tos)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    return settings


@pytest.mark.django_db
def test_mail_leaves_after_commit_and_records_its_outcome(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail_queue(to="a@example.org", subject="Thử", body="Nội dung")
        assert django_mail.outbox == []  # nothing leaves inside the transaction
    queued.refresh_from_db()
    assert [m.to for m in django_mail.outbox] == [["a@example.org"]]
    assert (queued.status, queued.attempts, queued.sent_at is not None) == ("sent", 1, True)


@pytest.mark.django_db
def test_a_mail_server_that_is_down_is_tried_again_until_it_answers(smtp_settings):
    queued = OutgoingMail.objects.create(to="b@example.org", subject="Thử", body="x")
    start = timezone.now()

    failed_once = mail_deliver(queued.pk, now=start)  # nothing listens on the port yet
    assert failed_once.status == "queued" and failed_once.attempts == 1
    assert "ConnectionRefusedError" in failed_once.last_error
    assert failed_once.next_attempt_at == start + RETRY_AFTER[0]
    assert mails_due(start) == []  # not before its time
    assert mail_deliver(queued.pk, now=start).attempts == 1  # a worker too early does nothing

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        later = start + RETRY_AFTER[0]
        assert mails_due(later) == [queued.pk]
        sent = mail_deliver(queued.pk, now=later)
    finally:
        controller.stop()
    assert (sent.status, sent.attempts, sent.last_error) == ("sent", 2, "")
    assert inbox.recipients == [["b@example.org"]]


@pytest.mark.django_db
def test_a_mail_that_keeps_failing_ends_as_failed_with_its_reason(smtp_settings):
    queued = OutgoingMail.objects.create(to="c@example.org", subject="Thử", body="x")
    at = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        mail = mail_deliver(queued.pk, now=at)
        at = (mail.next_attempt_at or at) + dt.timedelta(seconds=1)
    assert (mail.status, mail.attempts, mail.next_attempt_at) == ("failed", MAX_ATTEMPTS, None)
    assert mail.last_error
    assert mails_due(at + dt.timedelta(days=1)) == []
