"""Form helpers shared by every app: Bootstrap classes on widgets, the record's version, and
the date field typed as dd/mm/yyyy."""

from __future__ import annotations

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


class StyledFormMixin:
    """Adds Bootstrap's classes to each widget so templates stay plain."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
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
        "impossible": _("Ngày này không có trên lịch (ví dụ 31/02); kiểm tra lại ngày và tháng."),
        "out_of_range": _("Năm phải từ %(min)s đến %(max)s; kiểm tra lại năm đã gõ."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [DATE_FORMAT])
        kwargs.setdefault(
            "widget", forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy"})
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
                    self.error_messages["impossible"], code="impossible"
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
