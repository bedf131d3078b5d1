"""The dashboard's filters (issue 4, item 4)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.core.forms import StyledFormMixin, VNDateField


class DashboardFilterForm(StyledFormMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False)
    date_from = VNDateField(label=_("Từ ngày"), required=False)
    date_to = VNDateField(label=_("đến ngày"), required=False)

    def __init__(self, *args: Any, units: Any, default_unit: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = str(default_unit) if default_unit else None
