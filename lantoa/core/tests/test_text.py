import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from lantoa.core.text import fold, nfc


def test_fold_ignores_case_and_diacritics():
    assert fold("Nguyễn Văn An") == "nguyen van an"
    assert fold("ĐOÀN Thanh niên") == "doan thanh nien"
    assert fold("Nghị quyết số 71-NQ/TW") == "nghi quyet so 71-nq/tw"


def test_fold_treats_decomposed_and_composed_input_alike():
    composed = "Trường Tiểu học"
    decomposed = unicodedata.normalize("NFD", composed)
    assert fold(decomposed) == fold(composed) == "truong tieu hoc"


def test_nfc_collapses_white_space_and_composes():
    assert nfc("  Phòng\u00a0 Văn hóa\n- Xã hội ") == "Phòng Văn hóa - Xã hội"
    assert unicodedata.is_normalized("NFC", nfc(unicodedata.normalize("NFD", "Hội Liên hiệp")))


@given(st.text())
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


def test_fold_leaves_only_ascii_for_the_vietnamese_alphabet():
    letters = (
        "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    )
    assert (letters + letters.upper()).isascii() is False
    assert fold(letters + letters.upper()).isascii()
