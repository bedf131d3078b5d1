"""The demo ward's reports for quarter III of 2026 (issue 5): who reported, who was returned,
who still owes it, and the ward's own report as a draft."""

from __future__ import annotations

import datetime as dt

from lantoa.accounts.models import User
from lantoa.demo.ward_roster import unit_code
from lantoa.org.models import Unit
from lantoa.reporting.models import Report, ReportingRule
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.services import report_decide, report_open, report_submit, rules_ensure

DEMO_RETURN_REASON = (
    "Mục khó khăn chưa nêu rõ số giáo viên chưa được quán triệt và lý do; đề nghị bổ sung."
)
DEMO_REPORTS = [  # unit suffix, sent at, decision, the report's sections
    (
        "TH-A",
        (2026, 9, 16, 9, 30),
        "accept",
        {
            "direction": "Nhà trường ban hành Kế hoạch số 02/KH-TH-A triển khai Nghị quyết 71; "
            "lồng ghép nội dung vào họp hội đồng sư phạm tháng 8.",
            "results": "Hoàn thành quán triệt cho cán bộ, giáo viên; duy trì chuyên mục trên "
            "trang thông tin của trường.",
            "difficulties": "Một số giáo viên hợp đồng mới chưa được dự buổi quán triệt.",
            "proposals": "Đề nghị phường cung cấp tài liệu tuyên truyền ngắn gọn cho phụ huynh.",
            "next_tasks": "Tổ chức sinh hoạt chuyên đề nhân dịp khai giảng năm học mới.",
        },
    ),
    (
        "TTDVTH",
        (2026, 9, 17, 15, 0),
        "accept",
        {
            "direction": "Xây dựng chuyên mục phát thanh hằng tuần về giáo dục.",
            "results": "Phát sóng đều đặn, đăng tin trên trang thông tin điện tử phường.",
            "difficulties": "Hệ thống loa ở tổ dân phố số 5 hỏng, chưa sửa.",
            "proposals": "Bố trí kinh phí sửa cụm loa tổ dân phố số 5.",
            "next_tasks": "Tăng thời lượng phát thanh dịp 20/11.",
        },
    ),
    (
        "MN-A",
        (2026, 9, 20, 10, 0),
        "accept",
        {
            "direction": "Phổ biến nội dung Nghị quyết trong họp chuyên môn.",
            "difficulties": "Nhà trường thiếu cán bộ phụ trách truyền thông.",
            "next_tasks": "Phối hợp ban đại diện cha mẹ trẻ tuyên truyền.",
        },
    ),
    (
        "THCS-A",
        (2026, 9, 17, 8, 0),
        "return",
        {
            "direction": "Triển khai kế hoạch đến các tổ chuyên môn.",
            "difficulties": "Còn giáo viên chưa được quán triệt.",
        },
    ),
]


def reports_load(ward: Unit) -> None:
    """Quarter III of 2026: three units reported (one late), one was returned and has not
    resubmitted, the rest owe it; the ward's own report is a draft (issue 5)."""
    rules = rules_ensure(ward)
    # the ward began reporting through Lan Tỏa with quarter III
    ReportingRule.objects.filter(owner=ward).update(applies_from=dt.date(2026, 6, 15))
    for rule in rules:
        rule.refresh_from_db()
    if Report.objects.filter(unit__path__startswith=ward.path).exists():
        return
    coordinator = User.objects.get(username="dieuphoi")
    key = ReportingPeriod.parse("2026-Q3")
    hcm = dt.timezone(dt.timedelta(hours=7))
    for suffix, sent, decision, text in DEMO_REPORTS:
        unit = Unit.objects.get(code=unit_code(suffix))
        author = User.objects.filter(role_assignments__unit=unit).first()
        report = report_open(actor=None, unit=unit, rule=rules[0], key=key)
        for name, value in text.items():
            setattr(report, name, value)
        report.save()
        report_submit(actor=author, report=report, now=dt.datetime(*sent, tzinfo=hcm))
        report_decide(
            actor=coordinator,
            report=report,
            accept=decision == "accept",
            comment="" if decision == "accept" else DEMO_RETURN_REASON,
            now=dt.datetime(*sent, tzinfo=hcm) + dt.timedelta(days=1),
        )
    ward_rule = next((r for r in rules if r.level == "ward" and r.frequency == "quarterly"), None)
    if ward_rule is not None:
        report_open(actor=None, unit=ward, rule=ward_rule, key=key)
