"""Realistic volumes for benchmarks and trials, from the real division list (issue 4, item 5).

`generate(scale, seed)` builds, for each commune of the chosen scale, a People's Committee with
its offices and schools, a roster with postings (some joined or left during 2026), the ward's
plan with the seed's six targets (their indicators proposed from the words and confirmed), child
plans for most schools (`synthetic_plans`), a year of activities with attendance, and reports
(`synthetic_reports`). The same seed gives the same data. Rows go in with bulk inserts in
batches; nothing here is used by the application itself.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.db import connection, transaction

from lantoa.activities.models import Activity, ActivityKind, Attendance
from lantoa.core.text import fold
from lantoa.demo.synthetic_plans import plan_generate
from lantoa.demo.synthetic_reports import department_for, reports_generate
from lantoa.org.divisions import divisions_load
from lantoa.org.models import PATH_SEGMENT_WIDTH, Division, Person, Posting, Unit
from lantoa.plans.models import Plan

K = Unit.Kind
S = Person.StaffCategory
BATCH = 5_000
YEAR = 2026
LAST_DAY = dt.date(YEAR, 11, 26)

OFFICES = [  # suffix, name, kind, staff (category, count)
    ("VHXH", "Phòng Văn hóa - Xã hội", K.CULTURE_SOCIETY_OFFICE, [(S.CIVIL_SERVANT, 6)]),
    ("KT", "Phòng Kinh tế, Hạ tầng và Đô thị", K.ECONOMY_OFFICE, [(S.CIVIL_SERVANT, 6)]),
    ("TTDVTH", "Trung tâm Dịch vụ tổng hợp", K.SERVICE_CENTRE, [(S.PUBLIC_EMPLOYEE, 5)]),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc", K.FRONT, [(S.CADRE, 3)]),
    ("DTN", "Đoàn Thanh niên", K.MASS_ORGANISATION, [(S.CADRE, 1), (S.MEMBER, 2)]),
]
SCHOOL_LEVELS = ["preschool", "primary", "lower_secondary", "upper_secondary"]
SCHOOL_LABELS = {
    "preschool": "Mầm non",
    "primary": "Tiểu học",
    "lower_secondary": "THCS",
    "upper_secondary": "THPT",
}
SCHOOL_STAFF = [(S.EDUCATION_MANAGER, 3), (S.TEACHER, 28), (S.EMPLOYEE, 4)]
ROUTINE = [  # a school's everyday activities, in turn
    "flag_ceremony",
    "social_post",
    "zalo_message",
    "corner_panel",
    "meeting_integration",
]
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
    """One commune: its units, its roster, its plan and a year of activities."""
    root, offices, schools = _commune_units(commune, index, scale, counts)
    people = _roster(root, offices, schools, rng, counts)
    plan, children = plan_generate(root, schools, rng, year=YEAR)
    counts["plans"] += 1 + len(children)
    by_unit: dict[int, list[Person]] = {}
    for person in people:
        by_unit.setdefault(person.unit_id, []).append(person)
    _activities(offices, schools, by_unit, plan, scale, rng, kinds, counts)
    return root


def _commune_units(
    commune: Division, index: int, scale: Scale, counts: dict[str, int]
) -> tuple[Unit, dict[str, Unit], list[Unit]]:
    """The People's Committee, its offices (by suffix) and its schools; every tenth commune
    opens its last school in September."""
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
    children += [
        _school(commune, root, code, n, opens_late=n == scale.schools - 1 and index % 10 == 0)
        for n in range(scale.schools)
    ]
    children = _bulk(Unit, children)
    _with_paths(children, root)
    counts["units"] += 1 + len(children)
    offices = {suffix: unit for (suffix, *_rest), unit in zip(OFFICES, children, strict=False)}
    return root, offices, children[len(OFFICES) :]


def _school(commune: Division, root: Unit, code: str, n: int, *, opens_late: bool) -> Unit:
    """The commune's school number `n + 1` (unsaved), its level taken in turn."""
    level = SCHOOL_LEVELS[n % len(SCHOOL_LEVELS)]
    name = f"Trường {SCHOOL_LABELS[level]} số {n + 1} {commune.name}"
    return Unit(
        code=f"{code}-S{n + 1:02d}",
        name=name,
        name_folded=fold(name),
        kind=K.SCHOOL,
        school_level=level,
        parent=root,
        division=commune,
        established_on=dt.date(YEAR, 9, 5) if opens_late else None,
    )


def _roster(
    root: Unit,
    offices: dict[str, Unit],
    schools: list[Unit],
    rng: random.Random,
    counts: dict[str, int],
) -> list[Person]:
    """Everybody working for the commune's units, each with the posting they hold."""
    staffing = [(root, [(S.CADRE, 3)])]
    staffing += [(offices[suffix], staff) for suffix, _n, _k, staff in OFFICES]
    staffing += [(school, SCHOOL_STAFF) for school in schools]
    people = [
        _person(unit, category, rng)
        for unit, staff in staffing
        for category, count in staff
        for _ in range(count)
    ]
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
    return people


def _person(unit: Unit, category: str, rng: random.Random) -> Person:
    """A person (unsaved): 8 % joined during the year, 5 % left during it."""
    full_name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    roll = rng.random()
    start = dt.date(YEAR, rng.randint(2, 10), 1) if roll < 0.08 else dt.date(2015, 8, 15)
    end = dt.date(YEAR, rng.randint(3, 10), 28) if 0.08 <= roll < 0.13 else None
    return Person(
        full_name=full_name,
        name_folded=fold(full_name),
        staff_category=category,
        unit=unit,
        active_from=start,
        active_to=end,
        birth_date=dt.date(1965, 1, 1) + dt.timedelta(days=rng.randint(0, 13_000)),
    )


@dataclass
class _Programme:
    """A commune's activities of the year, gathered (with who attended) for one bulk insert."""

    plan: Plan
    kinds: dict[str, ActivityKind]
    rng: random.Random
    planned: list[tuple[Activity, list[Person]]] = field(default_factory=list)

    def day(self, first_month: int = 1) -> dt.date:
        """A random day from the first of `first_month` to the last day generated."""
        start = dt.date(YEAR, first_month, 1)
        return start + dt.timedelta(days=self.rng.randint(0, (LAST_DAY - start).days))

    def add(
        self,
        unit: Unit,
        category: str,
        title: str,
        when: dt.date,
        attendees: Sequence[Person] = (),
    ) -> None:
        """Plan an activity of `unit` on `when`, with those who attended it."""
        activity = Activity(
            kind=self.kinds[category],
            title=title,
            organiser=unit,
            date=when,
            plan=self.plan,
        )
        self.planned.append((activity, list(attendees)))


def _activities(
    offices: dict[str, Unit],
    schools: list[Unit],
    by_unit: dict[int, list[Person]],
    plan: Plan,
    scale: Scale,
    rng: random.Random,
    kinds: dict[str, ActivityKind],
    counts: dict[str, int],
) -> None:
    """The commune's year of activities, then every school's, saved with their attendance."""
    programme = _Programme(plan, kinds, rng)
    _commune_activities(programme, offices, by_unit, {school.pk for school in schools})
    for school in schools:
        _school_activities(programme, school, by_unit.get(school.pk, []), scale)
    activities = _bulk(Activity, (a for a, _people in programme.planned))
    _bulk(
        Attendance,
        (
            Attendance(activity=activity, person=person, source=Attendance.Source.IMPORTED)
            for activity, (_a, people) in zip(activities, programme.planned, strict=True)
            for person in people
        ),
    )
    counts["activities"] += len(activities)
    counts["attendance"] += sum(len(people) for _a, people in programme.planned)


def _commune_activities(
    programme: _Programme,
    offices: dict[str, Unit],
    by_unit: dict[int, list[Person]],
    school_ids: set[int],
) -> None:
    """The briefing of the commune's cadres and civil servants, 47 weeks of radio (and of
    portal articles most weeks) from the service centre, and a seminar in November."""
    rng = programme.rng
    ward_staff = [
        p
        for unit_id, staff in by_unit.items()
        if unit_id not in school_ids
        for p in staff
        if p.staff_category in (S.CADRE, S.CIVIL_SERVANT)
    ]
    programme.add(
        offices["VHXH"],
        "briefing",
        "Hội nghị phổ biến, quán triệt Nghị quyết số 71-NQ/TW",
        programme.day(3),
        [p for p in ward_staff if rng.random() < 0.85],
    )
    centre = offices["TTDVTH"]
    for week in range(47):
        when = dt.date(YEAR, 1, 5) + dt.timedelta(weeks=week)
        programme.add(centre, "radio", f"Chuyên mục Giáo dục tuần {week + 1}", when)
        if rng.random() < 0.6:
            programme.add(
                centre,
                "portal_article",
                f"Tin bài giáo dục tuần {week + 1}",
                when + dt.timedelta(days=2),
            )
    programme.add(
        offices["VHXH"],
        "seminar",
        "Tọa đàm về đổi mới giáo dục",
        dt.date(YEAR, 11, rng.randint(10, 19)),
    )


def _school_activities(
    programme: _Programme, school: Unit, staff: list[Person], scale: Scale
) -> None:
    """A school's briefing, its thematic sessions with a sign-in list, and its routine
    activities (flag ceremonies, posts, messages, panels, meetings) in turn."""
    rng = programme.rng
    teachers = [p for p in staff if p.staff_category in (S.EDUCATION_MANAGER, S.TEACHER)]
    programme.add(
        school,
        "briefing",
        f"Quán triệt Nghị quyết 71 tại {school.name}",
        programme.day(3),
        [p for p in teachers if rng.random() < 0.8],
    )
    for n in range(scale.sessions_with_attendance):
        programme.add(
            school,
            "thematic_session",
            f"Sinh hoạt chuyên đề số {n + 1}",
            programme.day(),
            [p for p in teachers if rng.random() < 0.9],
        )
    for n in range(scale.school_activities - scale.sessions_with_attendance):
        category = ROUTINE[n % len(ROUTINE)]
        programme.add(
            school, category, f"{programme.kinds[category].name} {n + 1}", programme.day()
        )
