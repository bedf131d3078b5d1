"""The demo ward's people: its units, staff rosters, audiences and one account per role.

Names are drawn from a seeded generator, so every run builds the same roster; the two people
the plan names (its signer and its drafter) keep their real names.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from lantoa.accounts.models import Role, User
from lantoa.accounts.services import role_assign, user_create
from lantoa.org.models import Audience, Division, Person, Unit
from lantoa.org.services import audience_create, person_create, unit_create, unit_update

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
    """One demo login: its role, the unit it works for (by code suffix) and its name."""

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
    """The demo unit's code: the ward's own code, a ward unit's suffix, or the Sở GD&ĐT."""
    if suffix == "SGDDT":
        return f"{PROVINCE_CODE}-SGDDT"
    return WARD_CODE if not suffix else f"{WARD_CODE}-{suffix}"


def _unit(code: str, **fields: object) -> Unit:
    existing = Unit.objects.filter(code=code).first()
    return existing or unit_create(actor=None, code=code, is_demo=True, **fields)


def units_load() -> dict[str, Unit]:
    """The Sở GD&ĐT, the ward's People's Committee and its units, by code suffix ("" = the
    committee, "SGDDT" = the Sở)."""
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
    return units


def people_load(units: dict[str, Unit]) -> None:
    """Staff every unit that has nobody yet; the first person listed heads the unit (a
    residential group's leader is not its head)."""
    rng = random.Random(SEED)  # noqa: S311  (demo names, not security)
    for suffix, staff in STAFF.items():
        unit = units[suffix]
        if unit.people.exists():
            continue
        head = None
        for category, position, count in staff:
            for index in range(count):
                person = _person_create(rng, unit, suffix, category, position, index)
                head = head or person
        if head is not None and unit.kind != K.RESIDENTIAL_GROUP:
            unit_update(actor=None, unit=unit, head=head)


def _person_create(
    rng: random.Random, unit: Unit, suffix: str, category: str, position: str, index: int
) -> Person:
    """One person of a unit's roster, named by the plan or at random."""
    name, gender = NAMED.get((suffix, position, index)) or _random_name(rng)
    return person_create(
        actor=None,
        full_name=name,
        gender=gender,
        birth_date=dt.date(rng.randint(1968, 2000), rng.randint(1, 12), rng.randint(1, 28)),
        staff_category=category,
        position=position,
        unit=unit,
        phone=f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.85 else "",
        active_from=dt.date(rng.randint(2012, 2025), rng.randint(1, 12), 1),
        is_demo=True,
    )


def _random_name(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.62:  # schools employ more women than men
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}", "female"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}", "male"


def audiences_load(ward: Unit) -> None:
    """The ward's audiences that are not there yet."""
    for name, categories, size in AUDIENCES:
        if not Audience.objects.filter(unit=ward, name=name).exists():
            audience_create(
                actor=None, unit=ward, name=name, staff_categories=categories, estimated_size=size
            )


def accounts_load(units: dict[str, Unit]) -> None:
    """Create the demo accounts, or give an existing one its demo role back."""
    units = {**units, "SGDDT": Unit.objects.get(code=unit_code("SGDDT"))}
    for account in ACCOUNTS:
        unit = units[account.unit_suffix]
        user = User.objects.filter(username=account.username).first()
        if user is None:
            person = Person.objects.filter(unit=unit, full_name=account.full_name).first()
            user_create(
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
