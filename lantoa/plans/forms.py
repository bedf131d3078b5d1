"""Input clean-up for plan pages (issue 3)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.core.forms import StyledFormMixin, VersionedFormMixin, VNDateField, choices_of
from lantoa.org.models import Person, Unit
from lantoa.plans.models import Distribution, Plan, Task, TaskOccurrence
from lantoa.plans.plan_import import ImportChoices
from lantoa.plans.selectors import PeriodFilters, TaskFilters


class PlanUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Văn bản kế hoạch (.docx, .pdf hoặc .txt)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"}),
        error_messages={
            "required": _("Chọn tệp kế hoạch để tải lên."),
            "empty": _("Tệp trống. Hãy chọn đúng tệp kế hoạch."),
        },
    )


class PlanHeaderForm(StyledFormMixin, forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=40)
    date = VNDateField(label=_("Ngày ban hành"), required=False)
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))


class TaskFilterForm(StyledFormMixin, forms.Form):
    """Filters of the task list; the same ones narrow the period counts above it."""

    q = forms.CharField(label=_("Tìm nhiệm vụ"), required=False)
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Đơn vị chủ trì"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(
        label=_("Kế hoạch"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    assignee: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Người thực hiện"), queryset=None, required=False, empty_label=_("Tất cả")
    )

    def __init__(self, *args: Any, units: Any, plans: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "unit").queryset = units
        choices_of(self, "plan").queryset = plans
        choices_of(self, "assignee").queryset = people

    def task_filters(self) -> TaskFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return TaskFilters(
            unit=data.get("unit"),
            plan=data.get("plan"),
            assignee_id=data["assignee"].pk if data.get("assignee") else None,
            query=data.get("q") or "",
        )


class PeriodFilterForm(TaskFilterForm):
    """Filters of the period list: the task filters, a bucket, a due-date range and the day
    the buckets are read on (a report's counts link here with its cut-off day)."""

    bucket = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[("", _("Tất cả"))] + list(TaskOccurrence.Bucket.choices),
    )
    due_from = VNDateField(label=_("Hạn từ ngày"), required=False)
    due_to = VNDateField(label=_("đến ngày"), required=False)
    at = VNDateField(label=_("Tình trạng tính đến ngày"), required=False)

    def period_filters(self) -> PeriodFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return replace(
            self.task_filters().periods(),
            bucket=data.get("bucket") or "",
            due_from=data.get("due_from"),
            due_to=data.get("due_to"),
            at=data.get("at"),
        )


def import_choices(parsed: dict[str, Any], header: PlanHeaderForm) -> ImportChoices:
    """The review's decisions as ImportChoices (the header form must be valid): what the page
    wrote into the working copy (`import_review.apply_edits`, which keeps only units the user
    may choose)."""
    choices = ImportChoices(
        number=header.cleaned_data["number"].strip(),
        date=header.cleaned_data["date"],
        title=header.cleaned_data["title"].strip(),
        drop_objectives=set(parsed.get("dropped_objectives", [])),
    )
    for g, group in enumerate(parsed.get("task_groups", [])):
        for t, task in enumerate(group["tasks"]):
            choices.task_leads[(g, t)] = task.get("lead_choice")
            choices.task_times[(g, t)] = task.get("time") or ""
    for r, item in enumerate(parsed.get("responsibilities", [])):
        choices.responsibility_units[r] = list(item.get("unit_choices", []))
    return choices


class TaskForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """The 06 rõ of one task."""

    start = VNDateField(label=_("Ngày bắt đầu"), required=False)
    due = VNDateField(label=_("Hạn hoàn thành"), required=False)

    class Meta:
        model = Task
        fields = [
            "title",
            "assignee",
            "lead_unit",
            "authority",
            "start",
            "due",
            "recurrence",
            "expected_result",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, people: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "assignee").queryset = people
        choices_of(self, "lead_unit").queryset = units


class AssigneeForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Task
        fields = ["assignee"]

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "assignee").queryset = people


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class OccurrenceReportForm(StyledFormMixin, forms.Form):
    completed_on = VNDateField(label=_("Ngày hoàn thành"))
    result_note = forms.CharField(label=_("Kết quả"), widget=forms.Textarea(attrs={"rows": 2}))
    evidence_files = MultipleFileField(
        label=_("Tệp minh chứng (ảnh, PDF, Word, Excel)"),
        required=False,
        help_text=_("Chọn được nhiều tệp, mỗi tệp tối đa 20 MB."),
    )
    evidence_url = forms.URLField(
        assume_scheme="https",
        label=_("hoặc đường dẫn minh chứng"),
        required=False,
        help_text=_("Bài đăng, ảnh, biên bản trên cổng thông tin hoặc thư mục chia sẻ."),
    )


class OccurrenceReturnForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}))


class PlanIssueForm(StyledFormMixin, forms.Form):
    number = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=40,
        help_text=_("Số tiếp theo của đơn vị trong năm đã được điền sẵn; sửa nếu cần."),
    )
    date = VNDateField(label=_("Ngày ban hành"))
    override_reason = forms.CharField(
        label=_("Lý do ban hành khi còn nhiệm vụ chưa đủ 06 rõ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class PlanEditForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """The document blocks of a draft: number, date, place, signer, Nơi nhận (O4.1)."""

    date = VNDateField(label=_("Ngày ban hành"), required=False)
    electronic_recipients = forms.CharField(
        label=_("Nơi nhận bản điện tử"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi nơi nhận một dòng, ví dụ «UBND phường (để báo cáo)»."),
    )
    paper_recipients = forms.CharField(
        label=_("Nơi nhận bản giấy"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Plan
        fields = [
            "title",
            "number",
            "date",
            "place",
            "signer_authority",
            "signer_title",
            "signer_name",
            "archive_note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "signer_authority": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"archive_note": _("Nơi lưu (dòng «Lưu:» cuối Nơi nhận)")}
        help_texts = {
            "number": _("Để trống nếu chưa có số; khi ban hành sẽ được gợi ý số tiếp theo."),
            "signer_authority": _(
                "Để trống khi thủ trưởng ký trực tiếp; «KT. CHỦ TỊCH» khi cấp phó ký thay."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            rows = list(self.instance.distributions.all())
            self.initial["electronic_recipients"] = "\n".join(
                d.recipient for d in rows if d.mode == Distribution.Mode.ELECTRONIC
            )
            self.initial["paper_recipients"] = "\n".join(
                d.recipient for d in rows if d.mode == Distribution.Mode.PAPER
            )

    def clean_number(self) -> str:
        return self.cleaned_data["number"].strip().upper()

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["electronic_recipients"] = _lines(data["electronic_recipients"])
        data["paper_recipients"] = _lines(data["paper_recipients"])
        return data
