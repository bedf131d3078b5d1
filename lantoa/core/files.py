"""Uploaded evidence is checked by what it contains, not by its name (issue 3; issue 4).

`sniff` reads the first bytes (and, for Office files, the zip's table of contents) and says
what the file really is; `check_evidence` applies it and the size limit to an upload, with a
Vietnamese message naming the file. No request or model imports.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
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


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed `check_evidence`: what it is and the bytes to keep."""

    kind: str
    content: bytes
    name: str


def check_evidence(upload: UploadedFile) -> CheckedFile:
    """What an uploaded evidence file really is, with the bytes to keep (a photo re-encoded);
    ValidationError naming the file otherwise. Services check every file before saving any."""
    name = upload.name or ""
    if (upload.size or 0) > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            str(EVIDENCE_TOO_BIG) % {"name": name, "mb": MAX_EVIDENCE_BYTES // 2**20}
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = sniff(content[:16], content)
    if kind is None:
        raise ValidationError(str(EVIDENCE_TYPE) % {"name": name})
    if kind in ("docx", "xlsx"):
        try:
            zip_check(content, name)
        except DocumentTooLarge as exc:
            raise ValidationError(str(exc)) from exc
    if kind in IMAGE_KINDS:
        content = reencode_image(content, kind, name)
    return CheckedFile(kind, content, name)


def evidence_fields(checked: CheckedFile, actor: object) -> dict[str, object]:
    """The fields every `EvidenceFile` row takes from its checked upload and its uploader.
    The file is stored under a random name with the extension of what it really is, and the
    name shown keeps the uploader's words with that extension ("anh.html" holding a JPEG is
    "anh.jpg"); photos were re-encoded without their EXIF, GPS included (issue 12, item 4)."""
    extension = EXTENSIONS[checked.kind]
    stem = Path(checked.name).stem[:200] or "tep"
    return {
        "file": ContentFile(checked.content, name=f"{secrets.token_hex(12)}.{extension}"),
        "original_name": f"{stem}.{extension}",
        "kind": checked.kind,
        "size": len(checked.content),
        "uploaded_by": actor if getattr(actor, "pk", None) else None,
    }


EXTENSIONS = {
    "jpeg": "jpg",
    "png": "png",
    "webp": "webp",
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
}
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; past it Pillow refuses to decode
IMAGE_BROKEN = _(
    "Ảnh «%(name)s» bị hỏng hoặc quá lớn (hơn 40 triệu điểm ảnh) nên không đọc được. Hãy chụp "
    "hoặc lưu lại ảnh rồi tải lên."
)


def reencode_image(content: bytes, kind: str, name: str) -> bytes:
    """The photo drawn again from its pixels, upright, in its own format, without metadata:
    no EXIF, no GPS position, nothing hidden after the image."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            if kind == "jpeg" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            out = io.BytesIO()
            upright.save(out, format=kind.upper(), **({"quality": 90} if kind != "png" else {}))
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(str(IMAGE_BROKEN) % {"name": name}) from exc
    return out.getvalue()


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
