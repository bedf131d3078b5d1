"""Lines of a PDF page in reading order (P2, issue 13 item 8). A line whose words leave a wide
gap is two columns side by side — the Nghị định 30 header (issuing body | national motto),
"Nơi nhận" beside the signature — so a run of such lines is read as the left column, then the
right. Ruled tables (a task table) come out whole, as rows of cells, where they stand."""

from __future__ import annotations

from typing import Any

from lantoa.core.text import fold
from lantoa.plans.parsing.vocabulary import DOCUMENT_KINDS

COLUMN_GAP = 0.12  # of the page width: wider than any gap between words of justified text
SAME_LINE = 3.0  # points between the tops of words on one line
SPACE_SHARE = 0.15  # a gap wider than this share of the letters' height parts two words
INK_SPACE_SHARE = 0.28  # the same between the letters' ink, wider: ink leaves side bearings
RULED = 4  # drawn lines on a page from which it may hold a table


def page_blocks(page: Any) -> list[tuple[str, Any]]:
    """("line", text) and ("table", rows) items of one pdfplumber page, top to bottom."""
    tables = [t for t in page.find_tables() if len(t.rows[0].cells) > 2]
    boxes = [t.bbox for t in tables]
    words = [w for w in page.extract_words(use_text_flow=False) if not _inside(w, boxes)]
    return blocks_of(words, page.width, [(t.bbox[1], t.extract()) for t in tables])


def blocks_of(
    words: list[dict[str, Any]], width: float, tables: list[tuple[float, Any]]
) -> list[tuple[str, Any]]:
    """The page's lines (two-column runs read column by column) and its tables, top to
    bottom."""
    rows = _rows_of(words)
    header = _header_rows(rows)
    first = rows[0][0]["top"] if rows else 0.0  # the header keeps its order: left, then right
    items: list[tuple[float, str, Any]] = [
        (first, "line", text) for _top, text in _split_at(rows[:header], _right_edge(rows[:header]))
    ]
    items += [(top, "line", text) for top, text in _column_lines(rows[header:], width)]
    items += [(top, "table", rows) for top, rows in tables]
    items.sort(key=lambda item: item[0])  # stable: lines of one top keep their order
    return [(kind, value) for _top, kind, value in items]


MOTTO = ("CỘNG HÒA", "ĐẢNG CỘNG SẢN", "Độc lập")


def _header_rows(rows: list[list[dict[str, Any]]]) -> int:
    """How many rows the two-column header block takes: up to the row before the document's
    kind ("KẾ HOẠCH") when the national motto stands beside the issuing body; else none."""
    texts = [" ".join(w["text"] for w in row) for row in rows]
    motto = next((i for i, t in enumerate(texts[:12]) if any(m in t for m in MOTTO)), None)
    if motto is None:
        return 0
    kind = next((i for i, t in enumerate(texts) if i > motto and fold(t) in DOCUMENT_KINDS), None)
    return kind if kind is not None else 0


def _right_edge(rows: list[list[dict[str, Any]]]) -> float:
    """Where the motto's column begins: the left edge of "CỘNG HÒA …" / "Độc lập …"."""
    for row in rows:
        for index, word in enumerate(row):
            following = " ".join(w["text"] for w in row[index : index + 3])
            if any(following.startswith(m) for m in MOTTO):
                return float(word["x0"]) - 1
    return float("inf")


def _split_at(rows: list[list[dict[str, Any]]], edge: float) -> list[tuple[float, str]]:
    """Each row cut at `edge`: every left part first, then every right part."""
    left, right = [], []
    for row in rows:
        words_left = [w["text"] for w in row if w["x0"] < edge]
        words_right = [w["text"] for w in row if w["x0"] >= edge]
        if words_left:
            left.append((row[0]["top"], " ".join(words_left)))
        if words_right:
            right.append((row[0]["top"], " ".join(words_right)))
    return left + right


def _inside(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _rows_of(words: list[dict[str, Any]], key: str = "top") -> list[list[dict[str, Any]]]:
    """Words (or letters) by line — those whose `key` lies within SAME_LINE — left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w[key]), w["x0"])):
        if rows and abs(rows[-1][0][key] - word[key]) <= SAME_LINE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _split(row: list[dict[str, Any]], width: float) -> tuple[str, str] | None:
    """(left, right) when the row has one gap wide enough to part two columns."""
    for index in range(1, len(row)):
        if row[index]["x0"] - row[index - 1]["x1"] > width * COLUMN_GAP:
            left = " ".join(w["text"] for w in row[:index])
            right = " ".join(w["text"] for w in row[index:])
            return left, right
    return None


def _column_lines(rows: list[list[dict[str, Any]]], width: float) -> list[tuple[float, str]]:
    """Each row's text; a run of two-column rows as its left column, then its right column. A
    row with words only on the right half, inside such a run, belongs to the right column."""
    out: list[tuple[float, str]] = []
    left: list[tuple[float, str]] = []
    right: list[tuple[float, str]] = []

    def flush() -> None:
        run = left + right
        out.extend((run[0][0], text) for _top, text in run)  # one top: the order survives sorting
        left.clear()
        right.clear()

    for row in rows:
        top = row[0]["top"]
        parts = _split(row, width)
        in_run = bool(left or right)
        if parts is not None:
            left.append((top, parts[0]))
            right.append((top, parts[1]))
        elif in_run and row[0]["x0"] > width * 0.45:
            right.append((top, " ".join(w["text"] for w in row)))
        elif in_run and row[-1]["x1"] < width * 0.55 and _near(row, left + right):
            left.append((top, " ".join(w["text"] for w in row)))
        else:
            flush()
            out.append((top, " ".join(w["text"] for w in row)))
    flush()
    return out


def _near(row: list[dict[str, Any]], run: list[tuple[float, str]]) -> bool:
    return bool(run) and row[0]["top"] - max(top for top, _text in run) < 40


def pdfium_words(page: Any) -> list[dict[str, Any]]:
    """The words of a pypdfium2 page in pdfplumber's shape (x0, x1, top, bottom, text): each
    character by its box, rows by the baseline, words where the gap between letters is a
    space's. Read by position, not by the order the file draws them in: a fallback font may
    draw "Ộ" after the rest of its line, with a box of another height."""
    words: list[dict[str, Any]] = []
    for row in _rows_of(_pdfium_letters(page), key="baseline"):
        top = min(c["top"] for c in row)
        size = row[0]["bottom"] - top or 1.0
        start, spaced = len(words), False
        for char in row:
            if char["text"].isspace():
                spaced = True
                continue
            joined = len(words) > start and not spaced and not _spaced(words[-1], char, size)
            spaced = False
            if joined:
                words[-1]["text"] += char["text"]
                words[-1]["x1"] = max(words[-1]["x1"], char["x1"])
                words[-1]["ink1"] = max(words[-1]["ink1"], char["ink1"])
                words[-1]["end"] = char["end"]
            else:
                words.append({**char, "top": top})
    return words


def _pdfium_letters(page: Any) -> list[dict[str, Any]]:
    """Each letter (and each space the file draws) with its box, its ink and its baseline."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    x, y = ctypes.c_double(), ctypes.c_double()
    letters = []
    for index in range(min(count, len(text))):
        if text[index].isspace() and (
            text[index] in "\r\n" or pdfium_c.FPDFText_IsGenerated(textpage.raw, index)
        ):
            continue  # a space the file draws stays, where it stands; an inferred one goes
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        ink_left, _b, ink_right, _t = textpage.get_charbox(index)
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
        baseline = height - y.value
        letters.append({"x0": left, "x1": right, "ink0": ink_left, "ink1": ink_right,
                        "origin": x.value, "end": x.value + (right - left),
                        "top": baseline - (top - bottom) * 0.8, "bottom": baseline,
                        "baseline": baseline, "text": text[index]})  # fmt: skip
    textpage.close()
    return letters


def _spaced(word: dict[str, Any], char: dict[str, Any], size: float) -> bool:
    """A space between the word so far and the next letter: the letter starts a space's width
    after where the word's last letter advanced to (by origins, so a narrow "1" changes
    nothing), or the ink leaves a clear space (a fallback font's box may reach over it)."""
    by_origin = char["origin"] - word["end"] > size * SPACE_SHARE
    by_ink = char["ink0"] - word["ink1"] > size * INK_SPACE_SHARE
    return by_origin or by_ink
