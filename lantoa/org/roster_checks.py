"""Checking one row of a roster file (issue 2, item 5): each cell's rule and its Vietnamese
message naming the row and the column, and the checked row that the import saves."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext as _

from lantoa.core.dates import DateOutOfRange, format_vn_date, local_today, parse_vn_date
from lantoa.core.text import fold
from lantoa.org.models import Person
from lantoa.org.roster_columns import FILE_LANGUAGES, RowError, cell_text, column_label

PHONE_RE = re.compile(r"^\+?[0-9 .()-]{8,20}$")
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)

ErrorFn = Callable[[str, str], None]  # (column key, message) → records the error


@dataclass
class RosterRow:
    row: int
    full_name: str
    birth_date: dt.date
    unit_code: str
    staff_category: str
    gender: str = ""
    position: str = ""
    phone: str = ""
    email: str = ""
    active_from: dt.date | None = None

    @property
    def key(self) -> tuple[str, dt.date]:
        """The matching key (docs/decisions.md): folded full name and birth date."""
        return (fold(self.full_name), self.birth_date)


def choice_lookups() -> dict[str, dict[str, str]]:
    """The choice lookups `check_row` needs, built once per file."""
    return {
        "staff_category": _choice_lookup(Person.StaffCategory),
        "gender": _choice_lookup(Person.Gender),
    }


def check_row(
    number: int,
    values: dict[str, Any],
    units: Mapping[str, Any],
    lookups: Mapping[str, Mapping[str, str]],
    errors: list[RowError],
) -> RosterRow | None:
    """The checked row, or None after adding to `errors` what is wrong with it."""
    before = len(errors)

    def error(key: str, message: str) -> None:
        errors.append(RowError(number, column_label(key), message))

    def text(key: str) -> str:
        return cell_text(values.get(key))

    full_name = _check_full_name(text("full_name"), error)
    birth_date = _check_birth_date(values.get("birth_date"), error)
    active_from = _date(values.get("active_from"), required=False, key="active_from", error=error)
    unit_code = _check_unit_code(text("unit_code"), units, error)
    staff_category = _check_staff_category(text("staff_category"), lookups["staff_category"], error)
    gender = _check_gender(text("gender"), lookups["gender"], error)
    email = _check_email(text("email").lower(), error)
    phone = _check_phone(text("phone"), error)

    if len(errors) > before or birth_date is None or staff_category is None:
        return None
    return RosterRow(
        row=number,
        full_name=full_name,
        birth_date=birth_date,
        unit_code=unit_code,
        staff_category=staff_category,
        gender=gender,
        position=text("position")[:120],
        phone=phone,
        email=email,
        active_from=active_from,
    )


def _check_full_name(full_name: str, error: ErrorFn) -> str:
    if not full_name:
        error("full_name", _("bỏ trống. Nhập họ và tên đầy đủ."))
    elif len(full_name) > 120 or any(ch.isdigit() for ch in full_name):
        error("full_name", _("«%(v)s» không phải họ tên hợp lệ.") % {"v": full_name[:60]})
    return full_name


def _check_birth_date(value: Any, error: ErrorFn) -> dt.date | None:
    birth_date = _date(value, required=True, key="birth_date", error=error)
    if birth_date is not None and not (EARLIEST_BIRTH_DATE <= birth_date <= local_today()):
        error(
            "birth_date",
            _("ngày %(d)s nằm ngoài khoảng hợp lệ.") % {"d": format_vn_date(birth_date)},
        )
        return None
    return birth_date


def _check_unit_code(unit_code: str, units: Mapping[str, Any], error: ErrorFn) -> str:
    if not unit_code:
        error("unit_code", _("bỏ trống. Nhập mã đơn vị (xem trang Đơn vị)."))
    elif unit_code not in units:
        error(
            "unit_code",
            _(
                "không có đơn vị mã «%(code)s» trong phạm vi bạn được cập nhật. Kiểm tra lại mã trên trang Đơn vị."
            )
            % {"code": unit_code},
        )
    return unit_code


def _check_staff_category(value: str, lookup: Mapping[str, str], error: ErrorFn) -> str | None:
    staff_category = lookup.get(fold(value))
    if not value:
        error(
            "staff_category",
            _("bỏ trống. Chọn một trong: %(choices)s.")
            % {"choices": choices_text(Person.StaffCategory)},
        )
    elif staff_category is None:
        error(
            "staff_category",
            _("«%(v)s» không phải loại cán bộ. Chọn một trong: %(choices)s.")
            % {"v": value, "choices": choices_text(Person.StaffCategory)},
        )
    return staff_category


def _check_gender(value: str, lookup: Mapping[str, str], error: ErrorFn) -> str:
    if not value:
        return ""
    gender = lookup.get(fold(value), "")
    if not gender:
        error("gender", _("«%(v)s» không hợp lệ; ghi Nam hoặc Nữ, hoặc để trống.") % {"v": value})
    return gender


def _check_email(email: str, error: ErrorFn) -> str:
    if email:
        try:
            validate_email(email)
        except ValidationError:
            error("email", _("«%(v)s» không phải địa chỉ thư điện tử hợp lệ.") % {"v": email})
    return email


def _check_phone(phone: str, error: ErrorFn) -> str:
    if phone and not PHONE_RE.match(phone):
        error("phone", _("«%(v)s» không phải số điện thoại hợp lệ.") % {"v": phone})
    return phone


def _date(value: Any, *, required: bool, key: str, error: ErrorFn) -> dt.date | None:
    """A date cell: an Excel date, or text as dd/mm/yyyy."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value)
    if not text:
        if required:
            error(key, _("bỏ trống. Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/09/1985."))
        return None
    try:
        return parse_vn_date(text)
    except DateOutOfRange:
        error(key, _("ngày %(d)s nằm ngoài khoảng hợp lệ.") % {"d": text})
        return None
    except ValueError:
        error(
            key,
            _("«%(v)s» không phải ngày có thật; nhập theo dạng dd/mm/yyyy, ví dụ 05/09/1985.")
            % {"v": text},
        )
        return None


def _choice_lookup(choices: type[TextChoices]) -> dict[str, str]:
    """Folded label (Vietnamese or English) or stored value → stored value."""
    lookup = {value: value for value in choices.values}
    for language in FILE_LANGUAGES:
        with translation.override(language):
            lookup.update({fold(str(label)): value for value, label in choices.choices})
    return lookup


def choices_text(choices: type[TextChoices]) -> str:
    """The choices' labels, as a list to show in a message or the template's help sheet."""
    return ", ".join(str(label) for _value, label in choices.choices)
