"""Reading a sign-in sheet (XLSX or CSV) into roster people, or into row errors (issue 4,
item 2). The same file reading and the same error wording as the roster import: every
problem names its row and column and the fix, and one bad row means nothing is saved.

A row is a person of the roster when the name matches ignoring case and diacritics; a birth
date column, when present, tells apart two people with the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lantoa.core.dates import format_vn_date, parse_vn_date
from lantoa.core.text import fold
from lantoa.org.models import Person
from lantoa.org.roster import HEADER_SEARCH_ROWS, RosterFileError, RowError, read_table

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
    header_at, name_col, birth_col = None, None, None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        folded = [fold(_text(cell)) for cell in row]
        names = [i for i, text in enumerate(folded) if text in NAME_HEADERS]
        if names:
            header_at, name_col = index, names[0]
            births = [i for i, text in enumerate(folded) if text in BIRTH_HEADERS]
            birth_col = births[0] if births else None
            break
    if header_at is None:
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
    for offset, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        cells = [_text(c) for c in row]
        name = cells[name_col] if name_col < len(cells) else ""
        if not any(cells):
            continue
        if not name:
            sheet.errors.append(
                RowError(offset, _("Họ và tên"), _("để trống; ghi họ tên người dự hoặc xóa dòng."))
            )
            continue
        matches = by_name.get(fold(name), [])
        birth_text = cells[birth_col] if birth_col is not None and birth_col < len(cells) else ""
        if birth_text:
            try:
                birth = parse_vn_date(birth_text)
            except ValueError:
                sheet.errors.append(
                    RowError(
                        offset,
                        _("Ngày sinh"),
                        _("«%(value)s» không phải ngày dạng dd/mm/yyyy (ví dụ 05/09/1985).")
                        % {"value": birth_text},
                    )
                )
                continue
            matches = [p for p in matches if p.birth_date == birth]
        if not matches:
            sheet.errors.append(
                RowError(
                    offset,
                    _("Họ và tên"),
                    _(
                        "không có «%(name)s» trong danh sách cán bộ của đơn vị tổ chức. Kiểm tra "
                        "chính tả, hoặc thêm người này vào danh sách cán bộ trước."
                    )
                    % {"name": name},
                )
            )
        elif len(matches) > 1:
            sheet.errors.append(
                RowError(
                    offset,
                    _("Họ và tên"),
                    _(
                        "có %(n)s người tên «%(name)s»; thêm cột «Ngày sinh» (dd/mm/yyyy) để "
                        "phân biệt."
                    )
                    % {"n": len(matches), "name": name},
                )
            )
        elif matches[0].pk not in seen:
            seen.add(matches[0].pk)
            sheet.people.append(matches[0])
    return sheet
