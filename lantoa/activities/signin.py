"""Reading a sign-in sheet (XLSX or CSV) into roster people, or into row errors (issue 4,
item 2). The same file reading and the same error wording as the roster import: every
problem names its row and column and the fix, and one bad row means nothing is saved.

A row is a person of the roster when the name matches ignoring case and diacritics; a birth
date column, when present, tells apart two people with the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lantoa.core.dates import format_vn_date, parse_vn_date
from lantoa.core.text import fold
from lantoa.org.models import Person
from lantoa.org.roster import RosterFileError, read_table
from lantoa.org.roster_columns import HEADER_SEARCH_ROWS, RowError

NAME_HEADERS = {"ho va ten", "ho ten", "ten", "full name", "name"}
BIRTH_HEADERS = {"ngay sinh", "ngay thang nam sinh", "birth date", "date of birth"}


@dataclass
class SignInSheet:
    people: list[Person] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return format_vn_date(value)
    return str(value).strip()


def parse_sign_in(content: bytes, filename: str, roster: QuerySet[Person]) -> SignInSheet:
    """The roster people named by the sheet, or the errors that stop it from being saved."""
    sheet = SignInSheet()
    try:
        rows = list(read_table(content, filename))
    except RosterFileError as exc:
        sheet.errors.append(RowError(None, None, str(exc)))
        return sheet
    header = _find_header(rows)
    if header is None:
        sheet.errors.append(
            RowError(
                None,
                None,
                _(
                    "Không thấy cột «Họ và tên» trong %(n)s dòng đầu của tệp. Thêm dòng tiêu đề "
                    "có cột «Họ và tên» (và «Ngày sinh» nếu có người trùng tên)."
                )
                % {"n": HEADER_SEARCH_ROWS},
            )
        )
        return sheet
    by_name: dict[str, list[Person]] = {}
    for person in roster:
        by_name.setdefault(person.name_folded, []).append(person)
    seen: set[int] = set()
    for offset, row in enumerate(rows[header.row + 1 :], start=header.row + 2):
        cells = [_text(c) for c in row]
        if not any(cells):
            continue
        found = _match_row(offset, cells, header, by_name)
        if isinstance(found, RowError):
            sheet.errors.append(found)
        elif found.pk not in seen:
            seen.add(found.pk)
            sheet.people.append(found)
    return sheet


class _Header(NamedTuple):
    row: int  # index of the header row among the rows read
    name_col: int
    birth_col: int | None


def _find_header(rows: list[list[Any]]) -> _Header | None:
    """The first of the leading rows with a name column, and its birth date column if any."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        folded = [fold(_text(cell)) for cell in row]
        names = [i for i, text in enumerate(folded) if text in NAME_HEADERS]
        if names:
            births = [i for i, text in enumerate(folded) if text in BIRTH_HEADERS]
            return _Header(index, names[0], births[0] if births else None)
    return None


def _match_row(
    offset: int, cells: list[str], header: _Header, by_name: dict[str, list[Person]]
) -> Person | RowError:
    """The one roster person a non-empty row names (by name, then birth date), or its error."""
    name = cells[header.name_col] if header.name_col < len(cells) else ""
    if not name:
        return RowError(offset, _("Họ và tên"), _("để trống; ghi họ tên người dự hoặc xóa dòng."))
    matches = by_name.get(fold(name), [])
    birth_col = header.birth_col
    birth_text = cells[birth_col] if birth_col is not None and birth_col < len(cells) else ""
    if birth_text:
        try:
            birth = parse_vn_date(birth_text)
        except ValueError:
            return RowError(
                offset,
                _("Ngày sinh"),
                _("«%(value)s» không phải ngày dạng dd/mm/yyyy (ví dụ 05/09/1985).")
                % {"value": birth_text},
            )
        matches = [p for p in matches if p.birth_date == birth]
    if not matches:
        return RowError(
            offset,
            _("Họ và tên"),
            _(
                "không có «%(name)s» trong danh sách cán bộ của đơn vị tổ chức. Kiểm tra "
                "chính tả, hoặc thêm người này vào danh sách cán bộ trước."
            )
            % {"name": name},
        )
    if len(matches) > 1:
        return RowError(
            offset,
            _("Họ và tên"),
            _("có %(n)s người tên «%(name)s»; thêm cột «Ngày sinh» (dd/mm/yyyy) để phân biệt.")
            % {"n": len(matches), "name": name},
        )
    return matches[0]
