"""Reading a roster file (XLSX or CSV) into checked rows, or into row/column errors (issue 2, item 5).

Pure reading and checking: nothing here touches the database except through the `units`
mapping the caller passes in. Saving is `roster_import.roster_import_apply`.

Matching key (docs/decisions.md): a row is the same person as a roster entry in the importer's
scope when the full name (ignoring case and diacritics) and the birth date are equal.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.core.dates import DateOutOfRange, format_vn_date, local_today, parse_vn_date
from lantoa.core.numbers import format_number
from lantoa.core.text import fold, nfc
from lantoa.org.models import Person

MAX_DATA_ROWS = 20_000
HEADER_SEARCH_ROWS = 10
PROGRESS_EVERY = 500
FILE_LANGUAGES = ("vi", "en")  # headers and choices are read in either language

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # lazy translated header as it appears in the template
    required: bool = False
    aliases: tuple[str, ...] = ()
    example: str = ""


COLUMNS = [
    Column("full_name", gettext_lazy("Họ và tên"), True, ("ho ten", "ho va ten"), "Nguyễn Văn An"),
    Column("gender", gettext_lazy("Giới tính"), False, ("gioi",), "Nam"),
    Column("birth_date", gettext_lazy("Ngày sinh"), True, ("ngay thang nam sinh",), "05/09/1985"),
    Column("unit_code", gettext_lazy("Mã đơn vị"), True, ("ma dv",), "01843-VHXH"),
    Column(
        "staff_category",
        gettext_lazy("Loại cán bộ"),
        True,
        ("loai", "doi tuong", "ngach"),
        "Công chức",
    ),
    Column("position", gettext_lazy("Chức vụ"), False, ("chuc danh",), "Chuyên viên"),
    Column("phone", gettext_lazy("Điện thoại"), False, ("so dien thoai", "sdt", "dien thoai"), ""),
    Column("email", gettext_lazy("Thư điện tử"), False, ("email", "e-mail", "thu dien tu"), ""),
    Column("active_from", gettext_lazy("Làm việc từ ngày"), False, ("tu ngay",), "01/01/2026"),
]
IGNORED_HEADERS = {"stt", "tt", "so tt", "so thu tu", "ghi chu", "no", "no.", "#", "note", "notes"}
PHONE_RE = re.compile(r"^\+?[0-9 .()-]{8,20}$")


@dataclass(frozen=True)
class RowError:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column is None:
            return _("Dòng %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return _("Dòng %(row)s, cột «%(column)s»: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message, "text": str(self)}


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
        return (fold(self.full_name), self.birth_date)


@dataclass
class ParsedRoster:
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    total_rows: int = 0


class RosterFileError(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""


def read_table(content: bytes, filename: str) -> Iterator[list[Any]]:
    """Rows of cell values from XLSX (by content, whatever the name says) or UTF-8 CSV."""
    if not content.strip():
        raise RosterFileError(
            _("Tệp «%(name)s» trống. Hãy tải tệp mẫu, điền danh sách rồi tải lên lại.")
            % {"name": filename}
        )
    if content[:4] == b"PK\x03\x04":
        return _read_xlsx(content, filename)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise RosterFileError(
            _(
                "Tệp «%(name)s» có đuôi .xlsx nhưng không phải là tệp Excel. "
                "Hãy mở tệp bằng Excel và lưu lại dạng .xlsx, hoặc dùng tệp mẫu."
            )
            % {"name": filename}
        )
    if filename.lower().endswith(".xls"):
        raise RosterFileError(
            _("Tệp «%(name)s» là Excel đời cũ (.xls). Hãy lưu lại dạng .xlsx rồi tải lên.")
            % {"name": filename}
        )
    return _read_csv(content, filename)


def _read_xlsx(content: bytes, filename: str) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise RosterFileError(
            _(
                "Không đọc được tệp Excel «%(name)s» (tệp hỏng hoặc có mật khẩu). Hãy lưu lại tệp rồi thử lại."
            )
            % {"name": filename}
        ) from exc
    sheet = workbook.worksheets[0]

    def rows() -> Iterator[list[Any]]:
        try:
            for values in sheet.iter_rows(values_only=True):
                yield list(values)
        finally:
            workbook.close()

    return rows()


def _read_csv(content: bytes, filename: str) -> Iterator[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterFileError(
            _(
                "Tệp «%(name)s» không phải CSV mã UTF-8. Trong Excel chọn "
                "Lưu thành › «CSV UTF-8 (phân tách bằng dấu phẩy)», hoặc tải lên tệp .xlsx."
            )
            % {"name": filename}
        ) from exc
    if "\x00" in text:
        raise RosterFileError(
            _("Tệp «%(name)s» không phải bảng tính hay CSV. Hãy dùng tệp mẫu.") % {"name": filename}
        )
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return (list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _match_header(header: list[Any]) -> tuple[dict[str, int], list[RowError]]:
    """Column positions by key; errors for missing required and unknown columns."""
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for language in FILE_LANGUAGES:
            with translation.override(language):
                lookup[fold(str(column.label))] = column.key
        for alias in column.aliases:
            lookup[alias] = column.key
    positions: dict[str, int] = {}
    unknown: list[str] = []
    errors: list[RowError] = []
    for index, cell in enumerate(header):
        name = _cell_text(cell).rstrip("*").strip()
        folded = fold(name)
        if not folded or folded in IGNORED_HEADERS:
            continue
        key = lookup.get(folded)
        if key is None:
            unknown.append(name)
        elif key in positions:
            errors.append(
                RowError(None, None, _("Cột «%(name)s» xuất hiện hai lần.") % {"name": name})
            )
        else:
            positions[key] = index
    for column in COLUMNS:
        if column.required and column.key not in positions:
            errors.append(
                RowError(
                    None,
                    None,
                    _("Thiếu cột «%(label)s». Hãy thêm cột này hoặc dùng tệp mẫu.")
                    % {"label": column.label},
                )
            )
    for name in unknown:
        errors.append(
            RowError(
                None,
                None,
                _(
                    "Cột «%(name)s» không có trong mẫu. Hãy đổi về đúng tên cột trong tệp mẫu hoặc xóa cột."
                )
                % {"name": name},
            )
        )
    return positions, errors


def _find_header(rows: Iterator[list[Any]]) -> tuple[int, list[Any]] | None:
    """The header is the first of the top rows that names a required column."""
    required = set()
    for language in FILE_LANGUAGES:
        with translation.override(language):
            required |= {fold(str(c.label)) for c in COLUMNS if c.required}
    for number, row in enumerate(rows, start=1):
        if any(fold(_cell_text(cell)).rstrip("*").strip() in required for cell in row):
            return number, row
        if number >= HEADER_SEARCH_ROWS:
            return None
    return None


def parse_roster(
    content: bytes,
    filename: str,
    *,
    units: Mapping[str, Any],
    progress: ProgressFn | None = None,
) -> ParsedRoster:
    """Read and check every row. `units` maps each unit code the importer may write to its unit.

    Blank rows are skipped; any error anywhere means the caller saves nothing.
    """
    result = ParsedRoster()
    try:
        table = read_table(content, filename)
        found = _find_header(table)
    except RosterFileError as exc:
        result.errors.append(RowError(None, None, str(exc)))
        return result
    if found is None:
        result.errors.append(
            RowError(
                None,
                None,
                _(
                    "Không tìm thấy dòng tiêu đề có cột «Họ và tên» trong %(n)s dòng đầu. "
                    "Hãy dùng tệp mẫu."
                )
                % {"n": HEADER_SEARCH_ROWS},
            )
        )
        return result
    header_row, header = found
    positions, header_errors = _match_header(header)
    if header_errors:
        result.errors.extend(header_errors)
        return result

    data: list[tuple[int, dict[str, str | Any]]] = []
    for number, raw in enumerate(table, start=header_row + 1):
        values = {key: raw[i] if i < len(raw) else None for key, i in positions.items()}
        if all(_cell_text(v) == "" for v in values.values()):
            continue
        data.append((number, values))
        if len(data) > MAX_DATA_ROWS:
            result.errors.append(
                RowError(
                    None,
                    None,
                    _("Tệp có hơn %(n)s dòng dữ liệu. Hãy chia thành nhiều tệp nhỏ hơn.")
                    % {"n": format_number(MAX_DATA_ROWS)},
                )
            )
            return result
    result.total_rows = len(data)
    if not data:
        result.errors.append(
            RowError(None, None, _("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."))
        )
        return result

    seen: dict[tuple[str, dt.date], int] = {}
    lookups = {
        "staff_category": _choice_lookup(Person.StaffCategory),
        "gender": _choice_lookup(Person.Gender),
    }
    for done, (number, values) in enumerate(data, start=1):
        row = _check_row(number, values, units, lookups, result.errors)
        if row is not None:
            first = seen.get(row.key)
            if first is not None:
                result.errors.append(
                    RowError(
                        number,
                        None,
                        _(
                            "trùng với dòng %(first)s (cùng họ tên và ngày sinh). Xóa một trong hai dòng."
                        )
                        % {"first": first},
                    )
                )
            else:
                seen[row.key] = number
                result.rows.append(row)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(data)):
            progress(done, len(data))
    return result


def _label(key: str) -> str:
    return str(next(c.label for c in COLUMNS if c.key == key))


def _check_row(
    number: int,
    values: dict[str, Any],
    units: Mapping[str, Any],
    lookups: Mapping[str, Mapping[str, str]],
    errors: list[RowError],
) -> RosterRow | None:
    before = len(errors)

    def error(key: str, message: str) -> None:
        errors.append(RowError(number, _label(key), message))

    def text(key: str) -> str:
        return _cell_text(values.get(key))

    full_name = text("full_name")
    if not full_name:
        error("full_name", _("bỏ trống. Nhập họ và tên đầy đủ."))
    elif len(full_name) > 120 or any(ch.isdigit() for ch in full_name):
        error("full_name", _("«%(v)s» không phải họ tên hợp lệ.") % {"v": full_name[:60]})

    birth_date = _date(values.get("birth_date"), required=True, key="birth_date", error=error)
    if birth_date is not None and not (dt.date(1900, 1, 1) <= birth_date <= local_today()):
        error(
            "birth_date",
            _("ngày %(d)s nằm ngoài khoảng hợp lệ.") % {"d": format_vn_date(birth_date)},
        )
        birth_date = None
    active_from = _date(values.get("active_from"), required=False, key="active_from", error=error)

    unit_code = text("unit_code")
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

    staff_category = lookups["staff_category"].get(fold(text("staff_category")))
    if not text("staff_category"):
        error(
            "staff_category",
            _("bỏ trống. Chọn một trong: %(choices)s.")
            % {"choices": _choices_text(Person.StaffCategory)},
        )
    elif staff_category is None:
        error(
            "staff_category",
            _("«%(v)s» không phải loại cán bộ. Chọn một trong: %(choices)s.")
            % {"v": text("staff_category"), "choices": _choices_text(Person.StaffCategory)},
        )

    gender = ""
    if text("gender"):
        gender = lookups["gender"].get(fold(text("gender")), "")
        if not gender:
            error(
                "gender",
                _("«%(v)s» không hợp lệ; ghi Nam hoặc Nữ, hoặc để trống.") % {"v": text("gender")},
            )

    email = text("email").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            error("email", _("«%(v)s» không phải địa chỉ thư điện tử hợp lệ.") % {"v": email})
    phone = text("phone")
    if phone and not PHONE_RE.match(phone):
        error("phone", _("«%(v)s» không phải số điện thoại hợp lệ.") % {"v": phone})

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


def _date(
    value: Any, *, required: bool, key: str, error: Callable[[str, str], None]
) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell_text(value)
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


def _choice_lookup(choices: Any) -> dict[str, str]:
    """Folded label (Vietnamese or English) or stored value → stored value."""
    lookup = {value: value for value in choices.values}
    for language in FILE_LANGUAGES:
        with translation.override(language):
            lookup.update({fold(str(label)): value for value, label in choices.choices})
    return lookup


def _choices_text(choices: Any) -> str:
    return ", ".join(str(label) for _value, label in choices.choices)


def template_xlsx() -> bytes:
    """The downloadable template: header row, one example row to delete, and a help sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(gettext_lazy("Danh sách"))
    headers = [str(c.label) + ("*" if c.required else "") for c in COLUMNS]
    sheet.append(["STT", *headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    widths = [6, 28, 10, 13, 16, 22, 22, 14, 26, 16]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "A2"
    categories = DataValidation(
        type="list",
        formula1='"' + ",".join(str(label) for _v, label in Person.StaffCategory.choices) + '"',
        allow_blank=True,
    )
    sheet.add_data_validation(categories)
    categories.add("F2:F20000")
    genders = DataValidation(type="list", formula1='"Nam,Nữ"', allow_blank=True)
    sheet.add_data_validation(genders)
    genders.add("C2:C20000")
    for column in ("D", "J"):
        for row in range(2, 202):
            sheet[f"{column}{row}"].number_format = "@"

    help_sheet = workbook.create_sheet(str(gettext_lazy("Hướng dẫn")))
    lines = [
        _("Cách điền danh sách cán bộ"),
        _("Mỗi dòng một người, bắt đầu từ dòng 2 của trang «Danh sách». Cột có dấu * là bắt buộc."),
        _("Ngày ghi theo dạng dd/mm/yyyy, ví dụ 05/09/1985."),
        _("Mã đơn vị xem trên trang Đơn vị của Lan Tỏa (ví dụ 01843-VHXH)."),
        _("Loại cán bộ chọn một trong: %(choices)s.")
        % {"choices": _choices_text(Person.StaffCategory)},
        _(
            "Nhập lại cùng một tệp không tạo người trùng: người có cùng họ tên và ngày sinh "
            "được coi là một người và chỉ được cập nhật."
        ),
        _("Nếu có dòng lỗi, không dòng nào được lưu; sửa theo thông báo rồi tải lên lại."),
    ]
    for line in lines:
        help_sheet.append([line])
    help_sheet["A1"].font = Font(bold=True, size=13)
    help_sheet.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv() -> bytes:
    headers = [str(c.label) + ("*" if c.required else "") for c in COLUMNS]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(headers)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
