"""From a target's words to a proposed indicator kind and parameters (issue 4, item 3).

The proposal is a starting point the coordinator confirms or edits; it reads the folded text
(no case, no diacritics) for the phrases plans of this genre use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lantoa.core.text import fold
from lantoa.indicators.params import DEFAULTS, WARD_OFFICE_KINDS, C, K, S


@dataclass(frozen=True)
class Proposal:
    kind: str
    params: dict[str, Any]


NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5}


def _at_least(text: str) -> int:
    match = re.search(r"it nhat (\d+|mot|hai|ba|bon|nam)\b", text)
    if not match:
        return 1
    word = match.group(1)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _categories(text: str, table: list[tuple[str, str]], default: list[str]) -> list[str]:
    found = [category for phrase, category in table if phrase in text]
    return list(dict.fromkeys(found)) or default


CHANNELS = [
    ("trang thong tin dien tu", C.PORTAL_ARTICLE),
    ("cong thong tin", C.PORTAL_ARTICLE),
    ("zalo", C.ZALO_MESSAGE),
    ("fanpage", C.SOCIAL_POST),
    ("mang xa hoi", C.SOCIAL_POST),
    ("truyen thanh", C.RADIO),
    ("phat thanh", C.RADIO),
]
EVENTS = [
    ("toa dam", C.SEMINAR),
    ("hoi thao", C.SEMINAR),
    ("chuyen de", C.THEMATIC_SESSION),
    ("hoi thi", C.CONTEST),
    ("cuoc thi", C.CONTEST),
]


def _coverage_groups(text: str) -> list[dict[str, list[str]]]:
    groups = []
    if "can bo, cong chuc" in text or "cong chuc phuong" in text or "cong chuc xa" in text:
        groups.append(
            {"unit_kinds": WARD_OFFICE_KINDS, "staff_categories": [S.CADRE, S.CIVIL_SERVANT]}
        )
    if "giao vien" in text or "co so giao duc" in text or "nha giao" in text:
        school_staff = [S.TEACHER] if "giao vien" in text or "nha giao" in text else []
        if "can bo quan ly" in text or "co so giao duc" in text:
            school_staff.insert(0, S.EDUCATION_MANAGER)
        groups.append({"unit_kinds": [K.SCHOOL], "staff_categories": school_staff})
    return groups or DEFAULTS["coverage"]["groups"]


def propose(text: str) -> Proposal:
    """The most likely indicator for a target's text; `manual` when nothing matches."""
    t = fold(text)
    if "pho bien" in t or "quan triet" in t:
        return Proposal(
            "coverage",
            {"groups": _coverage_groups(t), "activity_categories": [C.BRIEFING]},
        )
    if "boi duong" in t or "tap huan" in t:
        return Proposal(
            "coverage",
            {"groups": _coverage_groups(t), "activity_categories": [C.TRAINING]},
        )
    if "duy tri" in t and ("chuyen muc" in t or "chuyen trang" in t):
        categories = _categories(t, CHANNELS, [C.PORTAL_ARTICLE])
        return Proposal("continuity", {"activity_categories": categories, "min_per_month": 1})
    if ("hang nam" in t or "moi nam" in t) and "it nhat" in t:
        categories = _categories(t, EVENTS, DEFAULTS["count_per_period"]["activity_categories"])
        return Proposal(
            "count_per_period", {"activity_categories": categories, "min_count": _at_least(t)}
        )
    if ("co so giao duc" in t or "truong" in t) and ("ke hoach" in t or "xay dung" in t):
        return Proposal("unit_share", {"unit_kinds": [K.SCHOOL], "record": "child_plan"})
    if "kip thoi" in t and ("thong tin" in t or "dua tin" in t):
        categories = _categories(t, CHANNELS, DEFAULTS["timeliness"]["activity_categories"])
        return Proposal("timeliness", {"activity_categories": categories, "within_days": 7})
    return Proposal("manual", {})
