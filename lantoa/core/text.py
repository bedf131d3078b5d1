"""Vietnamese text helpers: NFC storage and the folding that search relies on.

Search ignores case and diacritics, and `đ` folds to `d`, so "nguyen van an" finds
"Nguyễn Văn An" and "nghi quyet 71" finds "Nghị quyết số 71-NQ/TW" (DESIGN.md).
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC with runs of white space collapsed and the ends trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Lower case without diacritics (`Đ`/`đ` → `d`), white space collapsed."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().lower()
