"""Every write to indicators: confirming how a target computes, manual values and their
approval (issue 4, item 3). Each checks scope and audits. A proposal (`selectors.with_indicator`)
is saved by the first of these."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.core.audit import audit_record
from lantoa.core.dates import format_vn_date
from lantoa.core.files import check_evidence, evidence_fields
from lantoa.core.scoping import ScopedUser, require_write
from lantoa.indicators.models import Indicator, ManualValue
from lantoa.indicators.params import clean_params

MANUAL_ONLY = _("Chỉ nhập số liệu cho chỉ tiêu tính theo cách “nhập số liệu có minh chứng”.")
MANUAL_NEEDS_FILE = _("Kèm tệp minh chứng cho số liệu (ảnh, PDF, Word hoặc Excel).")


@transaction.atomic
def indicator_update(
    *, actor: ScopedUser | None, indicator: Indicator, kind: str, params: dict[str, Any]
) -> Indicator:
    """The coordinator confirms the proposal or sets another kind and parameters."""
    require_write(actor, indicator.target.plan.issuer)
    before = {"kind": indicator.kind, "params": indicator.params, "confirmed": indicator.confirmed}
    indicator.kind = kind
    indicator.params = clean_params(kind, params)
    indicator.confirmed = True
    indicator.updated_by = actor if getattr(actor, "pk", None) else None
    indicator.save()
    audit_record(
        actor=actor,
        action="indicator.confirmed",
        obj=indicator,
        unit_path=indicator.target.plan.issuer.path,
        changes={
            key: [before[key], getattr(indicator, key)]
            for key in before
            if before[key] != getattr(indicator, key)
        },
    )
    return indicator


@transaction.atomic
def manual_value_enter(
    *,
    actor: ScopedUser | None,
    indicator: Indicator,
    value: Decimal,
    as_of: dt.date,
    note: str,
    upload: UploadedFile | None,
) -> ManualValue:
    """A unit enters a value with its evidence; it counts after approval."""
    issuer = indicator.target.plan.issuer
    if actor is not None and not actor.scope.can_write(issuer):
        raise PermissionDenied
    if indicator.kind != Indicator.Kind.MANUAL:
        raise ValidationError(MANUAL_ONLY)
    if upload is None:
        raise ValidationError({"file": MANUAL_NEEDS_FILE})
    checked = check_evidence(upload)
    if indicator.pk is None:  # the proposal is kept as proposed, still to be confirmed
        indicator.save()
    entry = ManualValue.objects.create(
        indicator=indicator,
        value=value,
        as_of=as_of,
        note=note,
        **evidence_fields(checked, actor),
    )
    audit_record(
        actor=actor,
        action="indicator.value_entered",
        obj=indicator,
        unit_path=issuer.path,
        changes={"value": [None, str(value)], "as_of": [None, format_vn_date(as_of)]},
    )
    return entry


@transaction.atomic
def manual_value_approve(*, actor: ScopedUser | None, entry: ManualValue) -> ManualValue:
    """The coordinator approves an entered value; from then on the indicator counts it."""
    issuer = entry.indicator.target.plan.issuer
    require_write(actor, issuer)
    entry.approved_by = actor if getattr(actor, "pk", None) else None
    entry.approved_at = timezone.now()
    entry.save(update_fields=["approved_by", "approved_at"])
    audit_record(
        actor=actor,
        action="indicator.value_approved",
        obj=entry.indicator,
        unit_path=issuer.path,
        changes={"value": [None, str(entry.value)]},
    )
    return entry
