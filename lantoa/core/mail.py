"""Outgoing e-mail through the worker, with retries and a recorded outcome (issue 11, item 8).

`mail_queue` keeps the message in the outbox (`OutgoingMail`) and, once the caller's
transaction commits, hands it to the worker: a slow or absent SMTP server never slows a page.
The worker tries it; a failure is recorded with its reason and tried again later (1, 5, 30,
120 minutes), and after the fifth attempt the message stays failed for the administrator to
see in the outbox. A sweep every minute takes up whatever is due, so a message survives a
worker restart.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from lantoa.core.models import OutgoingMail

log = logging.getLogger(__name__)
RETRY_AFTER = [dt.timedelta(minutes=m) for m in (1, 5, 30, 120)]
MAX_ATTEMPTS = len(RETRY_AFTER) + 1


def mail_queue(*, to: str, subject: str, body: str) -> OutgoingMail:
    """Keep a message for the worker to deliver after the caller's transaction commits."""
    mail = OutgoingMail.objects.create(to=to, subject=subject[:200], body=body)
    transaction.on_commit(lambda: mail_deliver_job(mail.pk))
    return mail


def mail_deliver(mail_id: int, *, now: dt.datetime | None = None) -> OutgoingMail:
    """Try one queued message once: sent, or the error and the next attempt recorded. A message
    not due, or taken by another worker, is left alone. Never raises for the mail server."""
    now = now or timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = OutgoingMail.objects.filter(
        due, pk=mail_id, status=OutgoingMail.Status.QUEUED
    ).update(status=OutgoingMail.Status.SENDING, next_attempt_at=None)
    mail = OutgoingMail.objects.get(pk=mail_id)
    if not claimed:
        return mail
    mail.attempts += 1
    try:
        send_mail(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to])
    except Exception as exc:  # any failure of the mail server is recorded and retried
        log.warning("mail %s to %s failed (attempt %s): %s", mail.pk, mail.to, mail.attempts, exc)
        mail.last_error = f"{type(exc).__name__}: {exc}"[:1000]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.status = OutgoingMail.Status.FAILED
        else:
            mail.status = OutgoingMail.Status.QUEUED
            mail.next_attempt_at = now + RETRY_AFTER[mail.attempts - 1]
    else:
        mail.status, mail.sent_at, mail.last_error = OutgoingMail.Status.SENT, now, ""
    mail.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
    return mail


def mails_due(now: dt.datetime | None = None) -> list[int]:
    """Queued messages whose time has come (first tries the worker missed, and retries)."""
    now = now or timezone.now()
    due = OutgoingMail.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        status=OutgoingMail.Status.QUEUED,
    )
    return list(due.order_by("created_at").values_list("pk", flat=True))


@db_task()
def mail_deliver_job(mail_id: int) -> None:
    mail_deliver(mail_id)


@db_periodic_task(crontab(minute="*"))
def mail_retry_job() -> None:
    for mail_id in mails_due():
        mail_deliver(mail_id)
