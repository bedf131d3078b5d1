"""The few line icons the interface uses, drawn inline so they need no font or network; each
sits beside a text label and is hidden from screen readers (issue 14, items 2 and 3)."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# 24 × 24 stroked paths
PATHS = {
    "home": "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
    "tasks": "M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2",
    "activities": "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3M8 17h6",
    "reports": "M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7",
    "dashboard": "M4 20V10M10 20V4M16 20v-7M22 20H2",
    "manage": "M4 7h10M18 7h2M4 17h4M12 17h8M14 5v4M8 15v4",
    "bell": "M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4",
    "plus": "M12 5v14M5 12h14",
    "check": "M5 12l4 4 10-10",
    "clock": "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 2",
    "alert": "M12 3l10 18H2zM12 10v5M12 18v.5",
    "undo": "M9 7L4 12l5 5M4 12h11a5 5 0 0 1 0 10h-3",
    "pen": "M4 20l4-1 11-11-3-3L5 16zM14 6l3 3",
    "dot": "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
    "filter": "M3 5h18l-7 8v6l-4 2v-8z",
}


def icon(name: str, size: int = 20) -> SafeString:
    """An inline SVG icon; empty for an unknown name."""
    path = PATHS.get(name)
    if path is None:
        return mark_safe("")
    return format_html(
        '<svg class="lt-icon" width="{}" height="{}" viewBox="0 0 24 24" fill="none" '
        'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
        'aria-hidden="true" focusable="false"><path d="{}"/></svg>',
        size,
        size,
        path,
    )
