"""Form helpers shared by every app: Bootstrap classes on widgets, the record's version, and
the date field typed as dd/mm/yyyy."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import (
    DATE_FORMAT,
    MAX_YEAR,
    MIN_YEAR,
    DateOutOfRange,
    ImpossibleDate,
    parse_vn_date,
)

# Our own words for every field type (issue 14, item 4): Django's Vietnamese catalogue says
# "Nhập một số tổng thể." and "lớn hơn hoặc bằng với 0 ." — one place, so every form reads alike.
MESSAGES: dict[str, Any] = {
    "required": _("Ô này không được để trống."),
    "max_length": _("Dài quá: tối đa %(limit_value)d ký tự (đang có %(show_value)d)."),
    "min_value": _("Không được nhỏ hơn %(limit_value)s."),
    "max_value": _("Không được lớn hơn %(limit_value)s."),
    "invalid_choice": _("Lựa chọn này không có trong danh sách; chọn lại."),
}
TYPE_MESSAGES: dict[type, dict[str, Any]] = {
    forms.IntegerField: {"invalid": _("Nhập một số nguyên, ví dụ 25 hoặc 1.500.")},
    forms.DecimalField: {"invalid": _("Nhập một số, ví dụ 2,5 hoặc 1.500.")},
    forms.FloatField: {"invalid": _("Nhập một số, ví dụ 2,5 hoặc 1.500.")},
    forms.EmailField: {"invalid": _("Nhập địa chỉ thư điện tử đầy đủ, ví dụ ten@example.com.")},
    forms.URLField: {"invalid": _("Nhập đường dẫn đầy đủ, ví dụ https://example.com/bai-viet.")},
    forms.TimeField: {"invalid": _("Nhập giờ theo dạng giờ:phút, ví dụ 07:30.")},
}
EMPTY_CHOICE = _("— chọn —")
GROUPED = re.compile(r"^-?\d{1,3}(?:[. \u00a0]\d{3})+$")  # "1.500", "1 500"


def vn_number(value: Any) -> Any:
    """ "1.500" and "1 500" are one thousand five hundred; "2,5" is two and a half."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if GROUPED.match(text):
        return re.sub(r"[. \u00a0]", "", text)
    if re.fullmatch(r"-?\d+,\d+", text):
        return text.replace(",", ".")
    return text


class VNIntegerField(forms.IntegerField):
    """A whole number as Vietnamese write it ("1.500"), typed on a phone's number pad."""

    def to_python(self, value: Any) -> Any:
        return super().to_python(vn_number(value))


class VNDecimalField(forms.DecimalField):
    def to_python(self, value: Any) -> Any:
        return super().to_python(vn_number(value))


def vietnamese(field: forms.Field) -> None:
    """Our messages on the field, numbers read the Vietnamese way, "— chọn —" for no choice."""
    for kind, messages in TYPE_MESSAGES.items():
        if isinstance(field, kind):
            field.error_messages.update(messages)
    field.error_messages.update(MESSAGES)
    if type(field) is forms.IntegerField:
        field.__class__ = VNIntegerField
    elif type(field) is forms.DecimalField:
        field.__class__ = VNDecimalField
    if isinstance(field, forms.IntegerField | forms.DecimalField) and not field.widget.is_hidden:
        field.widget.input_type = "text"  # type=number refuses "1.500"
        field.widget.attrs.setdefault(
            "inputmode", "decimal" if isinstance(field, forms.DecimalField) else "numeric"
        )
    if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
        field.empty_label = EMPTY_CHOICE
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices: list[Any] = list(cast(Any, field.choices))
        if choices and choices[0] == ("", "---------"):
            field.choices = [("", EMPTY_CHOICE), *choices[1:]]


class StyledFormMixin:
    """Adds Bootstrap's classes to each widget so templates stay plain, and our Vietnamese to
    each field (`vietnamese`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            vietnamese(field)
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue  # Django puts the class on the list's wrapper too; site.css styles these
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class VersionedFormMixin:
    """A hidden `version`: the record's version when the form was opened, which the service
    compares before writing (`core.concurrency.version_claim`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        record = kwargs.pop("record", None)
        super().__init__(*args, **kwargs)
        record = record if record is not None else getattr(self, "instance", None)
        field = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
        if record is not None and record.pk:
            field.initial = record.version
        self.fields["version"] = field  # type: ignore[attr-defined]


class VNDateField(forms.DateField):
    """A date typed as dd/mm/yyyy."""

    default_error_messages = {
        "invalid": _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/09/1985."),
        "impossible": _(
            "%(value)s không phải ngày có thật (không có trên lịch); kiểm tra lại ngày và tháng."
        ),
        "out_of_range": _("Năm phải từ %(min)s đến %(max)s; kiểm tra lại năm đã gõ."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [DATE_FORMAT])
        kwargs.setdefault(
            "widget",
            forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": _("ngày/tháng/năm")}),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip():
            try:
                return parse_vn_date(value)
            except DateOutOfRange:
                raise forms.ValidationError(
                    self.error_messages["out_of_range"],
                    code="out_of_range",
                    params={"min": MIN_YEAR, "max": MAX_YEAR},
                ) from None
            except ImpossibleDate:
                raise forms.ValidationError(
                    self.error_messages["impossible"],
                    code="impossible",
                    params={"value": value.strip()},
                ) from None
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
        return super().to_python(value)


def choices_of(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's model-choice field `name`, to narrow its choices (`Form.fields` holds plain
    `Field`s as far as the type checker knows)."""
    return cast("forms.ModelChoiceField[Any]", form.fields[name])
