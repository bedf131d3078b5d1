"""Reading a roster file (XLSX or CSV) into checked rows, or into row/column errors (issue 2, item 5).

Pure reading and checking: nothing here touches the database except through the `units`
mapping the caller passes in. Saving is `roster_import.roster_import_apply`. The columns and
the header row are `roster_columns`; the rules of each cell are `roster_checks`.

Matching key (docs/decisions.md): a row is the same person as a roster entry in the importer's
scope when the full name (ignoring case and diacritics) and the birth date are equal.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.core.limits import DocumentTooLarge, zip_check
from lantoa.core.numbers import format_number
from lantoa.org.models import Person
from lantoa.org.roster_checks import RosterRow, check_row, choice_lookups, choices_text
from lantoa.org.roster_columns import (
    COLUMNS,
    HEADER_SEARCH_ROWS,
    RowError,
    cell_text,
    find_header,
    match_header,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_DATA_ROWS = 20_000
MAX_SHEET_ROWS = MAX_DATA_ROWS + 100  # past it the roster is refused as too long
MAX_SHEET_COLUMNS = 60
PROGRESS_EVERY = 500

ProgressFn = Callable[[int, int], None]

ROSTER_NO_HEADER = gettext_lazy(
    "Không tìm thấy dòng tiêu đề có cột «Họ và tên» trong %(n)s dòng đầu. Hãy dùng tệp mẫu."
)
ROSTER_TOO_MANY_ROWS = gettext_lazy(
    "Tệp có hơn %(n)s dòng dữ liệu. Hãy chia thành nhiều tệp nhỏ hơn."
)
ROSTER_NO_DATA_ROWS = gettext_lazy("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")


@dataclass
class ParsedRoster:
    """The checked rows, or the errors that refuse the file; `total_rows` counts non-blank rows."""

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
        zip_check(content, filename)
    except DocumentTooLarge as exc:
        raise RosterFileError(str(exc)) from exc
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
            # A sheet may declare cells as far as row 1 048 576, column XFD: read no further
            # than any roster or sign-in sheet needs (issue 12, item 4).
            for values in sheet.iter_rows(
                max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS, values_only=True
            ):
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
        found = find_header(table)
    except RosterFileError as exc:
        return _refused(result, str(exc))
    if found is None:
        return _refused(result, str(ROSTER_NO_HEADER) % {"n": HEADER_SEARCH_ROWS})
    header_row, header = found
    positions, header_errors = match_header(header)
    if header_errors:
        result.errors.extend(header_errors)
        return result
    data = _data_rows(table, header_row + 1, positions)
    if len(data) > MAX_DATA_ROWS:
        return _refused(result, str(ROSTER_TOO_MANY_ROWS) % {"n": format_number(MAX_DATA_ROWS)})
    result.total_rows = len(data)
    if not data:
        return _refused(result, str(ROSTER_NO_DATA_ROWS))
    _check_rows(data, units, result, progress)
    return result


def _refused(result: ParsedRoster, message: str) -> ParsedRoster:
    """`result` with one error about the file as a whole."""
    result.errors.append(RowError(None, None, message))
    return result


DataRow = tuple[int, dict[str, Any]]  # row number in the file, cell value by column key


def _data_rows(table: Iterator[list[Any]], first: int, positions: dict[str, int]) -> list[DataRow]:
    """The non-blank rows under the header, numbered from `first`; reading stops one row past
    MAX_DATA_ROWS, so a file that is too long is known without reading all of it."""
    data: list[DataRow] = []
    for number, raw in enumerate(table, start=first):
        values = {key: raw[i] if i < len(raw) else None for key, i in positions.items()}
        if all(cell_text(v) == "" for v in values.values()):
            continue
        data.append((number, values))
        if len(data) > MAX_DATA_ROWS:
            break
    return data


def _check_rows(
    data: list[DataRow],
    units: Mapping[str, Any],
    result: ParsedRoster,
    progress: ProgressFn | None,
) -> None:
    """Check each row into `result`; the second row of one person (same key) is an error."""
    seen: dict[tuple[str, dt.date], int] = {}
    lookups = choice_lookups()
    for done, (number, values) in enumerate(data, start=1):
        row = check_row(number, values, units, lookups, result.errors)
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


def template_xlsx() -> bytes:
    """The downloadable template: header row, one example row to delete, and a help sheet."""
    from openpyxl import Workbook

    workbook = Workbook()
    _fill_list_sheet(workbook.active)
    _fill_help_sheet(workbook.create_sheet(str(gettext_lazy("Hướng dẫn"))))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill_list_sheet(sheet: Worksheet) -> None:
    """The "Danh sách" sheet: the header row, column widths, drop-down lists, text cells."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

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
    for column in ("D", "J"):  # birth date and start date typed as text keep their dd/mm/yyyy
        for row in range(2, 202):
            sheet[f"{column}{row}"].number_format = "@"


def _fill_help_sheet(sheet: Worksheet) -> None:
    """The "Hướng dẫn" sheet: how to fill the list, one line each."""
    from openpyxl.styles import Font

    lines = [
        _("Cách điền danh sách cán bộ"),
        _("Mỗi dòng một người, bắt đầu từ dòng 2 của trang «Danh sách». Cột có dấu * là bắt buộc."),
        _("Ngày ghi theo dạng dd/mm/yyyy, ví dụ 05/09/1985."),
        _("Mã đơn vị xem trên trang Đơn vị của Lan Tỏa (ví dụ 01843-VHXH)."),
        _("Loại cán bộ chọn một trong: %(choices)s.")
        % {"choices": choices_text(Person.StaffCategory)},
        _(
            "Nhập lại cùng một tệp không tạo người trùng: người có cùng họ tên và ngày sinh "
            "được coi là một người và chỉ được cập nhật."
        ),
        _("Nếu có dòng lỗi, không dòng nào được lưu; sửa theo thông báo rồi tải lên lại."),
    ]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 110


def template_csv() -> bytes:
    """The template's header row as CSV (UTF-8 with BOM, so Excel reads the accents)."""
    headers = [str(c.label) + ("*" if c.required else "") for c in COLUMNS]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(headers)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
