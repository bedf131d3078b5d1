"""The demo of phường Bắc Kạn (issue 2, item 9): units the plan names, demo schools, a few
hundred people and one account per role. Running it again keeps what is there.

Everything here is marked `is_demo`; school names say "(dữ liệu mẫu)" because real school
names are not invented (DESIGN.md). Each part lives in its own module: `ward_roster` (units,
people, audiences, accounts), `ward_plan` (the plan, its tasks, the schools' plans),
`ward_activities` and `ward_reports`.
"""

from __future__ import annotations

from django.db import transaction

from lantoa.accounts.models import User
from lantoa.core.audit import audit_record
from lantoa.demo.ward_activities import activities_load
from lantoa.demo.ward_plan import plan_load, school_plans_load
from lantoa.demo.ward_reports import reports_load
from lantoa.demo.ward_roster import (
    ACCOUNTS,
    DEMO_PASSWORD,
    DemoAccount,
    accounts_load,
    audiences_load,
    people_load,
    units_load,
)
from lantoa.org.divisions import divisions_load


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    """Build the demo ward (or keep it as it is) and return the demo accounts."""
    divisions_load()
    units = units_load()
    ward = units[""]
    people_load(units)
    audiences_load(ward)
    accounts_load(units)
    plan_load(ward)
    activities_load(ward)
    school_plans_load(ward)
    reports_load(ward)
    _administrator_ensure()
    return ACCOUNTS


def _administrator_ensure() -> None:
    """The system administrator's account, made once."""
    if User.objects.filter(username="quantri").exists():
        return
    admin = User.objects.create_superuser(
        "quantri", "quantri@demo.lantoa.local", DEMO_PASSWORD, full_name="Quản trị hệ thống"
    )
    audit_record(
        actor=None, action="user.created", obj=admin, changes={"is_superuser": [None, True]}
    )
