"""The header and preamble of a plan (P2, P1): the Nghị định 30 blocks — issuing body and the
body above it, number, place and date, kind and title — and the legal bases ("Căn cứ ...")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import Line
from lantoa.plans.parsing.parsed import Para, ParsedPlan
from lantoa.plans.parsing.vocabulary import (
    BODY_TYPES,
    DATE_LINE,
    DOCUMENT_KINDS,
    KEEP_LOWER,
    LEGAL_KINDS,
    LEGAL_RE,
    NUMBER_LINE,
    PLACE_WORDS,
    strip_end,
)


def parse_header(lines: list[Line], plan: ParsedPlan) -> None:
    """Number, place and date, kind and title; the capitalised lines above the kind name the
    issuing body."""
    issuer_lines: list[str] = []
    title_lines: list[str] = []
    seen_kind = False
    for line in lines:
        text = line.text
        folded = fold(text)
        if folded.startswith("cong hoa xa hoi") or folded.startswith("doc lap"):
            continue
        if not any(ch.isalpha() for ch in text):  # the short rules under the blocks
            continue
        if match := NUMBER_LINE.match(text):
            plan.number = match.group("n").rstrip(".,;")
            continue
        if match := DATE_LINE.match(text):
            plan.place = nfc(match.group("place"))
            plan.date = _parse_date(match.group("d"), match.group("m"), match.group("y"))
            continue
        if not seen_kind and text.isupper() and folded in DOCUMENT_KINDS:
            plan.document_kind, plan.document_kind_code = DOCUMENT_KINDS[folded]
            seen_kind = True
            continue
        if seen_kind:
            title_lines.append(text)
        elif text.isupper() or (text.upper() == text):
            issuer_lines.append(text)
    if title_lines:
        plan.title = nfc(" ".join(title_lines))
    if issuer_lines:
        _set_issuers(issuer_lines, plan)


def _set_issuers(issuer_lines: list[str], plan: ParsedPlan) -> None:
    """The issuing body and the body above it, from the header's capitalised lines."""
    names = [_official_case(t) for t in issuer_lines]
    # "ỦY BAN NHÂN DÂN / PHƯỜNG AN HÒA" is one body; a parent body above it is separate
    if len(names) >= 2 and fold(names[-1]).split()[0] in ("phuong", "xa", "tinh", "thanh"):
        plan.issuer = nfc(f"{names[-2]} {names[-1]}")
        plan.parent_issuer = names[-3] if len(names) >= 3 else None
    else:
        plan.issuer = names[-1]
        plan.parent_issuer = names[-2] if len(names) >= 2 else None


def _official_case(text: str) -> str:
    """Header capitals to the usual spelling: 'ỦY BAN NHÂN DÂN' → 'Ủy ban nhân dân',
    'PHƯỜNG BẮC KẠN' → 'phường Bắc Kạn', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' → 'Sở Giáo Dục và Đào Tạo'."""
    lower = nfc(text).lower()
    folded = fold(lower)
    if folded.startswith(BODY_TYPES):
        return lower[:1].upper() + lower[1:]
    for place in PLACE_WORDS:
        if folded.startswith(place + " "):
            head_len = len(place.split())
            words = lower.split()
            return " ".join(words[:head_len] + [w[:1].upper() + w[1:] for w in words[head_len:]])
    return " ".join(w if w in KEEP_LOWER else w[:1].upper() + w[1:] for w in lower.split())


def _parse_date(day: str, month: str, year: str) -> dt.date | None:
    """The date, or None when there is no such day."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_preamble(paras: list[Para], plan: ParsedPlan) -> None:
    """The legal bases; the issuer from "... ban hành Kế hoạch" when the header named none."""
    text = " ".join(p.text for p in paras)
    if not text:
        return
    segments = re.split(r";|(?=\bCăn cứ\b)", text)
    for segment in segments:
        basis = _legal_basis(segment)
        if basis:
            plan.legal_bases.append(basis)
        elif plan.issuer is None:
            match = re.search(
                r"(Ủy ban nhân dân (?:phường|xã|tỉnh|thành phố|đặc khu) .+?) ban hành", segment
            )
            if match:
                plan.issuer = nfc(match.group(1))


def _legal_basis(segment: str) -> dict[str, Any] | None:
    """Kind, number, date, issuer and title of one "Căn cứ ..." citation (P1)."""
    segment = nfc(segment).strip(" ,")
    match = LEGAL_RE.match(segment)
    if not match or not re.search(r"\d", match.group("number")):
        return None
    kind = next(k for k in LEGAL_KINDS if fold(k) == fold(match.group("kind")))
    date = None
    if match.group("date"):
        d, m, y = match.group("date").split("/")
        parsed = _parse_date(d, m, y)
        date = parsed.isoformat() if parsed else None
    issuer = nfc(match.group("issuer") or "") or None
    title = nfc(match.group("rest") or "") or None
    return {
        "kind": kind,
        "number": match.group("number"),
        "date": date,
        "issuer": issuer,
        "title": strip_end(title) if title else None,
    }


def issuer_from_closing(tail: list[Para], plan: ParsedPlan) -> None:
    """The issuer named by "Trên đây là Kế hoạch ... của Ủy ban nhân dân ... ./.", when the
    header and preamble named none."""
    if plan.issuer is None and tail:
        match = re.search(r"của (Ủy ban nhân dân [^./]+?)\s*\./\.", tail[0].text)
        if match:
            plan.issuer = nfc(match.group(1))
