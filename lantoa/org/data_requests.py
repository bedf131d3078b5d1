"""The register of requests people make about their own data (Luật Bảo vệ dữ liệu cá nhân
91/2025/QH15, Nghị định 356/2025/NĐ-CP; issue 12, item 7): recorded with the day received,
acknowledged within 2 working days, settled by the day due. Reads and writes for writers of
the person's unit only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lantoa.core.audit import audit_record
from lantoa.core.dates import add_working_days, format_vn_date, local_today
from lantoa.core.scoping import ScopedUser, get_in_scope, require_write, scope_filter
from lantoa.core.text import nfc
from lantoa.org.models import DataRequest, Person

if TYPE_CHECKING:
    from lantoa.accounts.models import User

ACKNOWLEDGE_WORKING_DAYS = 2
# The settlement deadline when none is typed: 72 hours, the strictest term known (Nghị định
# 13/2023), never before the acknowledgement is due (a Friday's request is acknowledged by
# Tuesday); the officer sets a later one where the law allows it (docs/decisions.md).
SETTLE_DAYS = 3
BEFORE_RECEIVED = _("Ngày này không được trước ngày nhận yêu cầu (%(day)s).")


def data_requests_for(user: ScopedUser, person: Person | None = None) -> QuerySet[DataRequest]:
    """The requests received by units the user writes, open ones first by their deadline."""
    requests = scope_filter(
        DataRequest.objects.select_related("person", "unit"), user.scope, "unit__path", write=True
    )
    if person is not None:
        requests = requests.filter(person=person)
    return requests.order_by("settled_on", "due_on", "pk")


def data_request_get_for(user: ScopedUser, pk: object) -> DataRequest:
    return get_in_scope(
        DataRequest.objects.select_related("person", "unit"),
        user.scope,
        "unit__path",
        pk,
        write=True,
    )


@transaction.atomic
def data_request_record(
    *,
    actor: ScopedUser,
    person: Person,
    kind: str,
    received_on: dt.date,
    channel: str = "",
    due_on: dt.date | None = None,
) -> DataRequest:
    """Record a request received; the acknowledgement is due 2 working days later."""
    require_write(actor, person.unit)
    if received_on > local_today():
        raise ValidationError({"received_on": _("Ngày nhận không được sau hôm nay.")})
    if due_on is not None and due_on < received_on:
        raise ValidationError({"due_on": BEFORE_RECEIVED % {"day": format_vn_date(received_on)}})
    acknowledge_by = add_working_days(received_on, ACKNOWLEDGE_WORKING_DAYS)
    request = DataRequest.objects.create(
        person=person,
        unit=person.unit,
        kind=kind,
        received_on=received_on,
        channel=nfc(channel),
        acknowledge_by=acknowledge_by,
        due_on=due_on or max(received_on + dt.timedelta(days=SETTLE_DAYS), acknowledge_by),
        recorded_by=cast("User", actor),  # the ScopedUser protocol is met by accounts.User only
    )
    _audit(actor, request, "data_request.recorded", {"kind": [None, request.get_kind_display()]})
    return request


@transaction.atomic
def data_request_acknowledge(*, actor: ScopedUser, request: DataRequest, on: dt.date) -> None:
    """The person was told their request is received."""
    require_write(actor, request.unit)
    _check_day(request, on)
    request.acknowledged_on = on
    request.save(update_fields=["acknowledged_on"])
    _audit(actor, request, "data_request.acknowledged", {"acknowledged_on": [None, str(on)]})


@transaction.atomic
def data_request_settle(
    *, actor: ScopedUser, request: DataRequest, on: dt.date, outcome: str
) -> None:
    """The request is settled: what was done (data handed over, corrected, erased, refused and
    why). Settling acknowledges it too if that was not recorded."""
    require_write(actor, request.unit)
    _check_day(request, on)
    if not outcome.strip():
        raise ValidationError({"outcome": _("Ghi kết quả giải quyết (đã làm gì, trả lời ra sao).")})
    request.acknowledged_on = request.acknowledged_on or on
    request.settled_on = on
    request.outcome = nfc(outcome.strip())
    request.save(update_fields=["acknowledged_on", "settled_on", "outcome"])
    _audit(actor, request, "data_request.settled", {"settled_on": [None, str(on)]})


def open_erasure_requests_settle(*, actor: ScopedUser, person: Person, outcome: str) -> None:
    """Erasing a person's data settles their open requests to erase it."""
    for request in person.data_requests.filter(kind=DataRequest.Kind.ERASE, settled_on=None):
        data_request_settle(actor=actor, request=request, on=local_today(), outcome=outcome)


def _check_day(request: DataRequest, on: dt.date) -> None:
    if on < request.received_on:
        raise ValidationError(BEFORE_RECEIVED % {"day": format_vn_date(request.received_on)})
    if on > local_today():
        raise ValidationError(_("Ngày này không được sau hôm nay."))


def _audit(actor: ScopedUser, request: DataRequest, action: str, changes: dict) -> None:
    audit_record(
        actor=actor, action=action, obj=request, unit_path=request.unit.path, changes=changes
    )
