"""Rows written to a spreadsheet keep text as text (issue 12, item 5: formula injection).

A unit named `=HYPERLINK(…)` or a target whose text starts with `=`, `+`, `-`, `@`, a tab or a
carriage return would otherwise become a live formula in the workbook the Sở opens in Excel.
Every XLSX row of ours goes through `row_append`, which stores such a cell as a string.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def row_append(sheet: Any, values: Iterable[Any]) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
