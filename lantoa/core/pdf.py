"""Word to PDF through LibreOffice headless (DESIGN.md: the PDF a ward official prints is
LibreOffice's rendering of the very DOCX they can download)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

PDF_TIMEOUT_S = 120


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed, or it failed to convert."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert through LibreOffice headless; PdfUnavailable with a clear message otherwise."""
    binary = soffice()
    if binary is None:
        raise PdfUnavailable(
            _(
                "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; tải bản Word (DOCX) hoặc "
                "nhờ quản trị cài gói libreoffice-writer."
            )
        )
    with tempfile.TemporaryDirectory(prefix="lantoa-pdf-") as tmp:
        source = Path(tmp) / "baocao.docx"
        source.write_bytes(docx)
        profile = Path(tmp) / "profile"
        try:
            subprocess.run(  # noqa: S603 - fixed arguments, our own file
                [
                    binary,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    tmp,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=PDF_TIMEOUT_S,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise PdfUnavailable(_("LibreOffice không chuyển được báo cáo sang PDF.")) from exc
        target = source.with_suffix(".pdf")
        if not target.exists():
            raise PdfUnavailable(_("LibreOffice không chuyển được báo cáo sang PDF."))
        return target.read_bytes()
