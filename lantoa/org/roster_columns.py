"""The columns of a roster file and how a header row maps onto them (issue 2, item 5).

A column is known by its label in Vietnamese or English (with or without the "*" the template
puts on required ones) or by a common alias ("Họ tên", "SĐT"); "STT" and "Ghi chú" are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.core.text import fold, nfc

HEADER_SEARCH_ROWS = 10
FILE_LANGUAGES = ("vi", "en")  # headers and choices are read in either language


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


@dataclass(frozen=True)
class RowError:
    """One reason the file is refused: of a cell (row and column), a row, or the whole file."""

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


def cell_text(value: Any) -> str:
    """A cell as text: empty for None, "12" (not "12.0") for a whole number, NFC."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def column_label(key: str) -> str:
    """The column's header in the current language."""
    return str(next(c.label for c in COLUMNS if c.key == key))


def find_header(rows: Iterator[list[Any]]) -> tuple[int, list[Any]] | None:
    """The header is the first of the top rows that names a required column."""
    required = set()
    for language in FILE_LANGUAGES:
        with translation.override(language):
            required |= {fold(str(c.label)) for c in COLUMNS if c.required}
    for number, row in enumerate(rows, start=1):
        if any(fold(cell_text(cell)).rstrip("*").strip() in required for cell in row):
            return number, row
        if number >= HEADER_SEARCH_ROWS:
            return None
    return None


def match_header(header: list[Any]) -> tuple[dict[str, int], list[RowError]]:
    """Column positions by key; errors for repeated, missing required and unknown columns."""
    lookup = _header_lookup()
    positions: dict[str, int] = {}
    unknown: list[str] = []
    errors: list[RowError] = []
    for index, cell in enumerate(header):
        name = cell_text(cell).rstrip("*").strip()
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
    errors += _missing_columns(positions)
    errors += _unknown_columns(unknown)
    return positions, errors


def _header_lookup() -> dict[str, str]:
    """Folded label in every file language, and each alias → column key."""
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for language in FILE_LANGUAGES:
            with translation.override(language):
                lookup[fold(str(column.label))] = column.key
        for alias in column.aliases:
            lookup[alias] = column.key
    return lookup


def _missing_columns(positions: dict[str, int]) -> list[RowError]:
    return [
        RowError(
            None,
            None,
            _("Thiếu cột «%(label)s». Hãy thêm cột này hoặc dùng tệp mẫu.")
            % {"label": column.label},
        )
        for column in COLUMNS
        if column.required and column.key not in positions
    ]


def _unknown_columns(names: list[str]) -> list[RowError]:
    return [
        RowError(
            None,
            None,
            _(
                "Cột «%(name)s» không có trong mẫu. Hãy đổi về đúng tên cột trong tệp mẫu hoặc xóa cột."
            )
            % {"name": name},
        )
        for name in names
    ]
