"""The importer reads the genre (issue 13): on the corpus of plans written for it, in each of
its three shapes, header fields ≥ 97%, task recall ≥ 95%, precision ≥ 90%, lead and deadline
≥ 95%. `make import-score` prints the same figures; tests/plan_corpus/README.md says how the
corpus and its answers are made."""

import pytest

from lantoa.plans.import_score import SHAPES, plan_files, score_corpus

THRESHOLDS = {"header": 0.97, "recall": 0.95, "precision": 0.90, "lead": 0.95, "deadline": 0.95}


def test_the_corpus_has_at_least_fifteen_plans_with_answers():
    assert len(plan_files()) >= 15


@pytest.mark.parametrize("shape", SHAPES)
def test_the_importer_reads_the_corpus_in_every_shape(shape):
    score = score_corpus([shape])[shape]
    shares = score.shares()
    below = {k: round(shares[k], 3) for k, floor in THRESHOLDS.items() if shares[k] < floor}
    assert below == {}, "\n".join(score.misses[:40])
