"""Who may do what with plans and tasks (issue 3). Scope decides where; these decide what."""

from __future__ import annotations

from lantoa.accounts.models import Role, User
from lantoa.plans.models import Plan, Task


def can_edit_plan(user: User, plan: Plan) -> bool:
    """The coordinator (writer of the issuing unit) edits the plan and its tasks' 06 rõ."""
    return user.scope.can_write(plan.issuer)


def can_issue_plan(user: User, plan: Plan) -> bool:
    return can_edit_plan(user, plan) or can_issue_incomplete_plan(user, plan)


def can_issue_incomplete_plan(user: User, plan: Plan) -> bool:
    """Only a leader of the issuing body may issue a plan whose tasks lack part of the 06 rõ."""
    return user.is_superuser or (user.has_role(Role.LEADER) and user.scope.can_read(plan.issuer))


def can_report_task(user: User, task: Task) -> bool:
    """The lead unit reports a task's results (and the coordinator may do it for them)."""
    unit = task.responsible_unit
    return user.scope.can_write(unit) or can_edit_plan(user, task.plan)


def can_set_assignee(user: User, task: Task) -> bool:
    """The lead unit names its own person; the coordinator may name anyone."""
    return can_report_task(user, task)
