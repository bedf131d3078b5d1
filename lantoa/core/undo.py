""" "Hoàn tác" after a destructive action (issue 10, item 4): the view that removed something
offers the way back, and the next page shows it once beside its message."""

from __future__ import annotations

from typing import Any

UNDO_KEY = "lantoa_undo"


def offer_undo(request: Any, text: str, url: str) -> None:
    """Show `text` with a «Hoàn tác» button that POSTs to `url` on the next page."""
    request.session[UNDO_KEY] = {"text": text, "url": url}


def take_undo(request: Any) -> dict[str, str] | None:
    session = getattr(request, "session", None)
    return session.pop(UNDO_KEY, None) if session is not None else None
