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
    for text in _rejoined([line.text for line in lines]):
        folded = fold(text)
        if folded.startswith(("cong hoa xa hoi", "doc lap", "dang cong san viet nam")) or (
            folded == "viet nam"
        ):
            continue
        if not any(ch.isalnum() for ch in text):  # the short rules under the blocks
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


def _rejoined(texts: list[str]) -> list[str]:
    """Header lines a narrow column broke: "… ngày 08 tháng 12 năm" / "2025", "ỦY BAN NHÂN DÂN
    TỈNH" / "TUYÊN QUANG"."""
    out: list[str] = []
    for text in texts:
        if out and (
            (re.search(r"\bnăm$", out[-1]) and re.fullmatch(r"\d{4}\.?", text))
            or (re.search(r"\bngày\b.*\d$", out[-1]) and re.match(r"(?:tháng|năm)\s+\d", text))
            or (
                fold(out[-1]).endswith((" tinh", " phuong", " xa", " thanh pho")) and text.isupper()
            )
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _set_issuers(issuer_lines: list[str], plan: ParsedPlan) -> None:
    """The issuing body and the body above it, from the header's capitalised lines: a line
    that opens with a body's head word ("ỦY BAN NHÂN DÂN", "SỞ", "ĐẢNG ỦY" …) starts a body, any
    other line goes on naming the one above ("PHƯỜNG AN HÒA", a name a narrow column broke)."""
    bodies: list[str] = []
    for line in issuer_lines:
        if bodies and not fold(line).startswith(BODY_HEADS):
            bodies[-1] = f"{bodies[-1]} {line}"
        else:
            bodies.append(line)
    names = [_official_case(b) for b in bodies]
    plan.issuer = names[-1]
    plan.parent_issuer = names[-2] if len(names) >= 2 else None


BODY_HEADS = ("uy ban", "ubnd", "hdnd", "hoi dong", "so ", "phong ", "truong ", "dang uy", "dang bo",
              "ban ", "trung tam", "van phong", "chi bo", "cong an", "bo ", "tinh uy", "thanh uy",
              "huyen uy", "doan ", "hoi ", "cuc ", "chi cuc", "vien ", "mat tran", "tram ",
              "benh vien", "kho bac", "bch ", "ban chi huy", "doi ")  # fmt: skip
PLACE_HEADS = tuple(place.split()[0] for place in PLACE_WORDS)  # "thanh" of "thành phố"
# the words of a body's kind after which its name begins with a capital: "Sở Giáo dục …"
NAME_AFTER = ("so", "phong", "ban", "truong", "cuc", "vien", "hoi", "doan", "trung tam",
              "van phong", "chi cuc")  # fmt: skip
SCHOOL_TYPES = ("trung hoc pho thong", "trung hoc co so", "tieu hoc", "mam non", "thpt", "thcs")


def _official_case(text: str) -> str:
    """Header capitals to the usual spelling: 'ỦY BAN NHÂN DÂN' → 'Ủy ban nhân dân',
    'PHƯỜNG BẮC KẠN' → 'phường Bắc Kạn', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' → 'Sở Giáo dục và Đào tạo',
    'TRƯỜNG TRUNG HỌC CƠ SỞ LÊ LỢI' → 'Trường Trung học cơ sở Lê Lợi'."""
    lower = nfc(text).lower()
    folded = fold(lower)
    words = lower.split()
    if folded.startswith(BODY_TYPES):  # "Ủy ban nhân dân phường An Hòa"
        folded_words = folded.split()
        at = next((i for i, w in enumerate(folded_words) if i > 2 and w in PLACE_HEADS), len(words))
        at += 2 if folded_words[at : at + 2] == ["thanh", "pho"] else 1
        head = " ".join(words[:at])
        return " ".join([head[:1].upper() + head[1:], *(_cap(w) for w in words[at:])]).strip()
    for place in PLACE_WORDS:
        if folded.startswith(place + " "):
            head_len = len(place.split())
            return " ".join(words[:head_len] + [_cap(w) for w in words[head_len:]])
    out: list[str] = []
    proper = False
    for index, word in enumerate(words):
        so_far = fold(" ".join(words[:index]))
        if so_far.endswith(tuple(f" {p}" for p in PLACE_WORDS)) or so_far.endswith(SCHOOL_TYPES):
            proper = True
        opens = index == 0 or proper or (out and (out[-1] in ("và", "-") or out[-1].endswith(",")))
        head = fold(" ".join(words[:index]))
        if head in NAME_AFTER:  # "Sở Giáo dục", "Trung tâm Y tế"
            opens = True
        out.append(_cap(word) if opens and word not in KEEP_LOWER else word)
    return " ".join(out)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _parse_date(day: str, month: str, year: str) -> dt.date | None:
    """The date, or None when there is no such day."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


KIND_WORDS = "|".join(re.escape(k) for k in LEGAL_KINDS)
# a citation list splits at ";", before "Căn cứ", and at a comma before the next document
SEGMENTS = re.compile(
    r";|(?=\bCăn cứ\b)|(?:,\s*|\s+và\s+)(?=(?:và\s+)?(?:" + KIND_WORDS + r")\b[^;,]{0,60}?\bsố\b)"
)
OPENINGS = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Để triển khai|Và)\s+", re.IGNORECASE)
TITLE_CITATION = re.compile(
    r"(?:" + KIND_WORDS + r")\s+SỐ\s+\S*\d\S*(?:\s+NGÀY\s+\d{1,2}/\d{1,2}/\d{4})?"
    r"(?:\s+CỦA\s+.+?(?=\s+VỀ\b|\s+TRÊN\b|\s+NĂM\s+\d{4}|\s+GIAI ĐOẠN\b|,|$))?",
    re.IGNORECASE,
)


def parse_preamble(paras: list[Para], plan: ParsedPlan) -> None:
    """The legal bases; the issuer from "... ban hành Kế hoạch" when the header named none."""
    text = joined_numbers(" ".join(p.text for p in paras))
    if not text:
        return
    for segment in SEGMENTS.split(text):
        basis = _legal_basis(OPENINGS.sub("", segment.strip(" ,")))
        if basis:
            plan.legal_bases.append(basis)
        elif plan.issuer is None:
            match = re.search(
                r"(Ủy ban nhân dân (?:phường|xã|tỉnh|thành phố|đặc khu) .+?) ban hành", segment
            )
            if match:
                plan.issuer = nfc(match.group(1))


def title_bases(plan: ParsedPlan) -> None:
    """A document the title names ("KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 66-NQ/TW NGÀY
    30/4/2025 CỦA BỘ CHÍNH TRỊ") is a basis too, when the preamble did not cite it already."""
    if not plan.title:
        return
    cited = {fold(b["number"]) for b in plan.legal_bases}
    title = joined_numbers(plan.title)
    match = TITLE_CITATION.search(title)  # the first: the others describe it
    basis = _legal_basis(match.group(0)) if match else None
    if basis and fold(basis["number"]) not in cited:
        if basis["issuer"] and basis["issuer"].isupper():  # "CỦA BỘ CHÍNH TRỊ"
            basis["issuer"] = _official_case(basis["issuer"])
        plan.legal_bases.append(basis)


def joined_numbers(text: str) -> str:
    """ "02- CTr/TU" (a number broken at the line's end in a PDF) → "02-CTr/TU"."""
    return re.sub(r"(\d+[-/](?:[A-ZĐ]+[-/])*)\s+(?=[A-ZĐ])", r"\1", text)


def _legal_basis(segment: str) -> dict[str, Any] | None:
    """Kind, number, date, issuer and title of one "Căn cứ ..." citation (P1)."""
    segment = nfc(segment).strip(" ,")
    # "Luật Giáo dục số 43/2019/QH14": a law is named before its number
    segment = re.sub(r"^(Luật)\s+[^;]*?\s+(số\s+\S*\d)", r"\1 \2", segment)
    match = LEGAL_RE.match(segment)
    if not match or not re.search(r"\d", match.group("number")):
        return None
    kind = next(k for k in LEGAL_KINDS if fold(k) == fold(match.group("kind")))
    date = None
    if match.group("date"):
        d, m, y = re.findall(r"\d+", match.group("date"))
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
