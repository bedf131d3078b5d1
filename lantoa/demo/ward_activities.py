"""The demo ward's activities under its plan: briefings with attendance, the service centre's
monthly articles and radio bulletins, a seminar organised by two units and an invitation to
co-organise waiting for its answer."""

from __future__ import annotations

import datetime as dt
import random

from lantoa.activities.models import Activity, ActivityKind, CoOrganiserInvitation
from lantoa.activities.services import activity_record, attendance_add
from lantoa.core.dates import local_today
from lantoa.demo.ward_roster import SEED, K, S, unit_code
from lantoa.org.models import Person, Unit
from lantoa.plans.models import Plan

BRIEFED_CATEGORIES = {S.CADRE, S.CIVIL_SERVANT, S.EDUCATION_MANAGER, S.TEACHER}
BULLETINS = [  # category, title, usual reach
    ("portal_article", "Tin bài về đổi mới giáo dục trên Cổng thông tin điện tử phường", 300),
    ("radio", "Bản tin truyền thanh chuyên mục Giáo dục", 2500),
]


def activities_load(ward: Unit) -> None:
    """Months of the plan's activities: briefings with attendance at the ward and every school
    (about four in five managers and teachers briefed so far), monthly portal articles and radio
    bulletins, a seminar organised by two units."""
    if Activity.objects.filter(organiser__path__startswith=ward.path).exists():
        return
    rng = random.Random(SEED + 1)  # noqa: S311
    plan = Plan.objects.filter(issuer=ward).first()
    kinds = {k.category: k for k in ActivityKind.objects.filter(unit__isnull=True)}
    vhxh = Unit.objects.get(code=unit_code("VHXH"))
    _briefings_record(ward, vhxh, plan, kinds["briefing"], rng)
    _bulletins_record(plan, kinds, rng)
    activity_record(
        actor=None,
        organiser=vhxh,
        co_organisers=[Unit.objects.get(code=unit_code("THCS-A"))],
        kind=kinds["seminar"],
        title="Tọa đàm «Nhà giáo với đổi mới giáo dục» nhân Ngày Nhà giáo Việt Nam 20/11",
        date=dt.date(2026, 11, 18),
        place="Trường THCS A (dữ liệu mẫu)",
        guests=120,
        plan=plan,
        is_demo=True,
    )
    _invitation_record(plan, kinds["thematic_session"])


def _invitation_record(plan: Plan | None, kind: ActivityKind) -> None:
    """A primary school invites the lower-secondary school to a joint session; the invitation
    waits on the THCS A officer's list (issue 12: co-organising is accepted, not imposed)."""
    activity = activity_record(
        actor=None,
        organiser=Unit.objects.get(code=unit_code("TH-A")),
        kind=kind,
        title="Sinh hoạt chuyên đề liên trường «Chuyển cấp từ tiểu học lên THCS»",
        date=dt.date(2026, 12, 12),
        place="Trường Tiểu học A (dữ liệu mẫu)",
        plan=plan,
        is_demo=True,
    )
    CoOrganiserInvitation.objects.create(
        activity=activity, unit=Unit.objects.get(code=unit_code("THCS-A"))
    )


def _briefings_record(
    ward: Unit, vhxh: Unit, plan: Plan | None, briefing: ActivityKind, rng: random.Random
) -> None:
    """One briefing at the ward (its own officers, organised by the Culture-Society Office) and
    one at every school, each attended by 70–92 % of those to brief."""
    for unit in Unit.objects.filter(
        path__startswith=ward.path, kind__in=[K.SCHOOL, K.PEOPLE_COMMITTEE]
    ):
        at_ward = unit.kind == K.PEOPLE_COMMITTEE
        people = list(
            Person.objects.filter(
                unit__path__startswith=ward.path if at_ward else unit.path,
                staff_category__in=BRIEFED_CATEGORIES,
            ).exclude(unit__kind=K.SCHOOL if at_ward else "")
        )
        if not people:
            continue
        activity = activity_record(
            actor=None,
            organiser=vhxh if at_ward else unit,
            kind=briefing,
            title=f"Phổ biến, quán triệt Nghị quyết số 71-NQ/TW tại {unit.name}",
            date=dt.date(2026, rng.randint(4, 9), rng.randint(1, 28)),
            place="Hội trường" if at_ward else "Phòng họp nhà trường",
            plan=plan,
            is_demo=True,
        )
        attendees = rng.sample(people, k=round(len(people) * rng.uniform(0.7, 0.92)))
        attendance_add(actor=None, activity=activity, people=attendees)


def _bulletins_record(
    plan: Plan | None, kinds: dict[str, ActivityKind], rng: random.Random
) -> None:
    """The service centre's portal article and radio bulletin of every month from March up to
    today (none in the future; no article in July, for the continuity target to notice)."""
    centre = Unit.objects.get(code=unit_code("TTDVTH"))
    today = local_today()
    for month in range(3, today.month + 1 if today.year == 2026 else 13):
        for category, title, reach in BULLETINS:
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
