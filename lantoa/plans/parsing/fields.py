"""The "06 rõ" of one task as the genre writes them (P2, O1.1; issue 13 items 2, 6): field lines
in their many wordings ("Đơn vị chủ trì thực hiện:", "Cơ quan chủ trì:", "Chủ trì: …; phối hợp:
…"), an assignment in brackets at the end of the text ("(… chủ trì, … phối hợp; thời gian: …)"),
"Giao … chủ trì, phối hợp với … thực hiện", and a deadline written into the sentence."""

from __future__ import annotations

import re
from typing import Any

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.vocabulary import LEAD_VERBS, TASK_FIELD_RE, UNIT_HEADS, strip_end

LABELS = {"nhiem vu", "noi dung", "noi dung nhiem vu", "noi dung thuc hien", "co quan thuc hien",
          "don vi thuc hien", "to chuc thuc hien", "phan cong thuc hien"}  # fmt: skip
# A comma parts two units unless what follows goes on naming the one before ("Phòng Kinh tế,
# Hạ tầng và Đô thị", "các sở, ban, ngành", "các xã, phường"); " và " parts them only before a
# unit's head word, and never in "Văn phòng HĐND và UBND".
NAME_GOES_ON = ("Hạ tầng", "Thể thao", "Truyền hình", "Tiểu học", "THCS", "THPT", "Mầm non",
                "Xã hội", "Công nghệ", "Đô thị", "Du lịch", "Môi trường", "Gia đình",
                "Thông tin")  # fmt: skip
AND_UNIT = re.compile(r"\s+và\s+(?=(?:" + "|".join(UNIT_HEADS) + r"|các)\b)")
KEPT = "\u2063"  # an invisible separator standing in for a comma that splits nothing
# after a comma, words that go on naming the same unit: "Ủy ban nhân dân các xã, phường"
GOES_ON_LOWER = ("phường", "xã", "thị trấn", "ban,", "ban ", "ngành", "đơn vị", "đoàn thể")
BRACKET = re.compile(
    r"\s*\((?P<inner>[^()]*\b(?:chủ trì|thực hiện|thời gian|thời hạn|hoàn thành)\b[^()]*)\)\s*[.;,]?\s*$",
    re.IGNORECASE,
)
WHEN_CLAUSE = re.compile(
    r"[;,]\s*(?:thời gian|thời hạn)(?: thực hiện| hoàn thành)?\s*:\s*(?P<when>[^;:]+?)\s*[.;]?$",
    re.IGNORECASE,
)
DONE_BY = re.compile(
    r"[,;]?\s*(?:hoàn thành|xong|thực hiện)\s+(?P<when>(?:trong|trước)(?:\s+ngày)?\s+"
    r"(?:năm|tháng|quý|tuần|học kỳ|\d)[^;]{0,40}?)\s*[.;]?$",
    re.IGNORECASE,
)
REGULARLY = re.compile(
    r"[,;]?\s*thực hiện\s+(?P<when>thường xuyên|hằng năm|hằng tháng|hằng quý)\s*[.;]?$",
    re.IGNORECASE,
)


def field_name(key: str) -> str | None:
    """The task field a line's key names, by its words: "Đơn vị chủ trì tham mưu thực hiện" →
    lead_unit, "Cơ quan phối hợp" → support_units, "Thời hạn hoàn thành" → time."""
    folded = fold(key).strip(" -+*")
    if folded in LABELS:
        return "label"
    if "chu tri" in folded:
        return "lead_unit"
    if "phoi hop" in folded:
        return "support_units"
    if folded.startswith(("thoi gian", "thoi han", "tien do", "moc thoi gian")):
        return "time"
    if folded.startswith(("san pham", "ket qua")):
        return "product"
    if folded.startswith(("bo phan thuc hien", "bo phan phu trach", "nguoi phu trach",
                          "don vi thuc hien", "co quan thuc hien", "don vi phu trach")):  # fmt: skip
        return "lead_unit"
    if folded.startswith(("nguoi thuc hien", "can bo phu trach", "can bo thuc hien")):
        return "assignee"
    if folded.startswith(("tham quyen", "cap phe duyet")):
        return "authority"
    return None


def task_fields(text: str) -> dict[str, Any] | None:
    """The fields of a field line, or None when the line is not one: "Chủ trì: Phòng Kinh tế;
    phối hợp: Công an xã" → both. A label with no value ("Cơ quan thực hiện:") gives
    {"label": ""}; "Nhiệm vụ: …" gives {"label": "…"}."""
    fields: dict[str, Any] = {}
    for part in re.split(r";\s*(?=[^:;]{2,40}:)", text):
        match = TASK_FIELD_RE.match(part.strip()) or re.match(r"^(?P<k>[^:]{2,40}):\s*$", part)
        if not match:
            return None
        name = field_name(match.group("k"))
        if name is None or (name in fields and name != "label"):
            return None
        value = nfc(match.groupdict().get("v") or "")
        if name == "lead_unit" and not value:
            name = "label"
        if name == "lead_unit":
            lead, partners = lead_and_partners(value)
            fields["lead_unit"] = lead
            if partners:
                fields.setdefault("support_units", []).extend(partners)
            continue
        if name == "support_units":
            fields.setdefault("support_units", []).extend(split_units(value))
            continue
        fields[name] = strip_end(value)
    return fields or None


def lead_and_partners(value: str) -> tuple[str, list[str]]:
    """A lead field that names more than one: "Đoàn Thanh niên chủ trì, phối hợp với Liên đội",
    "Tổ Ngữ văn, Tổ Khoa học xã hội" — the first leads, the others support."""
    match = re.search(r",?\s*phối hợp với\s+", value)
    head = value[: match.start()] if match else value
    partners = value[match.end() :] if match else ""
    head = re.sub(r"\s+chủ trì\s*$", "", strip_end(head))
    units = split_units(head) or [strip_end(head)]
    return units[0], units[1:] + split_units(partners)


def split_units(text: str) -> list[str]:
    """ "Phòng Văn hóa - Xã hội; Trường THCS A" → both; "Sở Văn hóa, Thể thao và Du lịch" stays
    one unit."""
    # commas inside brackets, and in "Bưu chính, Viễn thông", name one unit
    text = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", KEPT), strip_end(nfc(text)))
    text = text.replace("Bưu chính, Viễn thông", f"Bưu chính{KEPT} Viễn thông")
    out: list[str] = []
    for chunk in re.split(r"\s*[;\n]\s*", text):
        names: list[str] = []
        for piece in (p.strip().replace(KEPT, ",") for p in chunk.split(",")):
            if not piece.strip(" ;,."):
                continue
            goes_on = piece.startswith(NAME_GOES_ON) or f"{piece} ".startswith(GOES_ON_LOWER)
            if names and goes_on:
                names[-1] = f"{names[-1]}, {piece}"
            else:
                names.append(piece)
        for name in names:
            if "Hội đồng nhân dân và" in name or "HĐND và" in name:
                out.append(strip_end(name))
            else:
                out.extend(strip_end(p) for p in AND_UNIT.split(name) if p.strip())
    return out


def inline_assignment(text: str) -> tuple[str, dict[str, Any]]:
    """The task text without its assignment, and the fields the assignment gives: a bracket at
    the end, "Giao X chủ trì, phối hợp với Y thực hiện …", a deadline closing the sentence."""
    fields: dict[str, Any] = {}
    if match := BRACKET.search(text):
        fields = _bracket_fields(match.group("inner"))
        if fields:
            text = text[: match.start()].rstrip()
    if match := WHEN_CLAUSE.search(text):
        fields["time"] = strip_end(nfc(match.group("when")))
        text = text[: match.start()].rstrip()
    if "lead_unit" not in fields and (lead := _given(text)):
        fields.update(lead)
    if "time" not in fields and (when := _when(text)):
        fields["time"] = when
    return text, fields


def _when(text: str) -> str | None:
    """A deadline closing the sentence: "…, hoàn thành trong Quý II/2026." → "Quý II/2026"."""
    if match := DONE_BY.search(text):  # the pattern itself asks for a time word or a number
        when = strip_end(nfc(match.group("when")))
        return re.sub(r"^trong\s+(?!năm\b)", "", when, flags=re.IGNORECASE)
    if match := REGULARLY.search(text):
        return strip_end(nfc(match.group("when")))
    return None


def _bracket_fields(inner: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for part in re.split(r"\s*;\s*|,\s*(?=(?:thời gian|thời hạn|phối hợp)\s*:)", inner):
        folded = fold(part)
        if (found := task_fields(part)) is not None:
            fields.update({k: v for k, v in found.items() if k != "label"})
            continue
        if match := re.search(r"^(?:giao\s+|de nghi\s+)?(?P<lead>.+?)\s+chu tri\b", folded):
            fields["lead_unit"] = strip_end(nfc(part[match.start("lead") : match.end("lead")]))
            rest = part[match.end() :].strip(" ,")
            if rest and fold(rest).endswith("phoi hop"):
                fields["support_units"] = split_units(rest[: -len(" phối hợp")])
            elif fold(rest).startswith("phoi hop voi "):
                fields["support_units"] = split_units(rest[len("phối hợp với ") :])
        elif folded.endswith("phoi hop"):
            fields["support_units"] = split_units(part[: -len(" phối hợp")])
        elif match := re.match(
            r"^(?:(?:thuc hien|hoan thanh|thoi gian|thoi han)\s*:?\s+)?(?:trong\s+)?(?P<when>.+)$",
            folded,
        ):
            if re.search(r"\d|thuong xuyen|hang (?:nam|thang|quy|tuan)|dinh ky", folded):
                fields["time"] = strip_end(part[len(part) - len(match.group("when")) :])
    return fields


VERB = re.compile(r"(?<!Dịch vụ) (?:chủ trì|" + "|".join(LEAD_VERBS) + r")\b")
# A unit as the sentence's subject: "Phòng Văn hóa - Xã hội chủ trì …", "Công an xã phối hợp …".
# A one-word head must be followed by a capital ("Tổ Ngữ văn", not "Tổ chức"; "Ban Tuyên giáo",
# not "Ban hành"); "Báo", "Tổng", "Các" never open one ("Báo cáo", "Tổng hợp").
SUBJECT_HEADS = ("Trung tâm", "Văn phòng", "Công an", "Ủy ban", "UBND", "Bệnh viện", "Ban Chỉ huy",
                 "Đảng ủy", "Chi bộ", "Bộ phận")  # fmt: skip
ONE_WORD_HEADS = ("Sở", "Phòng", "Trường", "Trạm", "Tổ", "Ban", "Hội", "Đoàn")


def _subject(head: str) -> str | None:
    """The unit `head` names, if it is one (the words before the sentence's verb)."""
    words = head.split()
    if len(words) < 2 or any(ch in head for ch in ",;:()") or len(head) > 90:
        return None
    if head.startswith(SUBJECT_HEADS) or (words[0] in ONE_WORD_HEADS and words[1][:1].isupper()):
        return nfc(head)
    return None


def verb_at(text: str) -> int | None:
    """Where the unit named at the start of `text` ends: at its first verb ("tham mưu", "chủ
    trì" …; "tổng hợp" of "Trung tâm Dịch vụ tổng hợp" is a name, not a verb)."""
    match = VERB.search(text)
    return match.start() if match else None


def _given(text: str) -> dict[str, Any] | None:
    """ "Giao Trung tâm Dịch vụ tổng hợp phường tham mưu …" or "Phòng Văn hóa - Xã hội chủ trì,
    phối hợp với Công an xã …": the unit before the verb leads, those "phối hợp với" support."""
    given = re.match(r"^Giao\s+(?P<rest>.+)$", text)
    named = given.group("rest") if given else text
    at = verb_at(named)
    if at is None:
        return None
    lead = nfc(named[:at]) if given else _subject(named[:at])
    if not lead:
        return None
    fields: dict[str, Any] = {"lead_unit": lead}
    if who := partners_named(named):
        fields["support_units"] = who
    return fields


PARTNERS = re.compile(
    r"phối hợp(?: chặt chẽ)? với\s+(?P<who>.+?)(?=\s+(?:"
    + "|".join((*LEAD_VERBS, "tuyên truyền", "trong", "để", "nắm", "vận động", "kiểm tra"))
    + r")\b|[;.(]|$)"
)


def partners_named(text: str) -> list[str]:
    """ "… chủ trì, phối hợp với Công an xã, Ban Công tác Mặt trận các xóm nắm chắc …" → the two
    partners."""
    match = PARTNERS.search(text)
    return split_units(match.group("who")) if match else []
