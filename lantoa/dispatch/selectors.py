"""Reads of what was sent (D1)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from lantoa.dispatch.models import Dispatch


def dispatches_of(subject: models.Model) -> QuerySet[Dispatch]:
    """Everything sent about one record (the plan or report page lists them; whoever may read
    the record may read this)."""
    return Dispatch.objects.filter(
        document__subject_type=ContentType.objects.get_for_model(subject),
        document__subject_id=subject.pk,
    ).select_related("opened_by", "unit", "document")


def dispatch_by_token(token: str) -> Dispatch:
    """The dispatch behind a link (the token is the secret); 404 if none."""
    dispatch = (
        Dispatch.objects.select_related("unit", "document__subject_type")
        .filter(token=token)
        .first()
    )
    if dispatch is None:
        raise Http404
    return dispatch
