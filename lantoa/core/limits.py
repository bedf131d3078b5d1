"""Documents people upload are read under limits (issue 12, item 4).

A DOCX or XLSX is a ZIP archive: a few kilobytes can expand to gigabytes. Before any library
opens one, `zip_check` reads only the archive's directory and refuses it when the parts would
expand past what a plan, a roster or a piece of evidence ever needs; the refusal says so in
Vietnamese and names the file. Each reader adds its own limits on what it extracts (rows,
columns, lines, pages).
"""

from __future__ import annotations

import io
import zipfile

from django.utils.translation import gettext as _

MAX_ZIP_ENTRIES = 1_000
MAX_ZIP_TOTAL = 100 * 2**20  # every part, uncompressed (photos inside a DOCX included)
MAX_XML_PART = 8 * 2**20  # any one XML part, uncompressed: ~100 pages of dense text
MAX_RATIO = 100  # uncompressed / compressed, for parts over 1 MB (text deflates ~5-10×)


class DocumentTooLarge(ValueError):
    """The archive would expand past the limits; the message is for the person uploading."""


def zip_check(content: bytes, filename: str) -> None:
    """Refuse an archive that would expand past the limits; a file that is not a ZIP at all
    passes (its reader reports that in its own words)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    too_big = DocumentTooLarge(
        _(
            "Tệp «%(name)s» khi giải nén lớn bất thường so với kích thước tệp, không giống "
            "một văn bản thông thường nên không được đọc. Hãy mở tệp bằng Word hoặc Excel, "
            "lưu lại rồi tải lên; nếu tệp thật sự lớn, hãy chia thành nhiều tệp nhỏ."
        )
        % {"name": filename}
    )
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_ZIP_TOTAL:
        raise too_big
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise too_big
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise too_big
