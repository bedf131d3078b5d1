"""The words and patterns of the plan genre (P2): document kinds, item markers, header lines,
legal-basis citations, measure nouns, section names and the "06 rõ" field names of a task."""

from __future__ import annotations

import re

DOCUMENT_KINDS = {
    "ke hoach": ("Kế hoạch", "KH"),
    "bao cao": ("Báo cáo", "BC"),
    "quyet dinh": ("Quyết định", "QĐ"),
    "thong bao": ("Thông báo", "TB"),
    "to trinh": ("Tờ trình", "TTr"),
    "chuong trinh": ("Chương trình", "CTr"),
    "huong dan": ("Hướng dẫn", "HD"),
    "nghi quyet": ("Nghị quyết", "NQ"),
    "chi thi": ("Chỉ thị", "CT"),
}
# Longest first, so "Chương trình hành động" wins over "Chương trình".
LEGAL_KINDS = sorted(
    [
        "Nghị quyết",
        "Quyết định",
        "Chương trình hành động",
        "Thông tư liên tịch",
        "Nghị quyết liên tịch",
        "Quy định",
        "Chương trình",
        "Kế hoạch",
        "Chỉ thị",
        "Thông tư",
        "Nghị định",
        "Luật",
        "Công văn",
        "Hướng dẫn",
        "Thông báo",
        "Văn bản",
        "Kết luận",
        "Đề án",
    ],
    key=len,
    reverse=True,
)

# --- item markers and closing lines ------------------------------------------------------------
ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})[.)]\s+(?P<t>\S.*)$")
NUMBERED_STRICT = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?P<t>\S.*)$")
LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>\S.*)$")
BULLET = re.compile(r"^[-–—•]\s*(?P<t>\S.*)$")
SUB_BULLET = re.compile(r"^\+\s*(?P<t>\S.*)$")
AUTHORITY = re.compile(r"^(?P<a>(?:KT|TM|TL|TUQ|Q|T/M|T\.M)(?:\.\s*|\s+)[^\sa-z].+)$")

# --- header (Nghị định 30 blocks) --------------------------------------------------------------
NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<n>[^\s:]*\d[^\s]*)", re.IGNORECASE)
DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
BODY_TYPES = ("uy ban nhan dan", "hoi dong nhan dan", "uy ban mat tran to quoc")
PLACE_WORDS = ("phuong", "xa", "tinh", "thanh pho", "dac khu")
KEEP_LOWER = {"và", "về", "của", "-"}
LEGAL_RE = re.compile(
    r"^\s*(?:Căn cứ\s+)?(?P<kind>" + "|".join(re.escape(k) for k in LEGAL_KINDS) + r")"
    r"\s+(?:số\s+)?(?P<number>[\w./-]*\d[\w./-]*)"
    r"(?:,?\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}))?"
    r"(?:\s+(?:của|do)\s+(?P<issuer>.+?))?"
    r"(?:\s+(?P<rest>(?:về|ban hành|hướng dẫn|quy định|triển khai)\b.*))?\s*[.,:]?\s*$",
    re.IGNORECASE,
)

# --- targets -----------------------------------------------------------------------------------
YEAR_RANGE = re.compile(r"(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})")
PERCENT = re.compile(r"(?P<v>\d{1,3}(?:[.,]\d+)?)\s*%")
AT_LEAST = re.compile(
    r"(?:ít nhất|tối thiểu|không dưới|không ít hơn)\s+(?P<v>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<rest>.+)",
    re.IGNORECASE,
)
MEASURE_NOUNS = sorted(
    [
        "hoạt động",
        "buổi",
        "lớp",
        "tin",
        "bài",
        "tin, bài",
        "chuyên mục",
        "chuyên đề",
        "lượt",
        "cuộc",
        "hội nghị",
        "tọa đàm",
        "người",
        "đơn vị",
        "trường",
        "sản phẩm",
        "số",
        "kỳ",
        "phóng sự",
        "cuộc thi",
        "mô hình",
        "đợt",
        "doanh nghiệp",
        "hộ kinh doanh",
        "hợp tác xã",
        "đảng viên",
        "lần",
        "suất quà",
        "bài giảng",
        "diễn đàn",
        "câu lạc bộ",
    ],
    key=len,
    reverse=True,
)
YEARLY_WORDS = ("hang nam", "moi nam", "hàng năm")

# --- sections and tasks ------------------------------------------------------------------------
SECTION_KINDS = [
    ("objectives", ("muc tieu", "muc dich", "chi tieu")),
    ("tasks", ("nhiem vu", "noi dung", "giai phap")),
    ("budget", ("kinh phi",)),
    ("responsibilities", ("to chuc thuc hien",)),
]
LEAD_VERBS = (
    "tham mưu",
    "chủ trì",
    "thực hiện",
    "tổ chức",
    "phối hợp",
    "xây dựng",
    "theo dõi",
    "hướng dẫn",
    "triển khai",
    "đăng tải",
    "phụ trách",
    "làm đầu mối",
    "rà soát",
    "báo cáo",
    "tổng hợp",  # a verb except in "Trung tâm Dịch vụ tổng hợp" (fields.verb_at)
)
# The words a unit's name begins with, so "Sở Tài chính, Sở Nội vụ" splits and "Sở Văn hóa, Thể
# thao và Du lịch" does not.
UNIT_HEADS = ("Sở", "Phòng", "Ban", "Trung tâm", "Công an", "Ủy ban", "UBND", "Hội", "Đoàn",
              "Trường", "Các", "Văn phòng", "Bộ", "Đảng ủy", "Chi bộ", "Liên đoàn", "Báo", "Đài",
              "Mặt trận", "Ủy ban Mặt trận", "Tổ", "Bí thư", "Hiệu trưởng", "Phó Hiệu trưởng",
              "Giáo viên", "Cơ quan", "Đơn vị", "Bệnh viện", "Trạm", "Kho bạc", "Thuế",
              "Quân sự", "Ban Chỉ huy", "Viện", "Cục", "Chi cục", "Tỉnh đoàn", "Đảng bộ",
              "Thường trực", "Cán bộ", "Hội đồng", "UBMTTQ", "MTTQ", "Nhà", "Tổng")  # fmt: skip
TASK_FIELD_RE = re.compile(r"^(?P<k>[^:]{2,45}):\s*(?P<v>.+)$")


def strip_end(text: str) -> str:
    """The text without the trailing " ;.," that ends an item of a list."""
    return text.rstrip(" ;.,")
