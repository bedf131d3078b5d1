"""Who may write, decide on and issue a report (issue 5, item 2; docs/decisions.md, "Reports").

Reading goes through the scoping mechanism (selectors); these rules say which reader may act:
- a unit's own officers write its report (the coordinator writes the ward's, not a school's);
- the recipient decides: the ward's coordinator for its units, the Sở GD&ĐT officer for wards;
- a leader of the ward approves and issues the ward's report.
`None` is the system (the demo loader, commands), as in `org.services.require_write`.
"""

from __future__ import annotations

from typing import Any

from lantoa.accounts.models import Role
from lantoa.reporting.models import Report

AUTHORS = {Role.UNIT_OFFICER, Role.EDITOR, Role.COORDINATOR}


def _assignments(user: Any, *roles: str) -> list[Any]:
    return [a for a in user.roles if a.role in roles]


def _ward_path_of(unit: Any) -> str:
    """The path of the ward a unit belongs to: its first path segment is the ward root."""
    return "/" + unit.path.strip("/").split("/")[0] + "/"


def author_units(user: Any) -> list[Any]:
    """The units whose reports the user writes: their own unit (officers, editors), or the ward
    for a coordinator — the same rule as `is_author`, from the user's side."""
    from lantoa.org.selectors import ward_root_of

    units: list[Any] = []
    for assignment in user.roles:
        if assignment.role == Role.COORDINATOR:
            units.append(ward_root_of(assignment.unit))
        elif assignment.role in (Role.UNIT_OFFICER, Role.EDITOR):
            units.append(assignment.unit)
    return list(dict.fromkeys(units))


def can_write(user: Any, report: Report) -> bool:
    return report.editable and is_author(user, report)


def is_author(user: Any, report: Report) -> bool:
    if user is None:
        return True
    if user.is_superuser:
        return True
    if report.is_ward_report:
        return any(
            _ward_path_of(a.unit) == report.unit.path for a in _assignments(user, Role.COORDINATOR)
        )
    return any(
        a.unit.path.startswith(report.unit.path) or report.unit.path.startswith(a.unit.path)
        for a in _assignments(user, Role.UNIT_OFFICER, Role.EDITOR)
    )


def can_decide(user: Any, report: Report) -> bool:
    if report.status != Report.Status.SUBMITTED:
        return False
    if user is None:
        return True
    return is_recipient(user, report)


def is_recipient(user: Any, report: Report) -> bool:
    """The officers who receive the report: the ward's coordinators, or the Sở's officers."""
    if user.is_superuser:
        return True
    if report.recipient.is_ward_root:
        return any(
            _ward_path_of(a.unit) == report.recipient.path
            for a in _assignments(user, Role.COORDINATOR)
        )
    return any(a.unit_id == report.recipient_id for a in _assignments(user, Role.PROVINCE_VIEWER))


def can_issue(user: Any, report: Report) -> bool:
    """The ward's report is approved and issued by one of its leaders (O1.4, N5.2)."""
    if not (report.is_ward_report and report.editable):
        return False
    if user is None:
        return True
    if user.is_superuser:
        return True
    return any(_ward_path_of(a.unit) == report.unit.path for a in _assignments(user, Role.LEADER))
