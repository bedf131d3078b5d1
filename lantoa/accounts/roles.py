"""The roles an account holds at a unit, and how far each reaches (issue 2, item 6)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Điều phối (Phòng VH-XH)")
    LEADER = "leader", _("Lãnh đạo UBND")
    UNIT_OFFICER = "unit_officer", _("Cán bộ đơn vị")
    EDITOR = "editor", _("Biên tập viên")
    BUDGET_OFFICER = "budget_officer", _("Cán bộ tài chính")
    PROVINCE_VIEWER = "province_viewer", _("Cán bộ Sở GD&ĐT")
    CONTRIBUTOR = "contributor", _("Cộng tác viên")


# How far each role reaches from the unit it is bound to.
#   "ward": the whole subtree of the ward's People's Committee above that unit;
#   "unit": the unit and its subunits.
# Writes: the roles in WRITERS write where they read; the others only read.
ROLE_READ_REACH: dict[str, str] = {
    Role.COORDINATOR: "ward",
    Role.LEADER: "ward",
    Role.UNIT_OFFICER: "unit",
    Role.EDITOR: "unit",
    Role.BUDGET_OFFICER: "unit",
    Role.PROVINCE_VIEWER: "province",
    Role.CONTRIBUTOR: "unit",
}
WRITERS = {Role.COORDINATOR, Role.UNIT_OFFICER, Role.EDITOR, Role.BUDGET_OFFICER}
