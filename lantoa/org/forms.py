"""Input clean-up for unit, person and roster pages (issue 2)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.core.forms import StyledFormMixin, VersionedFormMixin, VNDateField, choices_of
from lantoa.org.models import DataRequest, Person, Unit


class UnitForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    established_on = VNDateField(
        label=_("Thành lập ngày"),
        required=False,
        help_text=_("Ghi khi đơn vị mới thành lập: chỉ tiêu tính đơn vị này từ ngày đó."),
    )
    closed_on = VNDateField(label=_("Giải thể, sáp nhập ngày"), required=False)

    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "abbreviation",
            "head",
            "phone",
            "email",
            "address",
            "established_on",
            "closed_on",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "head").queryset = Person.objects.filter(
            unit=self.instance, active_to__isnull=True
        ).order_by("name_folded")


class PersonForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    birth_date = VNDateField(label=_("Ngày sinh"), required=False)
    active_from = VNDateField(label=_("Làm việc từ ngày"), required=False)
    active_to = VNDateField(
        label=_("Đến ngày"),
        required=False,
        help_text=_("Chỉ ghi khi người này đã nghỉ hoặc chuyển đi."),
    )

    class Meta:
        model = Person
        fields = [
            "full_name",
            "gender",
            "birth_date",
            "staff_category",
            "position",
            "unit",
            "phone",
            "email",
            "active_from",
            "active_to",
        ]

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "unit").queryset = units


class RosterUploadForm(StyledFormMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Nhập vào đơn vị"),
        queryset=Unit.objects.none(),
        help_text=_("Mã đơn vị trong tệp phải thuộc đơn vị này hoặc đơn vị cấp dưới."),
    )
    file = forms.FileField(
        label=_("Tệp danh sách (.xlsx hoặc .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={
            "required": _("Chọn tệp danh sách (.xlsx hoặc .csv) để tải lên."),
            "empty": _("Tệp trống. Hãy tải tệp mẫu, điền danh sách rồi tải lên lại."),
        },
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "unit").queryset = units


class DataRequestForm(StyledFormMixin, forms.Form):
    """A request about a person's own data, as received (Luật 91/2025; issue 12, item 7)."""

    kind = forms.ChoiceField(label=_("Người đó yêu cầu"), choices=DataRequest.Kind.choices)
    received_on = VNDateField(label=_("Ngày nhận yêu cầu"))
    channel = forms.CharField(
        label=_("Hình thức gửi"),
        required=False,
        max_length=120,
        help_text=_("Ví dụ: đơn giấy nộp tại bộ phận một cửa, thư điện tử, trực tiếp."),
    )
    due_on = VNDateField(
        label=_("Hạn giải quyết"),
        required=False,
        help_text=_(
            "Để trống: 3 ngày (72 giờ) kể từ ngày nhận, không sớm hơn hạn báo đã nhận (luôn là 2 "
            "ngày làm việc)."
        ),
    )


class DataRequestStepForm(StyledFormMixin, forms.Form):
    """Acknowledging (the day told) or settling (the day done and what was done) a request."""

    on = VNDateField(label=_("Ngày"))
    outcome = forms.CharField(
        label=_("Kết quả giải quyết"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Đã làm gì: đã giao dữ liệu, đã sửa, đã xóa, hoặc từ chối và lý do."),
    )
