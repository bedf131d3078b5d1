"""Sending a document to its recipients and recording who opened it (D1).

The channel follows the recipient: a unit with active accounts gets it in the system (a
notification to its people), a unit or name with an e-mail address gets a link by e-mail (queued
for the worker, `core.mail`), a residential group is sent paper, and a recipient with neither is
listed as "no address" so the sender can add one. Sending the same subject again reaches only
the recipients not yet sent to.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Role, User
from lantoa.accounts.selectors import users_with_role
from lantoa.accounts.services import notify
from lantoa.core.audit import audit_record
from lantoa.core.mail import mail_queue
from lantoa.core.scoping import ScopedUser
from lantoa.dispatch.models import Dispatch, SentDocument
from lantoa.org.models import Unit


@dataclass(frozen=True)
class Recipient:
    name: str
    unit: Unit | None = None
    email: str = ""
    paper: bool = False
    leaders_only: bool = False  # "Lãnh đạo UBND phường": the ward's leaders, not its officers


@dataclass(frozen=True)
class Document:
    """What is sent: its subject (any record with a page), title, and the file itself — or no
    file when recipients read it in the system (a report reaches the Sở that way)."""

    subject: models.Model
    title: str
    filename: str = ""
    content: bytes | None = None


def accounts_of(unit: Unit, *, leaders_only: bool = False) -> list[User]:
    """Who receives for a unit: its own accounts; for a People's Committee, its coordinators
    and leaders (the committee's documents land at the Culture-Society Office)."""
    if unit.is_ward_root:
        roles = [Role.LEADER] if leaders_only else [Role.COORDINATOR, Role.LEADER]
        return list(users_with_role(roles, within=unit.path))
    return list(users_with_role(unit=unit))


def channel_for(recipient: Recipient) -> str:
    if recipient.paper or (recipient.unit and recipient.unit.kind == Unit.Kind.RESIDENTIAL_GROUP):
        return Dispatch.Channel.PAPER
    if recipient.unit is not None and accounts_of(
        recipient.unit, leaders_only=recipient.leaders_only
    ):
        return Dispatch.Channel.IN_SYSTEM
    if recipient.email or (recipient.unit is not None and recipient.unit.email):
        return Dispatch.Channel.EMAIL
    return Dispatch.Channel.NO_ADDRESS


@transaction.atomic
def document_send(
    *,
    actor: ScopedUser | None,
    document: Document,
    sender: Unit,
    recipients: Iterable[Recipient],
    base_url: str = "",
    notify_users: bool = True,
    again: bool = False,
    at: dt.datetime | None = None,
) -> list[Dispatch]:
    """Send `document` to every recipient not yet sent one about its subject — to all of them
    `again` (a new version); the bytes are kept as sent. Returns the new dispatches (none when
    everybody had it already)."""
    subject_type = ContentType.objects.get_for_model(document.subject)
    fresh = _recipients_to_send(document, subject_type, recipients, again=again)
    if not fresh:
        return []
    now = at or timezone.now()
    sent_by = actor if getattr(actor, "pk", None) else None
    stored = _document_store(document, subject_type, sender, sent_by, now)
    sent = []
    for recipient in fresh:
        dispatch = _dispatch_create(stored, recipient, sent_by, now)
        link = f"{base_url.rstrip('/')}{dispatch.get_absolute_url()}"
        _recipient_tell(dispatch, recipient, document, link, notify_users=notify_users)
        sent.append(dispatch)
    audit_record(
        actor=actor,
        action="document.dispatched",
        obj=document.subject,
        unit_path=sender.path,
        changes={"recipients": [None, len(sent)]},
    )
    return sent


def _recipients_to_send(
    document: Document,
    subject_type: ContentType,
    recipients: Iterable[Recipient],
    *,
    again: bool,
) -> list[Recipient]:
    """The recipients not yet sent anything about the document's subject (all of them `again`);
    earlier "no address" rows are dropped, since this sending lists them afresh."""
    about = Dispatch.objects.filter(
        document__subject_type=subject_type, document__subject_id=document.subject.pk
    )
    already = set(
        about.exclude(channel=Dispatch.Channel.NO_ADDRESS).values_list("recipient_name", flat=True)
    )
    about.filter(channel=Dispatch.Channel.NO_ADDRESS).delete()
    return [r for r in recipients if again or r.name not in already]


def _document_store(
    document: Document,
    subject_type: ContentType,
    sender: Unit,
    sent_by: ScopedUser | None,
    now: dt.datetime,
) -> SentDocument:
    """Keep the document as sent, with its file when it has one."""
    stored = SentDocument.objects.create(
        subject_type=subject_type,
        subject_id=document.subject.pk,
        title=document.title[:500],
        filename=document.filename[:200],
        sender=sender,
        sent_by=sent_by,
        created_at=now,
    )
    if document.content is not None:
        stored.file.save(document.filename or "van-ban.docx", ContentFile(document.content))
    return stored


def _dispatch_create(
    stored: SentDocument, recipient: Recipient, sent_by: ScopedUser | None, now: dt.datetime
) -> Dispatch:
    """The dispatch to one recipient, by the channel that reaches them."""
    channel = channel_for(recipient)
    email = recipient.email or (recipient.unit.email if recipient.unit else "")
    return Dispatch.objects.create(
        document=stored,
        recipient_name=recipient.name,
        unit=recipient.unit,
        email=email if channel == Dispatch.Channel.EMAIL else "",
        channel=channel,
        token=secrets.token_urlsafe(32),
        sent_at=now,
        sent_by=sent_by,
    )


def _recipient_tell(
    dispatch: Dispatch,
    recipient: Recipient,
    document: Document,
    link: str,
    *,
    notify_users: bool,
) -> None:
    """Tell the recipient a document has come: a notification to each of its people in the
    system, or the link by e-mail; paper and "no address" are left to the sender."""
    channel = dispatch.channel
    if channel == Dispatch.Channel.IN_SYSTEM and notify_users and recipient.unit is not None:
        for user in accounts_of(recipient.unit, leaders_only=recipient.leaders_only):
            notify(user=user, text=_("Văn bản gửi đến: %(t)s") % {"t": document.title}, url=link)
    elif channel == Dispatch.Channel.EMAIL:
        mail_queue(
            to=dispatch.email,
            subject=document.title[:150],
            body=_(
                "%(t)s\n\nMở văn bản tại: %(link)s\n\n(Lan Tỏa ghi lại thời điểm văn bản được mở.)"
            )
            % {"t": document.title, "link": link},
        )


def dispatch_open(*, dispatch: Dispatch, user: object) -> Dispatch:
    """The first opening is what counts. Only an e-mailed link is its own key (its recipient
    may have no account); every other dispatch opens only for a signed-in account of the unit
    it was sent to — not for the ward's coordinators reading a school's, nor for anyone when
    no address was known (issue 12, finding 8)."""
    if dispatch.channel != Dispatch.Channel.EMAIL:
        scope = getattr(user, "scope", None)
        if not getattr(user, "is_authenticated", False) or scope is None:
            raise PermissionDenied
        if dispatch.unit is None or not scope.is_at(dispatch.unit.path):
            raise PermissionDenied
    if dispatch.opened_at is None:
        claimed = Dispatch.objects.filter(pk=dispatch.pk, opened_at__isnull=True).update(
            opened_at=timezone.now(), opened_by=user if getattr(user, "pk", None) else None
        )
        if claimed:
            dispatch.refresh_from_db(fields=["opened_at", "opened_by"])
    return dispatch


def subject_opened(*, subject: models.Model, unit: Unit, user: object) -> None:
    """The recipient's people opening the record in the system count as opening what was sent
    to their unit about it (a report's recipient reading its page)."""
    unopened = Dispatch.objects.filter(
        document__subject_type=ContentType.objects.get_for_model(subject),
        document__subject_id=subject.pk,
        unit=unit,
        opened_at__isnull=True,
    )
    for dispatch in unopened:
        try:
            dispatch_open(dispatch=dispatch, user=user)
        except PermissionDenied:
            return
