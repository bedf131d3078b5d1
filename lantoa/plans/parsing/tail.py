"""The end of a plan (P2, P1): the recipients under "Nơi nhận:" (electronic, paper, archive)
and the signer — authority lines ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"), title and name."""

from __future__ import annotations

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing.extract import Block, Line
from lantoa.plans.parsing.paragraphs import first_index
from lantoa.plans.parsing.parsed import ParsedPlan
from lantoa.plans.parsing.vocabulary import AUTHORITY, BULLET, strip_end

SIGNER_TITLES = ("chu tich", "pho chu tich", "truong phong", "hieu truong", "giam doc")


def parse_tail(blocks: list[Block], plan: ParsedPlan) -> None:
    """Recipients and signer, read from the lines of the body and what follows it."""
    lines = [b.text for b in blocks if isinstance(b, Line)]
    _parse_recipients(lines, plan)
    signer_at = first_index(lines, lambda t: bool(AUTHORITY.match(t)))
    if signer_at is not None:
        _parse_signer(lines, signer_at, plan)
    else:
        _parse_signer_without_authority(lines, plan)


def _parse_recipients(lines: list[str], plan: ParsedPlan) -> None:
    """The items under "Nơi nhận:", up to the signer's block: "- Gửi bản điện tử:" and
    "- Gửi bản giấy:" switch the list, "- Lưu: VT" is the archive note."""
    start = first_index(lines, lambda t: fold(t).startswith("noi nhan"))
    if start is None:
        return
    mode = "electronic"
    for text in lines[start + 1 :]:
        folded = fold(text)
        if AUTHORITY.match(text) or (text.isupper() and not BULLET.match(text)):
            break
        if folded.startswith("gui ban dien tu"):
            mode = "electronic"
            continue
        if folded.startswith("gui ban giay"):
            mode = "paper"
            continue
        item = BULLET.match(text)
        body = item.group("t") if item else text
        if fold(body).startswith("luu"):
            plan.recipients["archive"] = nfc(body)
            continue
        if item:
            plan.recipients[mode].append(strip_end(body))


def _parse_signer(lines: list[str], signer_at: int, plan: ParsedPlan) -> None:
    """Authority, title and name from the first authority line down."""
    # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the last authority line signs
    while signer_at + 1 < len(lines) and AUTHORITY.match(lines[signer_at + 1]):
        plan.signer.setdefault("on_behalf_of", nfc(lines[signer_at]))
        signer_at += 1
    plan.signer["authority"] = nfc(lines[signer_at])
    after = [
        t for t in lines[signer_at + 1 :] if not fold(t).startswith(("noi nhan", "gui ban", "luu"))
    ]
    after = [t for t in after if not BULLET.match(t)]
    if after:
        plan.signer["title"] = nfc(after[0])
        names = [t for t in after[1:] if not t.isupper()]
        if names:
            plan.signer["name"] = nfc(names[0])


def _parse_signer_without_authority(lines: list[str], plan: ParsedPlan) -> None:
    """With no "TM."/"KT." line, the last line that is a title ("CHỦ TỊCH") and the name below."""
    titles = [t for t in lines if fold(t) in SIGNER_TITLES]
    if titles:
        at = lines.index(titles[-1])
        plan.signer["title"] = titles[-1]
        names = [t for t in lines[at + 1 :] if not t.isupper() and not BULLET.match(t)]
        if names:
            plan.signer["name"] = names[0]
