"""Build the DOCX and PDF shapes of the importer's corpus from its texts (issue 13).

    .venv/bin/python scripts/build_corpus.py [DIR]    # make corpus (DIR: tests/plan_corpus)

For each tests/plan_corpus/NN_slug.txt: a DOCX with the Nghị định 30 header as a two-column
table (issuing body and number on the left, national motto and date on the right), the body as
paragraphs (soft-wrapped lines joined), TAB-separated rows as Word tables, and "Nơi nhận" beside
the signature in a second two-column table; then a PDF of that DOCX made by LibreOffice. The
outputs are committed to tests/plan_corpus/built/, so the tests need no LibreOffice.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lantoa.core.pdf import soffice  # noqa: E402
from lantoa.demo.corpus_docx import build_docx  # noqa: E402

CORPUS = ROOT / "tests" / "plan_corpus"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    built = corpus / "built"
    built.mkdir(exist_ok=True)
    sources = sorted(corpus.glob("*.txt"))
    with tempfile.TemporaryDirectory() as profile:
        for source in sources:
            target = built / f"{source.stem}.docx"
            build_docx(source.read_text("utf-8")).save(target)
        subprocess.run(  # noqa: S603 - our own files, the system's LibreOffice
            [
                soffice() or "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(built),
                *[str(built / f"{s.stem}.docx") for s in sources],
            ],
            check=True,
            capture_output=True,
        )
    print(f"{len(sources)} plans → {built}")


if __name__ == "__main__":
    main()
