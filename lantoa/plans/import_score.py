"""How well the importer reads the genre (issue 13): the corpus in tests/plan_corpus, each plan
in three shapes (text, DOCX, PDF), compared with the answer written by hand.

Figures: header fields (title, kind, issuer, number, date and every legal basis; a basis read
that is not in the answer counts against), task recall and precision (tasks matched by their
words), among matched tasks the share whose lead unit, partners and deadline are right, and the
share of targets found with the number they name.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lantoa.core.text import fold, nfc
from lantoa.plans.parsing import parse_document

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "plan_corpus"
SHAPES = ("txt", "docx", "pdf")
HEADER_FIELDS = ("title", "document_kind", "issuer", "number", "date")
MATCH_AT = 0.6  # share of the answer's words a task read must hold to be the same task


@dataclass
class Score:
    """Counts, summed over plans; the shares are derived."""

    header_ok: int = 0
    header_total: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    lead_ok: int = 0
    partners_ok: int = 0
    time_ok: int = 0
    targets: int = 0
    targets_ok: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("header_ok", "header_total", "expected", "found", "matched", "lead_ok",
                     "partners_ok", "time_ok", "targets", "targets_ok", "seconds"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)

    def shares(self) -> dict[str, float]:
        return {
            "header": _share(self.header_ok, self.header_total),
            "recall": _share(self.matched, self.expected),
            "precision": _share(self.matched, self.found),
            "lead": _share(self.lead_ok, self.matched),
            "partners": _share(self.partners_ok, self.matched),
            "deadline": _share(self.time_ok, self.matched),
            "targets": _share(self.targets_ok, self.targets),
        }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def norm(value: Any) -> str:
    """Compare as a reader would: case, diacritics' encoding, spacing and end marks aside."""
    return fold(nfc(str(value or ""))).strip(" ;.,:")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def _overlap(answer: str, read: str) -> float:
    want, got = _words(answer), _words(read)
    if not want or not got:
        return 0.0
    return len(want & got) / max(len(want), len(got))


def flat_tasks(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [task for group in data["task_groups"] for task in group["tasks"]]


def score_plan(data: dict[str, Any], answer: dict[str, Any], name: str) -> Score:
    """One plan read, against its answer."""
    score = Score()
    for key in HEADER_FIELDS:
        score.header_total += 1
        if norm(data.get(key)) == norm(answer.get(key)):
            score.header_ok += 1
        else:
            score.misses.append(f"{name}: {key} {data.get(key)!r} ≠ {answer.get(key)!r}")
    _score_bases(data["legal_bases"], answer["legal_bases"], score, name)
    _score_tasks(flat_tasks(data), answer["tasks"], score, name)
    _score_targets(data, answer.get("targets", []), score, name)
    return score


def _score_targets(data: dict[str, Any], answer: list[dict], score: Score, name: str) -> None:
    """Each target of the answer found (by its words) with the number it names."""
    read = [t for phase in data["phases"] for t in phase["targets"]]
    for want in answer:
        score.targets += 1
        best = max(read, key=lambda t: _overlap(want["text"], t["text"]), default=None)
        if (
            best
            and _overlap(want["text"], best["text"]) >= MATCH_AT
            and (best["value"] == want["value"])
        ):
            score.targets_ok += 1
        else:
            score.misses.append(f"{name}: target {want['text'][:60]} → {best and best['value']}")


def _basis_key(basis: dict[str, Any]) -> str:
    return re.sub(r"\s+", "", fold(basis.get("number") or ""))


def _score_bases(read: list[dict], answer: list[dict], score: Score, name: str) -> None:
    wanted = {_basis_key(b): b for b in answer}
    got = {_basis_key(b): b for b in read}
    for key, basis in wanted.items():
        score.header_total += 1
        found = got.get(key)
        if (
            found
            and norm(found["kind"]) == norm(basis["kind"])
            and (found.get("date") == basis.get("date"))
        ):
            score.header_ok += 1
        else:
            score.misses.append(f"{name}: legal basis {basis['kind']} {basis['number']} → {found}")
    for key in got.keys() - wanted.keys():
        score.header_total += 1
        score.misses.append(f"{name}: legal basis read but not cited: {got[key]['number']}")


def _score_tasks(read: list[dict], answer: list[dict], score: Score, name: str) -> None:
    score.expected += len(answer)
    score.found += len(read)
    taken: set[int] = set()
    for want in answer:
        best, best_at = 0.0, -1
        for index, task in enumerate(read):
            if index not in taken and (overlap := _overlap(want["text"], task["text"])) > best:
                best, best_at = overlap, index
        if best < MATCH_AT:
            score.misses.append(f"{name}: task not found: {want['text'][:70]}")
            continue
        taken.add(best_at)
        score.matched += 1
        task = read[best_at]
        short = want["text"][:50]
        if norm(task.get("lead_unit")) == norm(want.get("lead_unit")):
            score.lead_ok += 1
        else:
            score.misses.append(f"{name}: lead of «{short}»: {task.get('lead_unit')!r}")
        if sorted(map(norm, task.get("support_units") or [])) == sorted(
            map(norm, want.get("support_units") or [])
        ):
            score.partners_ok += 1
        else:
            score.misses.append(f"{name}: partners of «{short}»: {task.get('support_units')!r}")
        if norm(task.get("time")) == norm(want.get("time")):
            score.time_ok += 1
        else:
            score.misses.append(f"{name}: time of «{short}»: {task.get('time')!r}")
    for index, task in enumerate(read):
        if index not in taken:
            score.misses.append(f"{name}: not a task: {task['text'][:70]}")


def plan_files(corpus: Path = CORPUS) -> list[tuple[str, dict[str, Any]]]:
    """(stem, answer) for every plan of the corpus."""
    return [
        (path.name.removesuffix(".expected.json"), json.loads(path.read_text("utf-8")))
        for path in sorted(corpus.glob("*.expected.json"))
    ]


def shape_path(stem: str, shape: str, corpus: Path = CORPUS) -> Path:
    return corpus / f"{stem}.txt" if shape == "txt" else corpus / "built" / f"{stem}.{shape}"


def score_corpus(shapes: Iterable[str] = SHAPES, corpus: Path = CORPUS) -> dict[str, Score]:
    """The score of each shape over the whole corpus."""
    scores: dict[str, Score] = {}
    for shape in shapes:
        total = Score()
        for stem, answer in plan_files(corpus):
            path = shape_path(stem, shape, corpus)
            started = time.perf_counter()
            data = parse_document(path.read_bytes(), path.name).as_json()
            elapsed = time.perf_counter() - started
            plan_score = score_plan(data, answer, f"{stem}.{shape}")
            plan_score.seconds = elapsed
            total.add(plan_score)
        scores[shape] = total
    return scores
