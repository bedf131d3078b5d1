import io

import docx
from openpyxl import Workbook

from lantoa.core.files import sniff


def test_sniff_knows_files_by_content():
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff(b"%PDF-1.7\n") == "pdf"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    assert sniff(buffer.getvalue()[:16], buffer.getvalue()) == "docx"
    buffer = io.BytesIO()
    Workbook().save(buffer)
    assert sniff(buffer.getvalue()[:16], buffer.getvalue()) == "xlsx"


def test_sniff_refuses_what_only_pretends():
    assert sniff(b"<html><script>") is None
    assert sniff(b"MZ\x90\x00") is None  # a Windows program named .pdf
    assert sniff(b"PK\x03\x04 broken", b"PK\x03\x04 broken") is None


def test_a_photo_is_kept_without_its_gps_position_and_under_the_name_of_what_it_is():
    """Issue 12, item 4: uploads kept the uploader's name and extension (a JPEG named .html)
    and photos kept their EXIF, GPS position included."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from lantoa.core.files import check_evidence, evidence_fields

    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 9.0, 0.0), 3: "E", 4: (105.0, 50.0, 0.0)}  # GPS IFD
    exif[0x010F] = "Máy ảnh của tôi"  # Make
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (10, 120, 200)).save(buffer, format="JPEG", exif=exif)
    assert b"Exif" in buffer.getvalue()

    checked = check_evidence(SimpleUploadedFile("anh-truong.html", buffer.getvalue()))
    fields = evidence_fields(checked, None)

    kept = fields["file"].read()
    assert b"Exif" not in kept
    with Image.open(io.BytesIO(kept)) as image:
        assert image.size == (8, 6) and not image.getexif()
    assert fields["original_name"] == "anh-truong.jpg"
    assert fields["file"].name.endswith(".jpg") and "anh-truong" not in fields["file"].name


def test_a_broken_image_is_refused_with_its_name():
    import pytest
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lantoa.core.files import check_evidence

    with pytest.raises(ValidationError, match="Ảnh «hong.png» bị hỏng"):
        check_evidence(SimpleUploadedFile("hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32))
