"""The filters of a list as one component (issue 14, item 3): a «Bộ lọc (n)» button that opens
them on a phone, and a chip for each filter in force that removes it in one tap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict

from lantoa.core.dates import format_vn_date


@dataclass(frozen=True)
class FilterChip:
    label: str
    value: str
    remove_url: str


def filter_chips(form: forms.Form, query: QueryDict) -> list[FilterChip]:
    """One chip per filled filter of a bound, valid filter form, in the form's order; its link
    is the same list without that filter (and back on its first page)."""
    if not form.is_bound or not form.is_valid():
        return []
    chips = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", [], False) or isinstance(field.widget, forms.HiddenInput):
            continue
        rest = query.copy()
        rest.pop(name, None)
        rest.pop("page", None)
        chips.append(FilterChip(str(field.label), _shown(field, value), f"?{rest.urlencode()}"))
    return chips


def _shown(field: forms.Field, value: Any) -> str:
    """How a filter's value reads on its chip: a choice's label, a date as dd/mm/yyyy."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, dt.date):
        return format_vn_date(value)
    if isinstance(value, list | tuple):
        return ", ".join(_shown(field, v) for v in value)
    choices = dict(getattr(field, "choices", []) or [])
    if not isinstance(field, forms.ModelChoiceField) and value in choices:
        return str(choices[value])
    return str(value)
