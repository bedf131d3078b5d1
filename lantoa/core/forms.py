"""Form helpers shared by every app: Bootstrap classes on widgets, nothing else."""

from typing import Any

from django import forms


class StyledFormMixin:
    """Adds Bootstrap's classes to each widget so templates stay plain."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
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
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        record = record if record is not None else getattr(self, "instance", None)
        field = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
        if record is not None and record.pk:
            field.initial = record.version
        self.fields["version"] = field  # type: ignore[attr-defined]
