"""Sending plans and reports to their recipients and recording who opened them (D1).

The channel follows the recipient: a unit with active accounts gets it in the system (a
notification to each of its people), a unit or name with an e-mail address gets a link by
e-mail (Django's mail backend: SMTP in production), a residential group is sent paper, and a
recipient with neither is listed as "no address" so the coordinator can add one. Sending again
reaches only the recipients not yet sent to.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Role, User
from lantoa.accounts.selectors import users_with_role
from lantoa.accounts.services import notify
from lantoa.core.audit import audit_record
from lantoa.core.text import fold
from lantoa.distribution.models import Dispatch
from lantoa.org.models import Unit
from lantoa.org.selectors import ward_root_of
from lantoa.org.services import require_write


@dataclass(frozen=True)
class Recipient:
    name: str
    unit: Unit | None = None
    email: str = ""
    paper: bool = False
    distribution: Any = None  # the plan's "Nơi nhận" line it comes from
    leaders_only: bool = False  # "Lãnh đạo UBND phường": the ward's leaders, not its officers


# "Nơi nhận" lines that name a group of the ward's units (folded text → unit kinds)
GROUPS = [
    (("truong hoc", "co so giao duc"), [Unit.Kind.SCHOOL]),
    (("to dan pho", "thon", "xom"), [Unit.Kind.RESIDENTIAL_GROUP]),
    (("to chuc chinh tri",), [Unit.Kind.MASS_ORGANISATION]),
    (
        ("phong, don vi", "phong, ban", "cac phong"),
        [
            Unit.Kind.CULTURE_SOCIETY_OFFICE,
            Unit.Kind.ECONOMY_OFFICE,
            Unit.Kind.OFFICE,
            Unit.Kind.SERVICE_CENTRE,
        ],
    ),
]


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


def plan_recipients(plan: Any) -> list[Recipient]:
    """The plan's "Nơi nhận", each line resolved to the units it means: a matched unit, the
    ward's schools, residential groups, organisations or offices for a group line, the Sở for
    "Sở GD&ĐT", the ward's leaders for "Lãnh đạo UBND"; a line naming nothing we know stays a
    name, to be given an address."""
    from lantoa.plans.models import Distribution
    from lantoa.reporting.services import department_of

    ward = ward_root_of(plan.issuer)
    recipients = []
    for line in plan.distributions.select_related("unit"):
        folded = fold(line.recipient)
        paper = line.mode == Distribution.Mode.PAPER
        if folded.startswith("luu"):
            continue
        units: list[Unit] = []
        leaders = False
        if line.unit is not None:
            units = [line.unit]
        elif "lanh dao" in folded:
            units, leaders = [ward], True
        elif folded.startswith("so ") or " so gd" in f" {folded}":
            department = department_of(ward)
            units = [department] if department else []
        else:
            for words, kinds in GROUPS:
                if any(w in folded for w in words):
                    units = list(
                        Unit.objects.filter(
                            path__startswith=ward.path, kind__in=kinds, is_active=True
                        ).order_by("kind", "name_folded")
                    )
                    break
        if not units:
            recipients.append(Recipient(name=line.recipient, paper=paper, distribution=line))
        for unit in units:
            recipients.append(
                Recipient(
                    name=line.recipient if leaders else unit.name,
                    unit=unit,
                    email=unit.email,
                    paper=paper,
                    distribution=line,
                    leaders_only=leaders,
                )
            )
    return recipients


@transaction.atomic
def plan_dispatch(*, actor: Any, plan: Any, base_url: str) -> list[Dispatch]:
    """Send an issued plan to every recipient not yet sent to (D1)."""
    require_write(actor, plan.issuer)
    if plan.status != plan.Status.ISSUED:
        raise ValidationError(_("Chỉ gửi được kế hoạch đã ban hành."))
    title = f"{plan.document_kind} {plan.number} {plan.title}".strip()
    sent = _dispatch(actor, {"plan": plan}, plan.issuer, plan_recipients(plan), title, base_url)
    from lantoa.plans.models import Distribution

    lines = {d.distribution_id for d in sent if d.channel != Dispatch.Channel.NO_ADDRESS}
    Distribution.objects.filter(pk__in=lines, sent_at__isnull=True).update(sent_at=timezone.now())
    return sent


def report_dispatch(
    *, actor: Any, report: Any, base_url: str = "", at: dt.datetime | None = None
) -> list[Dispatch]:
    """A submitted or issued report reaches its recipient at the moment it was sent: recorded
    so its opening is too."""
    title = _("Báo cáo %(period)s của %(unit)s") % {
        "period": report.period_label,
        "unit": report.unit.name,
    }
    recipient = Recipient(name=report.recipient.name, unit=report.recipient)
    return _dispatch(
        actor,
        {"report": report},
        report.unit,
        [recipient],
        title,
        base_url,
        notify_users=False,
        at=at,
    )


def _dispatch(
    actor: Any,
    document: dict[str, Any],
    sender: Unit,
    recipients: list[Recipient],
    title: str,
    base_url: str,
    *,
    notify_users: bool = True,
    at: dt.datetime | None = None,
) -> list[Dispatch]:
    already = set(
        Dispatch.objects.filter(**document)
        .exclude(channel=Dispatch.Channel.NO_ADDRESS)
        .values_list("recipient_name", flat=True)
    )
    Dispatch.objects.filter(**document, channel=Dispatch.Channel.NO_ADDRESS).delete()
    now = at or timezone.now()
    sent = []
    for recipient in recipients:
        if recipient.name in already:
            continue
        channel = channel_for(recipient)
        email = recipient.email or (recipient.unit.email if recipient.unit else "")
        dispatch = Dispatch.objects.create(
            **document,
            sender=sender,
            recipient_name=recipient.name,
            distribution=recipient.distribution,
            unit=recipient.unit,
            email=email if channel == Dispatch.Channel.EMAIL else "",
            channel=channel,
            token=secrets.token_urlsafe(32),
            sent_at=now,
            sent_by=actor if getattr(actor, "pk", None) else None,
        )
        link = f"{base_url.rstrip('/')}{dispatch.get_absolute_url()}"
        if channel == Dispatch.Channel.IN_SYSTEM and notify_users:
            users = accounts_of(recipient.unit, leaders_only=recipient.leaders_only)  # type: ignore[arg-type]
            for user in users:
                notify(user=user, text=_("Văn bản gửi đến: %(t)s") % {"t": title}, url=link)
        elif channel == Dispatch.Channel.EMAIL:
            transaction.on_commit(lambda e=email, link=link: _mail(e, title, link))
        sent.append(dispatch)
    audit_record(
        actor=actor,
        action="document.dispatched",
        obj=next(iter(document.values())),
        unit_path=sender.path,
        changes={"recipients": [None, len(sent)]},
    )
    return sent


def _mail(address: str, title: str, link: str) -> None:
    send_mail(
        title[:150],
        _("%(t)s\n\nMở văn bản tại: %(link)s\n\n(Lan Tỏa ghi lại thời điểm văn bản được mở.)")
        % {"t": title, "link": link},
        settings.DEFAULT_FROM_EMAIL,
        [address],
    )


def dispatch_open(*, dispatch: Dispatch, user: Any) -> Dispatch:
    """The first opening is what counts; an in-system dispatch opens only for its unit."""
    if dispatch.channel == Dispatch.Channel.IN_SYSTEM:
        if not getattr(user, "is_authenticated", False):
            raise PermissionDenied
        if dispatch.unit is None or not any(
            a.unit.path.startswith(dispatch.unit.path) for a in user.roles
        ):
            raise PermissionDenied
    if dispatch.opened_at is None:
        dispatch.opened_at = timezone.now()
        dispatch.opened_by = user if getattr(user, "pk", None) else None
        dispatch.save(update_fields=["opened_at", "opened_by"])
        if dispatch.distribution_id:
            from lantoa.plans.models import Distribution

            Distribution.objects.filter(
                pk=dispatch.distribution_id, acknowledged_at__isnull=True
            ).update(acknowledged_at=dispatch.opened_at)
    return dispatch


def report_opened_by_recipient(*, report: Any, user: Any) -> None:
    """A recipient's officer opening the report page counts as opening what was sent."""
    for dispatch in report.dispatches.filter(opened_at__isnull=True, unit=report.recipient):
        try:
            dispatch_open(dispatch=dispatch, user=user)
        except PermissionDenied:
            return
