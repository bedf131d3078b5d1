"""Plan documents of our own, in layouts other than the seed's, built at test time (P2).

1. `docx_with_header_and_table`: the Nghị định 30 header block in a table, "I. MỤC ĐÍCH, YÊU CẦU",
   a task table (STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Sản phẩm), and
   Nơi nhận beside the signature in a two-column table.
2. `pdf_plan`: a commune plan for another resolution (57-NQ/TW), as a PDF.
3. `TEXT_WITH_LETTER_ITEMS`: "I. MỤC ĐÍCH, YÊU CẦU / II. NỘI DUNG / III. TỔ CHỨC THỰC HIỆN",
   "a)" items and per-task "Đơn vị chủ trì: ... / Đơn vị phối hợp: ... / Thời gian thực hiện: ..."
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

logging.getLogger("fontTools").setLevel(logging.WARNING)  # fpdf2 subsets the font verbosely

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def docx_with_header_and_table() -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=3, cols=2)
    cells = [
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("PHƯỜNG AN HÒA", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 15/KH-UBND", "An Hòa, ngày 05 tháng 3 năm 2026"),
    ]
    for row, (left, right) in zip(header.rows, cells, strict=True):
        row.cells[0].text = left
        row.cells[1].text = right
    for text in [
        "KẾ HOẠCH",
        "Tuyên truyền Ngày Nhà giáo Việt Nam 20/11 năm 2026",
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân tỉnh Hòa Bình "
        "về công tác tuyên truyền năm 2026;",
        "Căn cứ Hướng dẫn số 12/HD-SGDĐT ngày 15/01/2026 của Sở Giáo dục và Đào tạo về tuyên truyền giáo dục;",
        "Ủy ban nhân dân phường An Hòa ban hành Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Tôn vinh đội ngũ nhà giáo, cán bộ quản lý giáo dục trên địa bàn phường.",
        "- Lan tỏa các tấm gương nhà giáo tiêu biểu.",
        "2. Yêu cầu",
        "- Tổ chức thiết thực, tiết kiệm, hiệu quả.",
        "3. Chỉ tiêu",
        "- 100% trường học treo băng rôn, khẩu hiệu chào mừng.",
        "- Tổ chức ít nhất 02 buổi tọa đàm trong tháng 11.",
        "II. NỘI DUNG",
    ]:
        document.add_paragraph(text)
    tasks = document.add_table(rows=1, cols=6)
    for cell, text in zip(
        tasks.rows[0].cells,
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Sản phẩm"],
        strict=True,
    ):
        cell.text = text
    for row in [
        [
            "1",
            "Treo băng rôn, khẩu hiệu tại các trường",
            "Các trường học",
            "Phòng Văn hóa - Xã hội",
            "01/11 - 20/11/2026",
            "Băng rôn tại 100% trường",
        ],
        [
            "2",
            "Tọa đàm về vai trò nhà giáo trong đổi mới giáo dục",
            "Phòng Văn hóa - Xã hội",
            "Trung tâm Dịch vụ tổng hợp; Hội Cựu giáo chức",
            "Tháng 11/2026",
            "02 buổi tọa đàm có biên bản",
        ],
        [
            "3",
            "Đưa tin trên hệ thống truyền thanh phường",
            "Trung tâm Dịch vụ tổng hợp",
            "",
            "Từ 10/11 đến 20/11/2026",
            "Ít nhất 05 tin phát thanh",
        ],
    ]:
        cells_ = tasks.add_row().cells
        for cell, text in zip(cells_, row, strict=True):
            cell.text = text
    for text in [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Văn hóa - Xã hội",
        "- Chủ trì, theo dõi, tổng hợp kết quả, báo cáo UBND phường trước ngày 25/11/2026.",
        "2. Các trường học trên địa bàn",
        "- Triển khai các hoạt động theo Kế hoạch; báo cáo kết quả về Phòng Văn hóa - Xã hội.",
        "Trên đây là Kế hoạch tuyên truyền Ngày Nhà giáo Việt Nam 20/11 năm 2026 của Ủy ban nhân dân phường An Hòa./.",
    ]:
        document.add_paragraph(text)
    closing = document.add_table(rows=1, cols=2)
    closing.rows[0].cells[0].text = "Nơi nhận:\n- Phòng GD&ĐT;\n- Các trường học;\n- Lưu: VT, VHXH."
    closing.rows[0].cells[1].text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn Thành"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PDF_LINES = [
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN LẬP",
    "Số: 07/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Tân Lập, ngày 12 tháng 4 năm 2026",
    "KẾ HOẠCH",
    "Triển khai Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học,",
    "công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã",
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát",
    "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Ủy ban",
    "nhân dân xã Tân Lập ban hành Kế hoạch thực hiện như sau:",
    "I. MỤC TIÊU",
    "1. Mục tiêu chung",
    "- Nâng cao nhận thức của cán bộ và Nhân dân về chuyển đổi số.",
    "2. Mục tiêu cụ thể",
    "- 95% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến.",
    "- Mỗi năm tổ chức ít nhất 03 lớp tập huấn kỹ năng số cho người dân.",
    "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    "1. Tuyên truyền, nâng cao nhận thức",
    "- Giao Văn phòng HĐND và UBND xã chủ trì đăng tải tin bài về chuyển đổi số",
    "trên trang thông tin điện tử của xã.",
    "2. Phát triển hạ tầng số",
    "- Phủ sóng wifi miễn phí tại nhà văn hóa các thôn.",
    "III. KINH PHÍ",
    "- Từ nguồn ngân sách xã năm 2026.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Văn phòng HĐND và UBND xã",
    "- Tham mưu triển khai Kế hoạch; tổng hợp báo cáo định kỳ.",
    "2. Đề nghị Ủy ban MTTQ Việt Nam xã",
    "- Vận động Nhân dân tham gia các nền tảng số.",
    "Trên đây là Kế hoạch triển khai Nghị quyết số 57-NQ/TW của UBND xã Tân Lập./.",
    "Nơi nhận:",
    "- UBND tỉnh;",
    "- Các thôn;",
    "- Lưu: VT.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Lò Văn Hùng",
]


def pdf_plan(lines: list[str] | None = None, *, password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    pdf.add_page()
    for line in lines if lines is not None else PDF_LINES:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF that holds only a picture of a page, as a scanner makes it."""
    from fpdf import FPDF
    from PIL import Image

    image = Image.new("RGB", (400, 560), "white")
    for x in range(40, 360):
        for y in range(60, 64):
            image.putpixel((x, y), (0, 0, 0))
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    return bytes(pdf.output())


TEXT_WITH_LETTER_ITEMS = """\
ỦY BAN NHÂN DÂN
PHƯỜNG ĐỒNG TIẾN
Số: 21/KH-UBND
Đồng Tiến, ngày 02 tháng 02 năm 2026
KẾ HOẠCH
Truyền thông về công tác tuyển sinh năm học 2026-2027
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Cha mẹ học sinh nắm đầy đủ, kịp thời thông tin tuyển sinh.
2. Yêu cầu
- Thông tin chính xác, thống nhất giữa các trường.
II. NỘI DUNG
1. Thông tin trên hệ thống truyền thanh
a) Phát bản tin tuyển sinh trên loa truyền thanh các tổ dân phố.
Đơn vị chủ trì: Trung tâm Dịch vụ tổng hợp phường
Đơn vị phối hợp: Các tổ dân phố
Thời gian thực hiện: Tháng 6 và tháng 7/2026
Sản phẩm: 10 bản tin phát thanh
b) Đăng thông báo tuyển sinh trên trang thông tin điện tử của phường.
Đơn vị chủ trì: Phòng Văn hóa - Xã hội
Thời gian thực hiện: Trước ngày 15/6/2026
2. Tư vấn tại trường học
a) Tổ chức ngày hội tư vấn tuyển sinh cho cha mẹ học sinh lớp 5.
Đơn vị chủ trì: Các trường tiểu học
Đơn vị phối hợp: Phòng Văn hóa - Xã hội, Hội Khuyến học phường
Thời gian thực hiện: Tháng 5/2026
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội
- Hướng dẫn, đôn đốc các trường thực hiện; tổng hợp báo cáo.
2. Các trường học
- Thực hiện các nhiệm vụ được giao.
Nơi nhận:
- Sở Giáo dục và Đào tạo;
- Lưu: VT, VHXH.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đinh Thị Hòa
"""
