"""Input clean-up for the target pages: how a target computes, and manual values (issue 4)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.core.forms import StyledFormMixin, VNDateField
from lantoa.indicators.models import Indicator
from lantoa.indicators.params import C, K, S

CHECKS = forms.CheckboxSelectMultiple


class IndicatorForm(StyledFormMixin, forms.Form):
    """Kind and parameters; coverage counts up to two groups of people (unit kinds × staff)."""

    kind = forms.ChoiceField(label=_("Cách tính"), choices=Indicator.Kind.choices)
    activity_categories = forms.MultipleChoiceField(
        label=_("Nhóm hoạt động được tính"), choices=C.choices, required=False, widget=CHECKS
    )
    group1_unit_kinds = forms.MultipleChoiceField(
        label=_("Nhóm người thứ nhất: loại đơn vị"),
        choices=K.choices,
        required=False,
        widget=CHECKS,
    )
    group1_staff = forms.MultipleChoiceField(
        label=_("Nhóm người thứ nhất: loại cán bộ"),
        choices=S.choices,
        required=False,
        widget=CHECKS,
    )
    group2_unit_kinds = forms.MultipleChoiceField(
        label=_("Nhóm người thứ hai: loại đơn vị"), choices=K.choices, required=False, widget=CHECKS
    )
    group2_staff = forms.MultipleChoiceField(
        label=_("Nhóm người thứ hai: loại cán bộ"), choices=S.choices, required=False, widget=CHECKS
    )
    unit_kinds = forms.MultipleChoiceField(
        label=_("Loại đơn vị được tính (tỷ lệ đơn vị)"),
        choices=K.choices,
        required=False,
        widget=CHECKS,
    )
    min_per_month = forms.IntegerField(
        label=_("Số hoạt động tối thiểu mỗi tháng"), min_value=1, required=False
    )
    min_count = forms.IntegerField(
        label=_("Số hoạt động tối thiểu mỗi năm"), min_value=1, required=False
    )
    within_days = forms.IntegerField(
        label=_("Đưa tin trong vòng (ngày)"), min_value=1, required=False
    )

    @classmethod
    def for_indicator(cls, indicator: Indicator, data: Any = None) -> IndicatorForm:
        params = indicator.params
        groups = params.get("groups", [])
        initial = {
            "kind": indicator.kind,
            "activity_categories": params.get("activity_categories", []),
            "unit_kinds": params.get("unit_kinds", []),
            "min_per_month": params.get("min_per_month"),
            "min_count": params.get("min_count"),
            "within_days": params.get("within_days"),
        }
        for n, group in enumerate(groups[:2], start=1):
            initial[f"group{n}_unit_kinds"] = group["unit_kinds"]
            initial[f"group{n}_staff"] = group["staff_categories"]
        return cls(data, initial=initial)

    def params(self) -> dict[str, Any]:
        """The cleaned data in the shape `lantoa.indicators.params` checks."""
        data = self.cleaned_data
        params: dict[str, Any] = {
            key: data[key]
            for key in (
                "activity_categories",
                "unit_kinds",
                "min_per_month",
                "min_count",
                "within_days",
            )
            if data.get(key)
        }
        params["groups"] = [
            {
                "unit_kinds": data[f"group{n}_unit_kinds"],
                "staff_categories": data[f"group{n}_staff"],
            }
            for n in (1, 2)
            if data.get(f"group{n}_unit_kinds") and data.get(f"group{n}_staff")
        ]
        if not params["groups"]:
            params.pop("groups")
        return params


class ManualValueForm(StyledFormMixin, forms.Form):
    value = forms.DecimalField(label=_("Giá trị"), max_digits=12, decimal_places=2, min_value=0)
    as_of = VNDateField(label=_("Số liệu tính đến ngày"))
    note = forms.CharField(
        label=_("Ghi chú, nguồn số liệu"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    file = forms.FileField(label=_("Tệp minh chứng"))


class AtForm(StyledFormMixin, forms.Form):
    """Which date and which unit a target is shown at."""

    at = VNDateField(label=_("Tính đến ngày"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Toàn địa bàn")
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
