"""The repository carries its own copies of the ward's plan and of its golden import, so the
suite needs nothing outside the repository; they are the files of ../shared byte for byte
(issue 11, item 6)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from conftest import GOLDEN_FILE, ROOT, SEED_FILE

# The SHA-256 of shared/seeds/000_4700b9eb58a26b19.txt and of its golden file: the copies must
# keep them, and so must ../shared when it lies beside the checkout (a change there means the
# copies are to be refreshed).
SHARED_FILES = {
    SEED_FILE: (
        "seeds/000_4700b9eb58a26b19.txt",
        "5dafbe4e2fd94e9a26aefc612e15706119b800649bed099544924ea72e5734d3",
    ),
    GOLDEN_FILE: (
        "golden/000_4700b9eb58a26b19.plan.json",
        "56d759508c6deb3d5487c0ff3afa37c581e953aaf1739a3c7a476051fa4d1bd6",
    ),
}
SHARED = Path(os.environ.get("LANTOA_SHARED_DIR", ROOT.parent / "shared"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_repository_copies_are_the_shared_files():
    for copy, (name, digest) in SHARED_FILES.items():
        assert sha256(copy) == digest, copy
        original = SHARED / name
        if original.exists():  # beside a checkout of the workplace: the same bytes there too
            assert sha256(original) == digest, original
