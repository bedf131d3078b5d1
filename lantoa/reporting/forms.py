"""Input clean-up for the report pages (issue 5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lantoa.core.forms import StyledFormMixin, VersionedFormMixin, VNDateField, choices_of
from lantoa.org.models import Unit
from lantoa.org.selectors import ward_root_of
from lantoa.plans.models import Plan
from lantoa.reporting.models import Criterion, Report, ReportingRule

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class NarrativeForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """The plan reported on and the sections the unit writes; the numbers come from the
    record."""

    class Meta:
        model = Report
        fields = ["plan", *Report.NARRATIVE_FIELDS]
        widgets = {name: TEXTAREA for name in Report.NARRATIVE_FIELDS}
        help_texts = {
            "direction": _("Văn bản đã ban hành, hội nghị, cuộc họp triển khai trong kỳ."),
            "results": _("Nhận xét chung về kết quả; các con số đã có ở trên, không cần chép lại."),
            "difficulties": _("Mỗi ý một dòng."),
            "proposals": _("Mỗi ý một dòng."),
            "plan": _(
                "Chỉ tiêu, kỳ nhiệm vụ và tỷ lệ quán triệt trong báo cáo là của kế hoạch này."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        report = self.instance
        ward = ward_root_of(report.unit)
        choices_of(self, "plan").queryset = Plan.objects.filter(
            Q(issuer=ward) | Q(issuer=report.unit), status=Plan.Status.ISSUED
        ).order_by("-date", "-pk")
        choices_of(self, "plan").empty_label = _("— chọn kế hoạch —")
        self.fields["plan"].required = True
        self.fields["plan"].error_messages["required"] = _(
            "Chọn kế hoạch mà báo cáo này báo cáo kết quả thực hiện."
        )


class SignerForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["signer_authority", "signer_title", "signer_name"]
        widgets = {"signer_authority": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "signer_authority": _(
                "Mỗi dòng một dòng chữ, ví dụ “TM. ỦY BAN NHÂN DÂN” rồi “KT. CHỦ TỊCH”."
            ),
        }


class DecisionForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến (bắt buộc khi trả lại)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IssueForm(StyledFormMixin, forms.Form):
    number = forms.CharField(label=_("Số văn bản"), max_length=40)
    issued_on = VNDateField(label=_("Ngày ban hành"))


class SendBackForm(StyledFormMixin, forms.Form):
    """The leader's reason for sending a report back to be mended (issue 14, item 7); the
    service says when it is missing."""

    reason = forms.CharField(
        label=_("Lý do trả lại để sửa"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RuleForm(StyledFormMixin, forms.ModelForm):
    reporter_kinds = forms.MultipleChoiceField(
        label=_("Loại đơn vị phải báo cáo"),
        choices=[
            (k.value, k.label)
            for k in (
                Unit.Kind.SCHOOL,
                Unit.Kind.SERVICE_CENTRE,
                Unit.Kind.FRONT,
                Unit.Kind.MASS_ORGANISATION,
                Unit.Kind.OFFICE,
                Unit.Kind.ECONOMY_OFFICE,
            )
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ReportingRule
        fields = ["cutoff_day", "due_days", "reporter_kinds", "is_active"]
        help_texts = {
            "cutoff_day": _("Theo Nghị định 09/2019/NĐ-CP: ngày 14 (số liệu từ ngày 15 kỳ trước)."),
            "due_days": _("Ví dụ 3: chốt ngày 14, hạn gửi ngày 17."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.level == ReportingRule.Level.WARD:
            del self.fields["reporter_kinds"]

    def clean_cutoff_day(self) -> int:
        day = self.cleaned_data["cutoff_day"]
        if not 1 <= day <= 28:
            raise forms.ValidationError(_("Ngày chốt số liệu từ 1 đến 28 (tháng nào cũng có)."))
        return day

    def clean_due_days(self) -> int:
        days = self.cleaned_data["due_days"]
        if not 1 <= days <= 60:
            raise forms.ValidationError(
                _("Hạn gửi cách ngày chốt từ 1 đến 60 ngày (ít nhất một ngày làm việc).")
            )
        return days


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)


class ReviewForm(StyledFormMixin, forms.Form):
    """An interim or final review over several periods (O1.4)."""

    unit = forms.ModelChoiceField(label=_("Đơn vị báo cáo"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(
        label=_("Loại báo cáo"),
        choices=[
            (Report.Kind.INTERIM_REVIEW.value, Report.Kind.INTERIM_REVIEW.label),
            (Report.Kind.FINAL_REVIEW.value, Report.Kind.FINAL_REVIEW.label),
        ],
    )
    start = VNDateField(label=_("Số liệu từ ngày"))
    end = VNDateField(label=_("đến ngày"))

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "unit").queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        choices_of(self, "unit").empty_label = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày cuối phải sau ngày đầu của giai đoạn."))
        return data


class CriterionForm(StyledFormMixin, forms.Form):
    measure = forms.ChoiceField(label=_("Tiêu chí"), choices=Criterion.Measure.choices)
    goal = forms.DecimalField(
        label=_("Mức đạt điểm tối đa"), min_value=Decimal("0.1"), max_digits=9, decimal_places=1
    )
    points = forms.IntegerField(label=_("Điểm tối đa"), min_value=1, max_value=100)
