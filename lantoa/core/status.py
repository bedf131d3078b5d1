"""One status component for every concept (issue 14, item 3): a label in the model's own
words, a tone that gives its colour, and an icon so colour is never the only sign. Each
domain says which tone its states take (`status_chip` on the model or row); this module only
draws them, the same way on every page."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.html import format_html
from django.utils.safestring import SafeString

from lantoa.core.icons import icon


class Tone(StrEnum):
    DONE = "done"  # finished well: green, tick
    DONE_LATE = "done-late"  # finished after the deadline: amber, tick
    AT_RISK = "at-risk"  # running, but behind what the time gone needs: amber, warning
    OPEN = "open"  # running within its time: blue, clock
    OVERDUE = "overdue"  # past the deadline, not done: red, warning
    RETURNED = "returned"  # sent back to be corrected: red, arrow back
    DRAFT = "draft"  # being written: grey, pen
    WAITING = "waiting"  # with someone else (to accept, to sign): blue, clock
    NEUTRAL = "neutral"  # nothing owed, not yet due: grey, dot


ICONS = {
    Tone.DONE: "check",
    Tone.DONE_LATE: "check",
    Tone.AT_RISK: "alert",
    Tone.OPEN: "clock",
    Tone.OVERDUE: "alert",
    Tone.RETURNED: "undo",
    Tone.DRAFT: "pen",
    Tone.WAITING: "clock",
    Tone.NEUTRAL: "dot",
}


@dataclass(frozen=True)
class Chip:
    label: str
    tone: Tone


def render_chip(chip: Chip | None) -> SafeString:
    """`<span class="lt-status lt-status-overdue">⚠ Chưa hoàn thành, quá hạn</span>`."""
    if chip is None:
        return format_html("")
    return format_html(
        '<span class="lt-status lt-status-{}" data-tone="{}">{}<span>{}</span></span>',
        chip.tone.value,
        chip.tone.value,
        icon(ICONS[chip.tone], 16),
        chip.label,
    )
