"""Uploaded evidence is checked by what it contains, not by its name (issue 3; issue 4).

`sniff` reads the first bytes (and, for Office files, the zip's table of contents) and says
what the file really is; `check_evidence` applies it and the size limit to an upload, with a
Vietnamese message naming the file. No request or model imports.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _

from lantoa.core.limits import DocumentTooLarge, zip_check

if TYPE_CHECKING:
    from lantoa.core.models import EvidenceFile

MAX_EVIDENCE_BYTES = 20 * 2**20
CONTENT_TYPES = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_KINDS = {"jpeg", "png", "webp"}


def sniff(head: bytes, whole: bytes | None = None) -> str | None:
    """The kind of file ("jpeg", "png", "webp", "pdf", "docx", "xlsx"), or None if not allowed."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            names = set(zipfile.ZipFile(io.BytesIO(whole)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


EVIDENCE_TOO_BIG = _("Tệp «%(name)s» lớn hơn %(mb)s MB. Hãy nén ảnh hoặc chia nhỏ tệp.")
EVIDENCE_TYPE = _(
    "Tệp «%(name)s» không phải ảnh (JPEG, PNG, WebP), PDF, Word (.docx) hay Excel (.xlsx), "
    "dù tên tệp thế nào. Hãy tải lên đúng loại tệp."
)


def check_evidence(upload: UploadedFile) -> str:
    """What an uploaded evidence file really is; ValidationError naming the file otherwise."""
    if (upload.size or 0) > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            str(EVIDENCE_TOO_BIG) % {"name": upload.name, "mb": MAX_EVIDENCE_BYTES // 2**20}
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = sniff(content[:16], content)
    if kind is None:
        raise ValidationError(str(EVIDENCE_TYPE) % {"name": upload.name})
    if kind in ("docx", "xlsx"):
        try:
            zip_check(content, upload.name or "")
        except DocumentTooLarge as exc:
            raise ValidationError(str(exc)) from exc
    return kind


def evidence_fields(upload: UploadedFile, kind: str, actor: object) -> dict[str, object]:
    """The fields every `EvidenceFile` row takes from its checked upload and its uploader."""
    return {
        "file": upload,
        "original_name": (upload.name or "")[:255],
        "kind": kind,
        "size": upload.size,
        "uploaded_by": actor if getattr(actor, "pk", None) else None,
    }


def evidence_response(evidence: EvidenceFile) -> FileResponse:
    """An evidence file as a download (photos open in the browser). The caller has already
    fetched `evidence` through a scoped selector."""
    return private_file(
        FileResponse(
            evidence.file.open("rb"),
            as_attachment=not evidence.is_image,
            filename=evidence.original_name,
            content_type=CONTENT_TYPES[evidence.kind],
        )
    )


# A file people uploaded or a document we generated runs nothing, even opened in the browser:
# no script, no plugin, no form, no navigation (issue 12, item 4).
R = TypeVar("R", bound=HttpResponseBase)
SANDBOX_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"


def private_file(response: R) -> R:
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response
