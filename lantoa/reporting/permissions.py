"""Who may write, decide on and issue a report (issue 5, item 2; docs/decisions.md, "Reports").

Reading goes through the scoping mechanism (selectors); these rules say which reader may act,
asked of the same mechanism (`Scope.holds`, `Scope.reaches`):
- a unit's own officers write its report (the coordinator writes the ward's, not a school's);
- the recipient decides: the ward's coordinator for its units, the Sở GD&ĐT officer for wards;
- a leader of the ward signs the ward's report: its coordinator puts it before them (trình ký),
  and they issue it or send it back to be mended (issue 14, item 7).
`None` is the system (the demo loader, commands), as in `core.scoping.require_write`.
"""

from __future__ import annotations

from lantoa.accounts.models import Role, User
from lantoa.org.models import Unit
from lantoa.reporting.models import Report

AUTHORS = (Role.UNIT_OFFICER, Role.EDITOR, Role.COORDINATOR)


def author_units(user: User) -> list[Unit]:
    """The units whose reports the user writes: their own unit (officers, editors), or the ward
    for a coordinator — the same rule as `is_author`, from the user's side."""
    return list(Unit.objects.filter(path__in=user.scope.home_paths(*AUTHORS)).order_by("path"))


def can_write(user: User | None, report: Report) -> bool:
    return report.editable and is_author(user, report)


def is_author(user: User | None, report: Report) -> bool:
    if user is None:
        return True
    if report.is_ward_report:
        return user.scope.holds(report.unit.path, Role.COORDINATOR)
    return user.scope.reaches(report.unit.path, Role.UNIT_OFFICER, Role.EDITOR)


def can_decide(user: User | None, report: Report) -> bool:
    if not Report.LIFECYCLE.allows(report.status, "accept"):
        return False
    return user is None or is_recipient(user, report)


def is_recipient(user: User, report: Report) -> bool:
    """The officers who receive the report: the ward's coordinators, or the Sở's officers."""
    role = Role.COORDINATOR if report.recipient.is_ward_root else Role.PROVINCE_VIEWER
    return user.scope.holds(report.recipient.path, role)


def is_signer(user: User | None, report: Report) -> bool:
    """The ward's report is signed by one of its leaders (O1.4, N5.2)."""
    if not report.is_ward_report:
        return False
    return user is None or user.scope.holds(report.unit.path, Role.LEADER)


def can_issue(user: User | None, report: Report) -> bool:
    """The leader issues, or sends back, a report put before them for signature."""
    return Report.LIFECYCLE.allows(report.status, "issue") and is_signer(user, report)


def can_request_signature(user: User | None, report: Report) -> bool:
    """The ward's drafter puts the finished draft before the leader (trình ký)."""
    return report.is_ward_report and can_write(user, report)


def can_withdraw(user: User | None, report: Report) -> bool:
    """The drafter takes back a report the leader has not signed yet, to mend it."""
    return Report.LIFECYCLE.allows(report.status, "withdraw") and is_author(user, report)
