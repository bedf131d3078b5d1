"""The parameters of each indicator kind: defaults, checking, and words for people (issue 4).

Parameters are JSON on `Indicator.params`; this module is the one place that knows their shape.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lantoa.activities.models import ActivityKind
from lantoa.org.models import Person, Unit

K = Unit.Kind
S = Person.StaffCategory
C = ActivityKind.Category

WARD_OFFICE_KINDS = [
    K.PEOPLE_COMMITTEE,
    K.CULTURE_SOCIETY_OFFICE,
    K.ECONOMY_OFFICE,
    K.OFFICE,
    K.SERVICE_CENTRE,
    K.FRONT,
    K.MASS_ORGANISATION,
]
PUBLICATION_CATEGORIES = [C.PORTAL_ARTICLE, C.RADIO, C.SOCIAL_POST, C.ZALO_MESSAGE]

DEFAULTS: dict[str, dict[str, Any]] = {
    "coverage": {
        "groups": [
            {"unit_kinds": WARD_OFFICE_KINDS, "staff_categories": [S.CADRE, S.CIVIL_SERVANT]},
            {"unit_kinds": [K.SCHOOL], "staff_categories": [S.EDUCATION_MANAGER, S.TEACHER]},
        ],
        "activity_categories": [C.BRIEFING],
    },
    "unit_share": {"unit_kinds": [K.SCHOOL], "record": "child_plan"},
    "continuity": {"activity_categories": [C.PORTAL_ARTICLE], "min_per_month": 1},
    "count_per_period": {
        "activity_categories": [C.SEMINAR, C.THEMATIC_SESSION],
        "min_count": 1,
    },
    "timeliness": {"activity_categories": PUBLICATION_CATEGORIES, "within_days": 7},
    "manual": {},
}


def clean_params(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters with defaults filled in; ValidationError naming the field otherwise."""
    if kind not in DEFAULTS:
        raise ValidationError({"kind": _("Cách tính không hợp lệ.")})
    cleaned = {**DEFAULTS[kind], **{k: v for k, v in params.items() if k in DEFAULTS[kind]}}
    categories = set(C.values)
    if "activity_categories" in cleaned:
        chosen = list(cleaned["activity_categories"])
        if not chosen or not set(chosen) <= categories:
            raise ValidationError(
                {"activity_categories": _("Chọn ít nhất một nhóm hoạt động được tính.")}
            )
        cleaned["activity_categories"] = chosen
    for key in ("min_per_month", "min_count", "within_days"):
        if key in cleaned:
            try:
                number = int(cleaned[key])
            except (TypeError, ValueError):
                number = 0
            if number < 1:
                raise ValidationError({key: _("Nhập một số nguyên từ 1 trở lên.")})
            cleaned[key] = number
    if kind == "coverage":
        groups = [
            g
            for g in cleaned["groups"]
            if set(g.get("unit_kinds", [])) <= set(K.values)
            and set(g.get("staff_categories", [])) <= set(S.values)
            and g.get("unit_kinds")
            and g.get("staff_categories")
        ]
        if not groups:
            raise ValidationError(
                {"groups": _("Chọn ít nhất một loại đơn vị và một loại cán bộ được tính.")}
            )
        cleaned["groups"] = groups
    if kind == "unit_share" and (
        not cleaned["unit_kinds"] or not set(cleaned["unit_kinds"]) <= set(K.values)
    ):
        raise ValidationError({"unit_kinds": _("Chọn loại đơn vị được tính.")})
    return _plain(cleaned)


def _plain(value: Any) -> Any:
    """Choice members become their plain string values, so the JSON reads cleanly."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def describe(kind: str, params: dict[str, Any]) -> str:
    """The parameters in one Vietnamese sentence, for the target page and show_targets."""
    categories = ", ".join(str(C(c).label) for c in params.get("activity_categories", []))
    if kind == "coverage":
        groups = "; ".join(
            "{who} tại {where}".format(
                who=", ".join(str(S(s).label).lower() for s in g["staff_categories"]),
                where=", ".join(str(K(k).label) for k in g["unit_kinds"]),
            )
            for g in params["groups"]
        )
        return _("Số người (%(groups)s) đã dự ít nhất một hoạt động: %(categories)s.") % {
            "groups": groups,
            "categories": categories,
        }
    if kind == "unit_share":
        kinds = ", ".join(str(K(k).label) for k in params["unit_kinds"])
        return _("Số đơn vị (%(kinds)s) đã ban hành kế hoạch thực hiện kế hoạch này.") % {
            "kinds": kinds
        }
    if kind == "continuity":
        return _("Mỗi tháng có ít nhất %(n)s hoạt động: %(categories)s.") % {
            "n": params["min_per_month"],
            "categories": categories,
        }
    if kind == "count_per_period":
        return _("Mỗi năm có ít nhất %(n)s hoạt động: %(categories)s.") % {
            "n": params["min_count"],
            "categories": categories,
        }
    if kind == "timeliness":
        return _(
            "Kết quả nhiệm vụ được đưa tin (%(categories)s) trong vòng %(n)s ngày sau khi hoàn thành."
        ) % {"n": params["within_days"], "categories": categories}
    return _("Đơn vị nhập số liệu kèm minh chứng; tính khi Phòng Văn hóa - Xã hội duyệt.")
