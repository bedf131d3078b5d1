"""Forms speak our Vietnamese (issue 14, item 4): own messages for every field type, numbers
as Vietnamese write them, "— chọn —" for no choice."""

from decimal import Decimal

import pytest
from django import forms

from lantoa.core.forms import StyledFormMixin


class Sample(StyledFormMixin, forms.Form):
    count = forms.IntegerField(min_value=0)
    share = forms.DecimalField(required=False)
    email = forms.EmailField(required=False)
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)


def test_numbers_as_vietnamese_write_them():
    form = Sample({"count": "1.500", "share": "2,5"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["count"], form.cleaned_data["share"]) == (1500, Decimal("2.5"))
    assert Sample({"count": "1 500"}).is_valid()


def test_our_messages_not_the_stock_ones():
    errors = Sample({"count": "-1", "email": "abc"}).errors
    assert errors["count"] == ["Không được nhỏ hơn 0."]
    assert errors["email"] == ["Nhập địa chỉ thư điện tử đầy đủ, ví dụ ten@example.com."]
    assert Sample({"count": "hai"}).errors["count"] == ["Nhập một số nguyên, ví dụ 25 hoặc 1.500."]
    assert Sample({}).errors["count"] == ["Ô này không được để trống."]


def test_number_inputs_open_the_number_pad_and_accept_a_point():
    html = str(Sample()["count"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html


def test_no_choice_reads_chon():
    assert Sample().fields["kind"].choices[0] == ("", "— chọn —")


def test_an_impossible_date_is_named_and_the_placeholder_is_vietnamese():
    from lantoa.core.forms import VNDateField

    field = VNDateField()
    with pytest.raises(forms.ValidationError) as refused:
        field.clean("31/02/2026")
    assert refused.value.messages == [
        "31/02/2026 không phải ngày có thật (không có trên lịch); kiểm tra lại ngày và tháng."
    ]
    assert field.widget.attrs["placeholder"] == "ngày/tháng/năm"
