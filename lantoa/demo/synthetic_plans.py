"""The plan of a synthetic commune (`lantoa generate_synthetic`, issue 4, item 5): issued, with
the seed plan's two phases and six targets, each target's indicator proposed from its words and
confirmed, and the plans of about three schools in five under it.
"""

from __future__ import annotations

import datetime as dt
import random

from lantoa.indicators.models import Indicator
from lantoa.indicators.params import clean_params
from lantoa.indicators.proposals import propose
from lantoa.org.models import Unit
from lantoa.plans.models import Phase, Plan, Target

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


def plan_generate(
    root: Unit, schools: list[Unit], rng: random.Random, *, year: int
) -> tuple[Plan, list[Plan]]:
    """The commune's issued plan of `year`, and its schools' plans under it."""
    plan = Plan.objects.create(
        issuer=root,
        number=f"{rng.randint(5, 40)}/KH-UBND",
        date=dt.date(year, 3, rng.randint(2, 28)),
        title="Kế hoạch thực hiện Nghị quyết số 71-NQ/TW về đột phá phát triển giáo dục và đào tạo",
        status=Plan.Status.ISSUED,
        start_year=2026,
        end_year=2035,
    )
    _targets(plan)
    children = [
        Plan(
            issuer=school,
            parent=plan,
            number=f"{n + 1:02d}/KH-TH",
            status=Plan.Status.ISSUED,
            date=dt.date(year, rng.randint(4, 10), rng.randint(1, 28)),
            title=f"Kế hoạch tại {school.name}",
            start_year=2026,
            end_year=2035,
        )
        for n, school in enumerate(schools)
        if rng.random() < 0.6
    ]
    Plan.objects.bulk_create(children)
    return plan, children


def _targets(plan: Plan) -> None:
    """The seed's six targets in their phases, each with the indicator proposed from its words
    and confirmed."""
    phases = Phase.objects.bulk_create(
        [
            Phase(
                plan=plan, position=0, label="Giai đoạn 2026-2030", start_year=2026, end_year=2030
            ),
            Phase(
                plan=plan, position=1, label="Giai đoạn 2030-2035", start_year=2030, end_year=2035
            ),
        ]
    )
    targets = Target.objects.bulk_create(
        Target(
            plan=plan,
            phase=phases[phase],
            position=n,
            text=text,
            value=value,
            unit_of_measure=unit,
        )
        for n, (phase, value, unit, text) in enumerate(TARGETS)
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
    Indicator.objects.bulk_create(indicators)
