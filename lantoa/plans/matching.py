"""Matching unit names as a plan writes them to the units of the ward (P2, O1.1).

"Trung Tâm Dịch vụ tổng hợp phường" → the service centre; "Các cơ sở giáo dục trực thuộc" →
every school in scope; "Ủy ban Mặt trận Tổ quốc Việt Nam phường, các tổ chức chính trị - xã hội
và các tổ dân phố" → the Front, every mass organisation and every residential group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lantoa.core.text import fold
from lantoa.org.models import Unit

K = Unit.Kind
# folded phrase → (unit kind, school level or "") meaning "every unit of that kind"
GROUP_PHRASES: list[tuple[str, str, str]] = [
    ("co so giao duc", K.SCHOOL, ""),
    ("truong hoc", K.SCHOOL, ""),
    ("cac truong mam non", K.SCHOOL, "preschool"),
    ("cac truong tieu hoc", K.SCHOOL, "primary"),
    ("cac truong thcs", K.SCHOOL, "lower_secondary"),
    ("cac truong trung hoc co so", K.SCHOOL, "lower_secondary"),
    ("cac truong", K.SCHOOL, ""),
    ("to chuc chinh tri - xa hoi", K.MASS_ORGANISATION, ""),
    ("doan the", K.MASS_ORGANISATION, ""),
    ("to dan pho", K.RESIDENTIAL_GROUP, ""),
]
ALIASES = {
    "ubmttq": "uy ban mat tran to quoc",
    "uy ban mttq": "uy ban mat tran to quoc",
    "mttq": "mat tran to quoc",
    "ubnd": "uy ban nhan dan",
    "vh-xh": "van hoa - xa hoi",
    "vhxh": "van hoa - xa hoi",
    "ttdvth": "trung tam dich vu tong hop",
    "kt-ht-dt": "kinh te, ha tang va do thi",
}
NOISE = re.compile(r"\b(viet nam|tren dia ban|truc thuoc|phuong|xa|cua|cac|ubnd phuong)\b|[.,;:]")


def _key(name: str, ward_words: str = "") -> str:
    text = fold(name)
    for short, long in ALIASES.items():
        text = re.sub(rf"\b{re.escape(short)}\b", long, text)
    if ward_words:
        text = text.replace(ward_words, " ")
    return " ".join(NOISE.sub(" ", text).split())


def match_units(name: str, units: Iterable[Unit]) -> list[Unit]:
    """The units a name stands for: one unit, every unit of a kind, or several parts joined."""
    units = list(units)
    folded = fold(name)
    for phrase, kind, level in GROUP_PHRASES:
        if phrase in folded and not _names_one_unit(folded, units):
            group = [u for u in units if u.kind == kind and (not level or u.school_level == level)]
            if group and not re.search(r",| va ", folded):
                return group
    single = _match_one(name, units)
    if single:
        return [single]
    parts = [p for p in re.split(r",\s*|\s+và\s+", name) if p.strip()]
    if len(parts) > 1:
        found: list[Unit] = []
        for part in parts:
            for unit in match_units(part, units):
                if unit not in found:
                    found.append(unit)
        return found
    return []


def _names_one_unit(folded: str, units: list[Unit]) -> bool:
    return any(_key(u.name) == _key(folded) for u in units)


def _match_one(name: str, units: list[Unit]) -> Unit | None:
    key = _key(name)
    if not key:
        return None
    exact = [
        u for u in units if _key(u.name) == key or (u.short_name and _key(u.short_name) == key)
    ]
    if len(exact) == 1:
        return exact[0]
    containing = [u for u in units if key in _key(u.name) or (_key(u.name) and _key(u.name) in key)]
    if len(containing) == 1:
        return containing[0]
    return None
