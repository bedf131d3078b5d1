"""Reminders about task deadlines, sent by the worker every morning (issue 3, item 6).

Three days before the due date, on the day, then every week while overdue: to the assignee and
the head of the lead unit (their accounts). Seven days overdue: also to the coordinators of the
plan's issuer. Only periods still open are reminded; a `Reminder` row per (period, person, kind,
week) means the same reminder never goes twice, however often the job runs.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lantoa.accounts.models import Role, User
from lantoa.accounts.selectors import users_with_role
from lantoa.accounts.services import notify
from lantoa.core.dates import format_vn_date, local_today
from lantoa.org.selectors import ward_root_of
from lantoa.plans.models import Reminder, TaskOccurrence

ESCALATE_AFTER_DAYS = 7


def _owners(occurrence: TaskOccurrence) -> list[User]:
    task = occurrence.task
    people = [p for p in (task.assignee, task.lead_unit.head if task.lead_unit else None) if p]
    return list(User.objects.filter(person__in=people, is_active=True).distinct())


def _coordinators(occurrence: TaskOccurrence) -> list[User]:
    ward = ward_root_of(occurrence.task.plan.issuer)
    return list(users_with_role([Role.COORDINATOR], within=ward.path))


def _message(occurrence: TaskOccurrence, kind: str, days: int) -> str:
    title = occurrence.task.title[:160]
    due = format_vn_date(occurrence.due)
    if kind == Reminder.Kind.BEFORE:
        return _("Còn %(n)s ngày đến hạn (%(due)s): %(task)s") % {
            "n": days,
            "due": due,
            "task": title,
        }
    if kind == Reminder.Kind.DUE_TODAY:
        return _("Hôm nay (%(due)s) là hạn: %(task)s") % {"due": due, "task": title}
    if kind == Reminder.Kind.ESCALATED:
        unit = occurrence.task.lead_unit.name if occurrence.task.lead_unit else "—"
        return _("Quá hạn %(n)s ngày, đơn vị %(unit)s chưa báo kết quả: %(task)s") % {
            "n": -days,
            "unit": unit,
            "task": title,
        }
    return _("Đã quá hạn %(n)s ngày (hạn %(due)s): %(task)s") % {
        "n": -days,
        "due": due,
        "task": title,
    }


def reminders_send(*, today: dt.date | None = None) -> int:
    """Send today's reminders; returns how many were sent. Safe to run any number of times."""
    today = today or local_today()
    window = Q(due=today + dt.timedelta(days=3)) | Q(due=today) | Q(due__lt=today)
    occurrences = (
        TaskOccurrence.objects.filter(window)
        .exclude(status=TaskOccurrence.Status.DONE)
        .filter(task__plan__status="issued")  # a draft reminds nobody
        .select_related("task__plan__issuer", "task__lead_unit__head", "task__assignee")
    )
    sent = 0
    for occurrence in occurrences:
        if occurrence.due is None:  # the window matches due dates only; for the type checker
            continue
        days = (occurrence.due - today).days
        plan = []
        if days == 3:
            plan.append((Reminder.Kind.BEFORE, 0, _owners(occurrence)))
        elif days == 0:
            plan.append((Reminder.Kind.DUE_TODAY, 0, _owners(occurrence)))
        else:
            overdue = -days
            if overdue % 7 == 0:
                plan.append((Reminder.Kind.OVERDUE, overdue // 7, _owners(occurrence)))
            if overdue >= ESCALATE_AFTER_DAYS:
                plan.append((Reminder.Kind.ESCALATED, 0, _coordinators(occurrence)))
        for kind, week, users in plan:
            for user in users:
                sent += _send_once(occurrence, user, kind, week, days, today)
    return sent


def _send_once(
    occurrence: TaskOccurrence, user: User, kind: str, week: int, days: int, today: dt.date
) -> int:
    try:
        with transaction.atomic():
            Reminder.objects.create(
                occurrence=occurrence, user=user, kind=kind, week=week, sent_on=today
            )
            notify(
                user=user,
                text=_message(occurrence, kind, days),
                url=occurrence.task.get_absolute_url(),
                email_subject=_("Lan Tỏa nhắc việc"),
            )
    except IntegrityError:
        return 0  # sent already
    return 1
