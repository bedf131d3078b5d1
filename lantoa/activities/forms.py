"""Input clean-up for activity pages (issue 4)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.activities.models import Activity, ActivityKind, CoOrganiserInvitation
from lantoa.core.forms import StyledFormMixin, VersionedFormMixin, VNDateField


class ActivityForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """One screen that works on a phone: what, who organised, when, where, how many. On an
    existing activity the organiser is shown, not changed."""

    date = VNDateField(label=_("Ngày"))
    link = forms.URLField(
        label=_("Đường dẫn (bài đăng, bản tin)"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "organiser",
            "co_organisers",
            "date",
            "start_time",
            "place",
            "audiences",
            "guests",
            "channel",
            "reach",
            "shares",
            "link",
            "plan",
            "description",
        ]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "co_organisers": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
        }

    def __init__(
        self,
        *args: Any,
        kinds: Any,
        organisers: Any,
        units: Any,
        audiences: Any,
        plans: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds
        self.fields["organiser"].queryset = organisers
        self.fields["co_organisers"].queryset = units
        self.fields["co_organisers"].help_text = _(
            "Đơn vị bạn không phụ trách được gửi lời mời; hoạt động chỉ tính cho đơn vị đó khi "
            "đơn vị nhận lời."
        )
        self.fields["audiences"].queryset = audiences
        self.fields["plan"].queryset = plans
        for name in ("kind", "plan"):
            self.fields[name].empty_label = _("— chọn —")
        if self.instance.pk:
            pending = self.instance.invitations.filter(status=CoOrganiserInvitation.Status.PENDING)
            self.initial["co_organisers"] = [
                *self.instance.co_organisers.values_list("pk", flat=True),
                *pending.values_list("unit_id", flat=True),
            ]
            self.fields["organiser"].disabled = True
            self.fields["organiser"].help_text = _(
                "Đơn vị tổ chức không đổi được; ghi nhầm đơn vị thì xóa hoạt động này và ghi lại."
            )
            self.fields["organiser"].queryset = type(self.instance.organiser).objects.filter(
                pk=self.instance.organiser_id
            )


class ActivityFilterForm(StyledFormMixin, forms.Form):
    """The list's filters; the dashboard's numbers link here with them filled in."""

    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    category = forms.MultipleChoiceField(
        label=_("Nhóm hoạt động"),
        choices=ActivityKind.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,  # one tap per group, no Ctrl-click (issue 14)
    )
    date_from = VNDateField(label=_("Từ ngày"), required=False)
    date_to = VNDateField(label=_("đến ngày"), required=False)
    photo = forms.BooleanField(label=_("Chỉ hoạt động có ảnh minh chứng"), required=False)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class DeleteForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do xóa"),
        max_length=300,
        help_text=_("Ví dụ: ghi trùng, ghi nhầm đơn vị, không tổ chức được."),
        error_messages={"required": _("Ghi lý do xóa để người khác hiểu vì sao.")},
    )


class CheckInForm(StyledFormMixin, forms.Form):
    """An attendee's own details on the public check-in page: the full name and one detail
    only they know (issue 12, finding 5)."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    birth_date = VNDateField(label=_("Ngày sinh"), required=False)
    phone_tail = forms.RegexField(
        label=_("hoặc 4 số cuối điện thoại"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("Ghi đúng 4 chữ số cuối của số điện thoại.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("birth_date") and not data.get("phone_tail") and not self.errors:
            raise forms.ValidationError(
                _("Ghi ngày sinh, hoặc 4 số cuối điện thoại, để xác nhận đúng là bạn.")
            )
        return data
