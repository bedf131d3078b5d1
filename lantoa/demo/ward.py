"""The demo of phường Bắc Kạn (issue 2, item 9): units the plan names, demo schools, a few
hundred people and one account per role. Running it again keeps what is there.

Everything here is marked `is_demo`; school names say "(dữ liệu mẫu)" because real school
names are not invented (DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from lantoa.accounts.models import Role, User
from lantoa.accounts.services import role_assign, user_create
from lantoa.activities.models import Activity, ActivityKind
from lantoa.activities.services import activity_record, attendance_add
from lantoa.core.audit import audit_record
from lantoa.core.dates import local_today
from lantoa.indicators.selectors import with_indicator
from lantoa.indicators.services import indicator_update
from lantoa.org.divisions import divisions_load
from lantoa.org.models import Audience, Division, Person, Unit
from lantoa.org.services import audience_create, person_create, unit_create, unit_update
from lantoa.plans.models import Plan, TaskOccurrence
from lantoa.plans.services import (
    ImportChoices,
    child_plan_create,
    next_plan_number,
    occurrence_complete,
    plan_import_confirm,
    plan_import_start,
    plan_issue,
    suggested_units,
    task_update,
)

DEMO_PASSWORD = "lantoa-demo-2026"  # noqa: S105  (demo accounts only, printed by make run)
WARD_CODE = "01843"
PROVINCE_CODE = "19"
SEED = 71

K = Unit.Kind
S = Person.StaffCategory

# code suffix, name, kind, school level, parent suffix ("" = the ward's People's Committee)
UNITS: list[tuple[str, str, str, str, str]] = [
    ("VHXH", "Phòng Văn hóa - Xã hội", K.CULTURE_SOCIETY_OFFICE, "", ""),
    ("KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị", K.ECONOMY_OFFICE, "", ""),
    ("TTDVTH", "Trung tâm Dịch vụ tổng hợp phường", K.SERVICE_CENTRE, "", ""),
    ("MTTQ", "Ủy ban MTTQ Việt Nam phường Bắc Kạn", K.FRONT, "", ""),
    ("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", K.MASS_ORGANISATION, "", "MTTQ"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ phường", K.MASS_ORGANISATION, "", "MTTQ"),
    ("HCCB", "Hội Cựu chiến binh phường", K.MASS_ORGANISATION, "", "MTTQ"),
    ("HND", "Hội Nông dân phường", K.MASS_ORGANISATION, "", "MTTQ"),
    ("MN-A", "Trường Mầm non A (dữ liệu mẫu)", K.SCHOOL, "preschool", ""),
    ("MN-B", "Trường Mầm non B (dữ liệu mẫu)", K.SCHOOL, "preschool", ""),
    ("TH-A", "Trường Tiểu học A (dữ liệu mẫu)", K.SCHOOL, "primary", ""),
    ("TH-B", "Trường Tiểu học B (dữ liệu mẫu)", K.SCHOOL, "primary", ""),
    ("THCS-A", "Trường THCS A (dữ liệu mẫu)", K.SCHOOL, "lower_secondary", ""),
    ("THPT-A", "Trường THPT A (dữ liệu mẫu)", K.SCHOOL, "upper_secondary", ""),
    ("GDTX", "Trung tâm GDNN-GDTX (dữ liệu mẫu)", K.SCHOOL, "continuing", ""),
] + [
    (f"TDP{n:02d}", f"Tổ dân phố số {n} (dữ liệu mẫu)", K.RESIDENTIAL_GROUP, "", "")
    for n in range(1, 7)
]

# staff per unit: (category, position, count)
STAFF: dict[str, list[tuple[str, str, int]]] = {
    "": [(S.CADRE, "Chủ tịch UBND", 1), (S.CADRE, "Phó Chủ tịch UBND", 2)],
    "VHXH": [
        (S.CIVIL_SERVANT, "Trưởng phòng", 1),
        (S.CIVIL_SERVANT, "Phó Trưởng phòng", 1),
        (S.CIVIL_SERVANT, "Chuyên viên", 4),
    ],
    "KTHTDT": [
        (S.CIVIL_SERVANT, "Trưởng phòng", 1),
        (S.CIVIL_SERVANT, "Kế toán", 2),
        (S.CIVIL_SERVANT, "Chuyên viên", 3),
    ],
    "TTDVTH": [
        (S.PUBLIC_EMPLOYEE, "Giám đốc", 1),
        (S.PUBLIC_EMPLOYEE, "Biên tập viên", 2),
        (S.PUBLIC_EMPLOYEE, "Kỹ thuật viên truyền thanh", 2),
    ],
    "MTTQ": [(S.CADRE, "Chủ tịch Ủy ban MTTQ", 1), (S.CADRE, "Phó Chủ tịch", 2)],
    "DTN": [(S.CADRE, "Bí thư Đoàn", 1), (S.MEMBER, "Ủy viên Ban Chấp hành", 2)],
    "HLHPN": [(S.CADRE, "Chủ tịch Hội", 1), (S.MEMBER, "Ủy viên Ban Chấp hành", 2)],
    "HCCB": [(S.CADRE, "Chủ tịch Hội", 1), (S.MEMBER, "Ủy viên Ban Chấp hành", 1)],
    "HND": [(S.CADRE, "Chủ tịch Hội", 1), (S.MEMBER, "Ủy viên Ban Chấp hành", 1)],
    "MN-A": [
        (S.EDUCATION_MANAGER, "Hiệu trưởng", 1),
        (S.EDUCATION_MANAGER, "Phó Hiệu trưởng", 2),
        (S.TEACHER, "Giáo viên", 16),
        (S.EMPLOYEE, "Nhân viên", 4),
    ],
    "MN-B": [
        (S.EDUCATION_MANAGER, "Hiệu trưởng", 1),
        (S.EDUCATION_MANAGER, "Phó Hiệu trưởng", 1),
        (S.TEACHER, "Giáo viên", 12),
        (S.EMPLOYEE, "Nhân viên", 3),
    ],
    "TH-A": [
        (S.EDUCATION_MANAGER, "Hiệu trưởng", 1),
        (S.EDUCATION_MANAGER, "Phó Hiệu trưởng", 2),
        (S.TEACHER, "Giáo viên", 28),
        (S.EMPLOYEE, "Nhân viên", 4),
    ],
    "TH-B": [
        (S.EDUCATION_MANAGER, "Hiệu trưởng", 1),
        (S.EDUCATION_MANAGER, "Phó Hiệu trưởng", 1),
        (S.TEACHER, "Giáo viên", 22),
        (S.EMPLOYEE, "Nhân viên", 3),
    ],
    "THCS-A": [
        (S.EDUCATION_MANAGER, "Hiệu trưởng", 1),
        (S.EDUCATION_MANAGER, "Phó Hiệu trưởng", 2),
        (S.TEACHER, "Giáo viên", 34),
        (S.EMPLOYEE, "Nhân viên", 5),
    ],
    "THPT-A": [
        (S.EDUCATION_MANAGER, "Hiệu trưởng", 1),
        (S.EDUCATION_MANAGER, "Phó Hiệu trưởng", 3),
        (S.TEACHER, "Giáo viên", 48),
        (S.EMPLOYEE, "Nhân viên", 6),
    ],
    "GDTX": [
        (S.EDUCATION_MANAGER, "Giám đốc", 1),
        (S.EDUCATION_MANAGER, "Phó Giám đốc", 1),
        (S.TEACHER, "Giáo viên", 12),
        (S.EMPLOYEE, "Nhân viên", 3),
    ],
}
STAFF.update({f"TDP{n:02d}": [(S.PART_TIME, "Tổ trưởng tổ dân phố", 1)] for n in range(1, 7)})

# People named in the plan itself keep their names (the signer; the drafter's initials "Hiennt").
NAMED = {
    ("", "Phó Chủ tịch UBND", 0): ("Phan Đình Huy", "male"),
    ("VHXH", "Chuyên viên", 0): ("Nguyễn Thị Hiền", "female"),
}

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Hà",
    "Nông",
    "Ma",
    "Lường",
    "Triệu",
    "Đặng",
    "Bế",
    "Lục",
    "Hoàng",
    "Vi",
    "Đinh",
    "Dương",
    "Vũ",
    "Bùi",
    "Lý",
]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công"]
MIDDLE_F = ["Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Phương", "Kim"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
    "Hoàng",
    "Trung",
    "Đạt",
]
GIVEN_F = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Vân",
    "Yến",
]

AUDIENCES = [
    ("Cán bộ, công chức phường", [S.CADRE, S.CIVIL_SERVANT], None),
    ("Cán bộ quản lý, giáo viên", [S.EDUCATION_MANAGER, S.TEACHER], None),
    ("Nhân viên trường học", [S.EMPLOYEE], None),
    ("Đảng viên", [], 1450),
    ("Học sinh", [], 5200),
    ("Cha mẹ học sinh", [], 7800),
    ("Nhân dân trên địa bàn", [], 36500),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    unit_suffix: str
    full_name: str

    @property
    def unit_name(self) -> str:
        return Unit.objects.get(code=unit_code(self.unit_suffix)).name


ACCOUNTS = [
    DemoAccount("dieuphoi", Role.COORDINATOR, "VHXH", "Nguyễn Thị Hiền"),
    DemoAccount("lanhdao", Role.LEADER, "", "Phan Đình Huy"),
    DemoAccount("truong_tha", Role.UNIT_OFFICER, "TH-A", "Cán bộ Trường Tiểu học A"),
    DemoAccount("truong_thcsa", Role.UNIT_OFFICER, "THCS-A", "Cán bộ Trường THCS A"),
    DemoAccount("truong_mna", Role.UNIT_OFFICER, "MN-A", "Cán bộ Trường Mầm non A"),
    DemoAccount("bientap", Role.EDITOR, "TTDVTH", "Biên tập viên TTDVTH"),
    DemoAccount("ketoan", Role.BUDGET_OFFICER, "KTHTDT", "Kế toán Phòng KT-HT-ĐT"),
    DemoAccount("so_gddt", Role.PROVINCE_VIEWER, "SGDDT", "Chuyên viên Sở GD&ĐT"),
    DemoAccount("congtacvien", Role.CONTRIBUTOR, "THCS-A", "Giáo viên cộng tác viên"),
]


def unit_code(suffix: str) -> str:
    if suffix == "SGDDT":
        return f"{PROVINCE_CODE}-SGDDT"
    return WARD_CODE if not suffix else f"{WARD_CODE}-{suffix}"


def _unit(code: str, **fields: object) -> Unit:
    existing = Unit.objects.filter(code=code).first()
    return existing or unit_create(actor=None, code=code, is_demo=True, **fields)


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    """Build the demo ward (or keep it as it is) and return the demo accounts."""
    divisions_load()
    province = Division.objects.get(code=PROVINCE_CODE)
    ward_division = Division.objects.get(code=WARD_CODE)
    _unit(
        unit_code("SGDDT"),
        name="Sở Giáo dục và Đào tạo tỉnh Thái Nguyên",
        short_name="Sở GD&ĐT",
        kind=K.PROVINCIAL_DEPARTMENT,
        division=province,
        parent=None,
    )
    ward = _unit(
        WARD_CODE,
        name="Ủy ban nhân dân phường Bắc Kạn",
        short_name="UBND phường Bắc Kạn",
        kind=K.PEOPLE_COMMITTEE,
        division=ward_division,
        parent=None,
        address="Phường Bắc Kạn, tỉnh Thái Nguyên",
    )
    units = {"": ward}
    for suffix, name, kind, level, parent in UNITS:
        units[suffix] = _unit(
            unit_code(suffix),
            name=name,
            kind=kind,
            school_level=level,
            parent=units[parent],
            division=ward_division,
        )
    rng = random.Random(SEED)  # noqa: S311  (demo names, not security)
    for suffix, staff in STAFF.items():
        unit = units[suffix]
        if unit.people.exists():
            continue
        head = None
        for category, position, count in staff:
            for index in range(count):
                name, gender = NAMED.get((suffix, position, index)) or _random_name(rng)
                person = person_create(
                    actor=None,
                    full_name=name,
                    gender=gender,
                    birth_date=dt.date(
                        rng.randint(1968, 2000), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    staff_category=category,
                    position=position,
                    unit=unit,
                    phone=f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.85 else "",
                    active_from=dt.date(rng.randint(2012, 2025), rng.randint(1, 12), 1),
                    is_demo=True,
                )
                head = head or person
        if head is not None and unit.kind != K.RESIDENTIAL_GROUP:
            unit_update(actor=None, unit=unit, head=head)
    for name, categories, size in AUDIENCES:
        if not Audience.objects.filter(unit=ward, name=name).exists():
            audience_create(
                actor=None, unit=ward, name=name, staff_categories=categories, estimated_size=size
            )
    units["SGDDT"] = Unit.objects.get(code=unit_code("SGDDT"))
    for account in ACCOUNTS:
        unit = units[account.unit_suffix]
        user = User.objects.filter(username=account.username).first()
        if user is None:
            person = Person.objects.filter(unit=unit, full_name=account.full_name).first()
            user = user_create(
                actor=None,
                username=account.username,
                password=DEMO_PASSWORD,
                role=account.role,
                unit=unit,
                full_name=account.full_name,
                email=f"{account.username}@demo.lantoa.local",
                person=person,
            )
        else:
            role_assign(actor=None, user=user, role=account.role, unit=unit)
    # the Front has no account in the demo: it receives the plan by e-mail (D1)
    Unit.objects.filter(code=unit_code("MTTQ"), email="").update(
        email="mttq.backan@demo.lantoa.local"
    )
    _demo_plan(ward)
    _demo_activities(ward)
    _demo_school_plans(ward)
    _demo_reports(ward)
    if not User.objects.filter(username="quantri").exists():
        admin = User.objects.create_superuser(
            "quantri", "quantri@demo.lantoa.local", DEMO_PASSWORD, full_name="Quản trị hệ thống"
        )
        audit_record(
            actor=None, action="user.created", obj=admin, changes={"is_superuser": [None, True]}
        )
    return ACCOUNTS


def _random_name(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.62:  # schools employ more women than men
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}", "female"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}", "male"


PLAN_OWN_TASK = "Căn cứ Kế hoạch của UBND phường, xây dựng và ban hành"


def _demo_timing(title: str) -> dict[str, object]:
    """Deadlines a coordinator would plausibly set for the seed's open-ended duties."""
    if title.startswith(PLAN_OWN_TASK):
        return {"recurrence": "once", "due": dt.date(2026, 4, 30)}
    if title.startswith("Tham mưu UBND phường ban hành Kế hoạch"):
        return {"recurrence": "once", "due": dt.date(2026, 3, 31)}
    if "giao ban" in title or title.startswith("Định kỳ báo cáo"):
        return {"recurrence": "quarterly"}
    if "sơ kết, tổng kết" in title:
        return {"recurrence": "half_yearly"}
    return {}


SEED_PLAN = Path(__file__).resolve().parent / "fixtures" / "ke-hoach-71-phuong-bac-kan.txt"
AUTHORITY_BY_KIND = {
    K.SCHOOL: "Hiệu trưởng",
    K.SERVICE_CENTRE: "Giám đốc Trung tâm Dịch vụ tổng hợp",
    K.FRONT: "Ban Thường trực Ủy ban MTTQ phường",
    K.MASS_ORGANISATION: "Ban Thường trực Ủy ban MTTQ phường",
    K.RESIDENTIAL_GROUP: "Ban Thường trực Ủy ban MTTQ phường",
}


def _demo_plan(ward: Unit) -> None:
    """The ward's plan, imported from the seed through the importer as a person would; the
    missing 06 rõ filled with plausible values; the periods of 2026 in every follow-up bucket."""
    if Plan.objects.filter(issuer=ward).exists():
        return
    record = plan_import_start(
        actor=None,
        unit=ward,
        uploaded=SimpleUploadedFile(SEED_PLAN.name, SEED_PLAN.read_bytes()),
    )
    suggestions = suggested_units(record)
    choices = ImportChoices(number="12/KH-UBND", date=dt.date(2026, 3, 16))
    choices.drop_objectives = {second for _first, second in record.parsed["duplicate_objectives"]}
    portal = "Đăng tải tin, bài"
    centre = Unit.objects.get(code=unit_code("TTDVTH"))
    for (g, t), suggestion in suggestions["tasks"].items():
        text = record.parsed["task_groups"][g]["tasks"][t]["text"]
        units = suggestion["units"] or ([centre] if text.startswith(portal) else [])
        choices.task_leads[(g, t)] = str(units[0].pk) if units else None
    vhxh = Unit.objects.get(code=unit_code("VHXH"))
    for r, suggestion in suggestions["responsibilities"].items():
        choices.responsibility_units[r] = [str(u.pk) for u in suggestion["units"]] or [str(vhxh.pk)]
    plan = plan_import_confirm(actor=None, plan_import=record, choices=choices)
    plan_issue(
        actor=None,
        plan=plan,
        override_reason="Ban hành để triển khai ngay; các đơn vị bổ sung 06 rõ trong tháng (dữ liệu mẫu).",
    )
    rng = random.Random(SEED)  # noqa: S311
    today = local_today()
    for index, task in enumerate(
        plan.tasks.filter(parent__isnull=True).select_related("lead_unit")
    ):
        lead = task.lead_unit or vhxh
        timing = _demo_timing(task.title)
        if index % 5 != 4:  # leave a few incomplete, as real plans are
            task_update(
                actor=None,
                task=task,
                **timing,
                lead_unit=lead,
                assignee=lead.head or lead.people.first(),
                authority=AUTHORITY_BY_KIND.get(lead.kind, "Chủ tịch UBND phường"),
                expected_result=task.expected_result
                or "Báo cáo kết quả kèm minh chứng (ảnh, biên bản, đường dẫn tin bài)",
            )
        task.refresh_from_db()
        if task.title.startswith(PLAN_OWN_TASK):
            continue  # done when the school issues its plan (_demo_school_plans)
        for occurrence in task.occurrences.filter(due__lt=today, due__year=today.year):
            roll = rng.random()
            if roll < 0.5:
                done_on = occurrence.due - dt.timedelta(days=rng.randint(0, 20))
            elif roll < 0.7:
                done_on = min(today, occurrence.due + dt.timedelta(days=rng.randint(3, 25)))
            else:
                continue  # still open and overdue
            occurrence_complete(
                actor=None,
                occurrence=occurrence,
                completed_on=done_on,
                result_note="Đã thực hiện theo kế hoạch (dữ liệu mẫu).",
                evidence_url="https://backan.thainguyen.gov.vn/demo/minh-chung",
            )


def _demo_activities(ward: Unit) -> None:
    """Months of the plan's activities: briefings with attendance at the ward and every school
    (about four in five managers and teachers briefed so far), monthly portal articles and radio
    bulletins, a seminar organised by two units."""
    if Activity.objects.filter(organiser__path__startswith=ward.path).exists():
        return
    rng = random.Random(SEED + 1)  # noqa: S311
    plan = Plan.objects.filter(issuer=ward).first()
    kinds = {k.category: k for k in ActivityKind.objects.filter(unit__isnull=True)}
    today = local_today()
    centre = Unit.objects.get(code=unit_code("TTDVTH"))
    vhxh = Unit.objects.get(code=unit_code("VHXH"))
    briefed_categories = {S.CADRE, S.CIVIL_SERVANT, S.EDUCATION_MANAGER, S.TEACHER}
    for unit in Unit.objects.filter(
        path__startswith=ward.path, kind__in=[K.SCHOOL, K.PEOPLE_COMMITTEE]
    ):
        organiser = vhxh if unit.kind == K.PEOPLE_COMMITTEE else unit
        people = list(
            Person.objects.filter(
                unit__path__startswith=unit.path if unit.kind == K.SCHOOL else ward.path,
                staff_category__in=briefed_categories,
            ).exclude(unit__kind=K.SCHOOL if unit.kind == K.PEOPLE_COMMITTEE else "")
        )
        if not people:
            continue
        day = dt.date(2026, rng.randint(4, 9), rng.randint(1, 28))
        activity = activity_record(
            actor=None,
            organiser=organiser,
            kind=kinds["briefing"],
            title=f"Phổ biến, quán triệt Nghị quyết số 71-NQ/TW tại {unit.name}",
            date=day,
            place="Hội trường" if unit.kind == K.PEOPLE_COMMITTEE else "Phòng họp nhà trường",
            plan=plan,
            is_demo=True,
        )
        attendees = rng.sample(people, k=round(len(people) * rng.uniform(0.7, 0.92)))
        attendance_add(actor=None, activity=activity, people=attendees)
    for month in range(3, today.month + 1 if today.year == 2026 else 13):
        for category, title, reach in (
            (
                "portal_article",
                "Tin bài về đổi mới giáo dục trên Cổng thông tin điện tử phường",
                300,
            ),
            ("radio", "Bản tin truyền thanh chuyên mục Giáo dục", 2500),
        ):
            if category == "portal_article" and month == 7:
                continue  # a month without a post, for the continuity target to notice
            day = dt.date(2026, month, rng.randint(5, 25))
            if day > today:
                continue  # what has not happened yet is not recorded
            activity_record(
                actor=None,
                organiser=centre,
                kind=kinds[category],
                title=f"{title} tháng {month}/2026",
                date=day,
                channel="Cổng thông tin điện tử"
                if category == "portal_article"
                else "Đài truyền thanh phường",
                reach=reach + rng.randint(0, 400),
                plan=plan,
                is_demo=True,
            )
    school = Unit.objects.get(code=unit_code("THCS-A"))
    activity_record(
        actor=None,
        organiser=vhxh,
        co_organisers=[school],
        kind=kinds["seminar"],
        title="Tọa đàm «Nhà giáo với đổi mới giáo dục» nhân Ngày Nhà giáo Việt Nam 20/11",
        date=dt.date(2026, 11, 18),
        place="Trường THCS A (dữ liệu mẫu)",
        guests=120,
        plan=plan,
        is_demo=True,
    )


def _demo_school_plans(ward: Unit) -> None:
    """Four of the seven schools have issued their own plan (T2 stands at 4/7), and the
    coordinator has confirmed how each target of the ward's plan computes."""
    plan = Plan.objects.filter(issuer=ward, parent__isnull=True).first()
    if plan is None or plan.children.exists():
        return
    schools = list(Unit.objects.filter(path__startswith=ward.path, kind=K.SCHOOL).order_by("code"))
    for n, school in enumerate(schools[:4], start=1):
        child = child_plan_create(actor=None, parent=plan, unit=school)
        plan_issue(
            actor=None,
            plan=child,
            number=next_plan_number(child, 2026),
            date=dt.date(2026, 4, 2 + n),
            override_reason="Nhà trường ban hành để triển khai ngay (dữ liệu mẫu).",
        )
        # issuing its plan is how the school does the ward's "build and issue your plan" task
        for period in TaskOccurrence.objects.filter(
            task__plan=child, task__title__startswith=PLAN_OWN_TASK, status="open"
        ).select_related("task"):
            occurrence_complete(
                actor=None,
                occurrence=period,
                completed_on=child.date,
                result_note=f"Đã ban hành Kế hoạch số {child.number} (dữ liệu mẫu).",
                evidence_url="https://backan.thainguyen.gov.vn/demo/ke-hoach-truong",
            )
    for target in plan.targets.select_related("indicator"):
        indicator = with_indicator(target).indicator
        indicator_update(
            actor=None, indicator=indicator, kind=indicator.kind, params=indicator.params
        )


def _demo_reports(ward: Unit) -> None:
    """Quarter III of 2026: three units reported (one late), one was returned and has not
    resubmitted, the rest owe it; the ward's own report is a draft (issue 5)."""
    from lantoa.reporting.models import Report, ReportingRule
    from lantoa.reporting.periods import ReportingPeriod
    from lantoa.reporting.services import report_decide, report_open, report_submit, rules_ensure

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


DEMO_RETURN_REASON = (
    "Mục khó khăn chưa nêu rõ số giáo viên chưa được quán triệt và lý do; đề nghị bổ sung."
)
DEMO_REPORTS = [
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
