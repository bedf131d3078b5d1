"""Realistic volumes for benchmarks and trials, from the real division list (issue 4, item 5).

`generate(scale, seed)` builds, for each commune of the chosen scale, a People's Committee with
its offices and schools, a roster with postings (some joined or left during 2026), the ward's
plan with the seed's six targets (their indicators proposed from the words and confirmed), child
plans for most schools, and a year of activities with attendance. The same seed gives the same
data. Rows go in with bulk inserts in batches; nothing here is used by the application itself.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import connection, transaction

from lantoa.activities.models import Activity, ActivityKind, Attendance
from lantoa.core.text import fold
from lantoa.demo.synthetic_reports import department_for, reports_generate
from lantoa.indicators.models import Indicator
from lantoa.indicators.params import clean_params
from lantoa.indicators.proposals import propose
from lantoa.org.divisions import divisions_load
from lantoa.org.models import PATH_SEGMENT_WIDTH, Division, Person, Posting, Unit
from lantoa.plans.models import Phase, Plan, Target

K = Unit.Kind
S = Person.StaffCategory
BATCH = 5_000
YEAR = 2026
LAST_DAY = dt.date(YEAR, 11, 26)

TARGETS = [  # the seed plan's six targets (../shared/golden), by phase
    (
        0,
        100,
        "%",
        "100% cán bộ, công chức phường; cán bộ quản lý, giáo viên các cơ sở giáo dục "
        "trên địa bàn được phổ biến, quán triệt nội dung Nghị quyết số 71-NQ/TW.",
    ),
    (
        0,
        100,
        "%",
        "100% cơ sở giáo dục trực thuộc xây dựng nội dung truyền thông hoặc lồng ghép "
        "trong kế hoạch năm học.",
    ),
    (
        0,
        None,
        "",
        "Duy trì chuyên mục tuyên truyền về giáo dục trên Trang thông tin điện tử, "
        "Trang thông tin/Zalo OA/Fanpage (nếu có) của phường.",
    ),
    (
        0,
        1,
        "hoạt động/năm",
        "Hằng năm tổ chức ít nhất 01 hoạt động truyền thông chuyên đề hoặc "
        "tọa đàm về giáo dục và đào tạo.",
    ),
    (
        1,
        100,
        "%",
        "Phấn đấu 100% cán bộ, công chức phụ trách công tác truyền thông; cán bộ được "
        "giao nhiệm vụ truyền thông tại các cơ sở giáo dục được tham gia đào tạo, bồi dưỡng.",
    ),
    (
        1,
        None,
        "",
        "Bảo đảm các kết quả thực hiện Nghị quyết số 71-NQ/TW trên địa bàn được thông "
        "tin đầy đủ, kịp thời, chính xác qua hệ thống truyền thanh cơ sở, trang thông tin điện tử.",
    ),
]
OFFICES = [  # suffix, name, kind, staff (category, count)
    ("VHXH", "Phòng Văn hóa - Xã hội", K.CULTURE_SOCIETY_OFFICE, [(S.CIVIL_SERVANT, 6)]),
    ("KT", "Phòng Kinh tế, Hạ tầng và Đô thị", K.ECONOMY_OFFICE, [(S.CIVIL_SERVANT, 6)]),
    ("TTDVTH", "Trung tâm Dịch vụ tổng hợp", K.SERVICE_CENTRE, [(S.PUBLIC_EMPLOYEE, 5)]),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc", K.FRONT, [(S.CADRE, 3)]),
    ("DTN", "Đoàn Thanh niên", K.MASS_ORGANISATION, [(S.CADRE, 1), (S.MEMBER, 2)]),
]
SCHOOL_LEVELS = ["preschool", "primary", "lower_secondary", "upper_secondary"]
SCHOOL_STAFF = [(S.EDUCATION_MANAGER, 3), (S.TEACHER, 28), (S.EMPLOYEE, 4)]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Nông", "Ma", "Đặng", "Bế", "Triệu", "Vi"]
MIDDLE = ["Thị", "Văn", "Minh", "Thu", "Đức", "Ngọc", "Hồng", "Quang", "Thanh", "Hải"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hạnh", "Hùng", "Lan", "Mai", "Sơn", "Yến", "Tú"]


@dataclass(frozen=True)
class Scale:
    communes: int | None  # None: every commune of the country
    schools: int  # per commune
    school_activities: int  # per school in the year, besides briefings
    sessions_with_attendance: int  # per school: thematic sessions with a sign-in list


SCALES = {
    # one commune: ~15 schools, ~550 people, ~5,000 activities, ~20,000 attendance rows
    "ward": Scale(communes=1, schools=15, school_activities=300, sessions_with_attendance=42),
    # ~100 communes, ~1,500 schools, ~55,000 people, ~500,000 activities, ~2,000,000 attendance
    "province": Scale(communes=100, schools=15, school_activities=300, sessions_with_attendance=42),
    "nation": Scale(communes=None, schools=15, school_activities=300, sessions_with_attendance=42),
}


class Progress:
    """A one-line progress bar on stderr (`[#####.....] 50% 46/92 xã, phường`)."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total, self.label, self.stream, self.done = total, label, stream or sys.stderr, 0

    def step(self) -> None:
        self.done += 1
        filled = round(30 * self.done / max(1, self.total))
        percent = round(100 * self.done / max(1, self.total))
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {percent:3d}% "
            f"{self.done}/{self.total} {self.label}"
        )
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def communes_for(scale: Scale, province_code: str) -> list[Division]:
    if not Division.objects.exists():
        divisions_load()
    communes = Division.objects.filter(level=Division.Level.COMMUNE).order_by("code")
    if scale.communes is None:
        return list(communes)
    own = list(communes.filter(parent__code=province_code))
    if len(own) < scale.communes:  # a small province: top up from the next ones in code order
        own += list(communes.exclude(parent__code=province_code)[: scale.communes - len(own)])
    return own[: scale.communes]


def generate(
    scale: str,
    seed: int = 71,
    province_code: str = "19",
    stream: TextIO | None = None,
) -> dict[str, int]:
    """Build the data; returns the number of rows made of each kind."""
    settings = SCALES[scale]
    communes = communes_for(settings, province_code)
    kinds = {k.category: k for k in ActivityKind.objects.filter(unit__isnull=True)}
    counts = dict.fromkeys(("units", "people", "plans", "activities", "attendance", "reports"), 0)
    department = department_for(province_code)
    progress = Progress(len(communes), "xã, phường", stream)
    for index, commune in enumerate(communes):
        rng = random.Random(f"{seed}:{commune.code}")  # noqa: S311 (data, not secrets)
        with transaction.atomic():
            root = _commune(commune, index, settings, rng, kinds, counts)
            counts["reports"] += reports_generate(root, department, rng)
        progress.step()
    with connection.cursor() as cursor:  # fresh planner statistics after a bulk load
        cursor.execute("ANALYZE")
    return counts


def _bulk(model: Any, rows: Iterable[Any]) -> list[Any]:
    return model.objects.bulk_create(list(rows), batch_size=BATCH)


def _with_paths(units: list[Unit], parent: Unit | None) -> None:
    for unit in units:
        prefix = parent.path if parent else "/"
        unit.path = f"{prefix}{unit.pk:0{PATH_SEGMENT_WIDTH}d}/"
        unit.depth = unit.path.count("/") - 2
    Unit.objects.bulk_update(units, ["path", "depth"], batch_size=BATCH)


def _commune(
    commune: Division,
    index: int,
    scale: Scale,
    rng: random.Random,
    kinds: dict[str, ActivityKind],
    counts: dict[str, int],
) -> Unit:
    code = (
        commune.code
        if not Unit.objects.filter(code=commune.code).exists()
        else f"SYN{commune.code}"
    )
    title = commune.name[:1].lower() + commune.name[1:]  # "phường Đức Xuân": name carries type
    [root] = _bulk(
        Unit,
        [
            Unit(
                code=code,
                name=f"Ủy ban nhân dân {title}",
                name_folded=fold(f"Ủy ban nhân dân {title}"),
                kind=K.PEOPLE_COMMITTEE,
                division=commune,
            )
        ],
    )
    _with_paths([root], None)
    children = [
        Unit(
            code=f"{code}-{suffix}",
            name=f"{name} {title}",
            name_folded=fold(f"{name} {title}"),
            kind=kind,
            parent=root,
            division=commune,
        )
        for suffix, name, kind, _staff in OFFICES
    ]
    for n in range(scale.schools):
        level = SCHOOL_LEVELS[n % len(SCHOOL_LEVELS)]
        label = {
            "preschool": "Mầm non",
            "primary": "Tiểu học",
            "lower_secondary": "THCS",
            "upper_secondary": "THPT",
        }[level]
        name = f"Trường {label} số {n + 1} {commune.name}"
        established = dt.date(YEAR, 9, 5) if n == scale.schools - 1 and index % 10 == 0 else None
        children.append(
            Unit(
                code=f"{code}-S{n + 1:02d}",
                name=name,
                name_folded=fold(name),
                kind=K.SCHOOL,
                school_level=level,
                parent=root,
                division=commune,
                established_on=established,
            )
        )
    children = _bulk(Unit, children)
    _with_paths(children, root)
    counts["units"] += 1 + len(children)
    offices = {suffix: unit for (suffix, *_rest), unit in zip(OFFICES, children, strict=False)}
    schools = children[len(OFFICES) :]

    staffing = [(root, [(S.CADRE, 3)])]
    staffing += [(offices[suffix], staff) for suffix, _n, _k, staff in OFFICES]
    staffing += [(school, SCHOOL_STAFF) for school in schools]
    people: list[Person] = []
    for unit, staff in staffing:
        for category, count in staff:
            for _ in range(count):
                full_name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                roll = rng.random()
                start = (
                    dt.date(YEAR, rng.randint(2, 10), 1) if roll < 0.08 else dt.date(2015, 8, 15)
                )
                end = dt.date(YEAR, rng.randint(3, 10), 28) if 0.08 <= roll < 0.13 else None
                people.append(
                    Person(
                        full_name=full_name,
                        name_folded=fold(full_name),
                        staff_category=category,
                        unit=unit,
                        active_from=start,
                        active_to=end,
                        birth_date=dt.date(1965, 1, 1) + dt.timedelta(days=rng.randint(0, 13_000)),
                    )
                )
    people = _bulk(Person, people)
    _bulk(
        Posting,
        (
            Posting(
                person=p,
                unit_id=p.unit_id,
                staff_category=p.staff_category,
                start=p.active_from,
                end=p.active_to,
            )
            for p in people
        ),
    )
    counts["people"] += len(people)

    plan = _plan(root, schools, rng, counts)
    by_unit: dict[int, list[Person]] = {}
    for person in people:
        by_unit.setdefault(person.unit_id, []).append(person)
    _activities(root, offices, schools, by_unit, plan, scale, rng, kinds, counts)
    return root


def _plan(root: Unit, schools: list[Unit], rng: random.Random, counts: dict[str, int]) -> Plan:
    plan = Plan.objects.create(
        issuer=root,
        number=f"{rng.randint(5, 40)}/KH-UBND",
        date=dt.date(YEAR, 3, rng.randint(2, 28)),
        title="Kế hoạch thực hiện Nghị quyết số 71-NQ/TW về đột phá phát triển giáo dục và đào tạo",
        status=Plan.Status.ISSUED,
        start_year=2026,
        end_year=2035,
    )
    phases = _bulk(
        Phase,
        [
            Phase(
                plan=plan, position=0, label="Giai đoạn 2026-2030", start_year=2026, end_year=2030
            ),
            Phase(
                plan=plan, position=1, label="Giai đoạn 2030-2035", start_year=2030, end_year=2035
            ),
        ],
    )
    targets = _bulk(
        Target,
        (
            Target(
                plan=plan,
                phase=phases[phase],
                position=n,
                text=text,
                value=value,
                unit_of_measure=unit,
            )
            for n, (phase, value, unit, text) in enumerate(TARGETS)
        ),
    )
    indicators = []
    for target in targets:
        proposal = propose(target.text)
        indicators.append(
            Indicator(
                target=target,
                kind=proposal.kind,
                confirmed=True,
                params=clean_params(proposal.kind, proposal.params),
            )
        )
    _bulk(Indicator, indicators)
    children = [
        Plan(
            issuer=school,
            parent=plan,
            number=f"{n + 1:02d}/KH-TH",
            status=Plan.Status.ISSUED,
            date=dt.date(YEAR, rng.randint(4, 10), rng.randint(1, 28)),
            title=f"Kế hoạch tại {school.name}",
            start_year=2026,
            end_year=2035,
        )
        for n, school in enumerate(schools)
        if rng.random() < 0.6
    ]
    _bulk(Plan, children)
    counts["plans"] += 1 + len(children)
    return plan


def _activities(
    root: Unit,
    offices: dict[str, Unit],
    schools: list[Unit],
    by_unit: dict[int, list[Person]],
    plan: Plan,
    scale: Scale,
    rng: random.Random,
    kinds: dict[str, ActivityKind],
    counts: dict[str, int],
) -> None:
    def day(first_month: int = 1) -> dt.date:
        start = dt.date(YEAR, first_month, 1)
        return start + dt.timedelta(days=rng.randint(0, (LAST_DAY - start).days))

    planned: list[tuple[Activity, list[Person]]] = []

    def add(
        unit: Unit, category: str, title: str, when: dt.date, attendees: list[Person] = ()
    ) -> None:
        activity = Activity(
            kind=kinds[category],
            title=title,
            organiser=unit,
            date=when,
            plan=plan,
        )
        planned.append((activity, list(attendees)))

    school_ids = {school.pk for school in schools}
    ward_staff = [
        p
        for unit_id, staff in by_unit.items()
        if unit_id not in school_ids
        for p in staff
        if p.staff_category in (S.CADRE, S.CIVIL_SERVANT)
    ]
    add(
        offices["VHXH"],
        "briefing",
        "Hội nghị phổ biến, quán triệt Nghị quyết số 71-NQ/TW",
        day(3),
        [p for p in ward_staff if rng.random() < 0.85],
    )
    centre = offices["TTDVTH"]
    for week in range(47):
        when = dt.date(YEAR, 1, 5) + dt.timedelta(weeks=week)
        add(centre, "radio", f"Chuyên mục Giáo dục tuần {week + 1}", when)
        if rng.random() < 0.6:
            add(
                centre,
                "portal_article",
                f"Tin bài giáo dục tuần {week + 1}",
                when + dt.timedelta(days=2),
            )
    add(
        offices["VHXH"],
        "seminar",
        "Tọa đàm về đổi mới giáo dục",
        dt.date(YEAR, 11, rng.randint(10, 19)),
    )
    routine = [
        "flag_ceremony",
        "social_post",
        "zalo_message",
        "corner_panel",
        "meeting_integration",
    ]
    for school in schools:
        staff = by_unit.get(school.pk, [])
        teachers = [p for p in staff if p.staff_category in (S.EDUCATION_MANAGER, S.TEACHER)]
        add(
            school,
            "briefing",
            f"Quán triệt Nghị quyết 71 tại {school.name}",
            day(3),
            [p for p in teachers if rng.random() < 0.8],
        )
        for n in range(scale.sessions_with_attendance):
            add(
                school,
                "thematic_session",
                f"Sinh hoạt chuyên đề số {n + 1}",
                day(),
                [p for p in teachers if rng.random() < 0.9],
            )
        for n in range(scale.school_activities - scale.sessions_with_attendance):
            category = routine[n % len(routine)]
            add(school, category, f"{kinds[category].name} {n + 1}", day())
    activities = _bulk(Activity, (a for a, _people in planned))
    _bulk(
        Attendance,
        (
            Attendance(activity=activity, person=person, source=Attendance.Source.IMPORTED)
            for activity, (_a, people) in zip(activities, planned, strict=True)
            for person in people
        ),
    )
    counts["activities"] += len(activities)
    counts["attendance"] += sum(len(people) for _a, people in planned)
