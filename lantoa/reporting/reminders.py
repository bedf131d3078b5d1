"""Reminders about owed reports, sent by the worker every morning (issue 5, item 3).

Three days before the due date and on the day: to the officers of each unit that still owes the
report (nobody who already sent it). The day after the due date: one note to the ward's
coordinators naming the units that have not sent it. A `ReportReminder` row per (rule, period,
unit, person, kind) means the same reminder never goes twice, however often the job runs.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.accounts.models import Role, User
from lantoa.accounts.selectors import users_with_role
from lantoa.accounts.services import notify
from lantoa.core.dates import format_vn_date, local_today
from lantoa.org.models import Unit
from lantoa.reporting.models import Report, ReportingRule, ReportReminder
from lantoa.reporting.periods import ReportingPeriod
from lantoa.reporting.selectors import reporters_of

BEFORE_DAYS = (3, 0)
AFTER_DAYS = 1


def _recent_keys(rule: ReportingRule, today: dt.date) -> list[ReportingPeriod]:
    key = ReportingPeriod.containing(rule.frequency, today, rule.cutoff_day)
    return [key, key.previous(), key.previous().previous()]


def _unit_officers(unit: Unit) -> list[User]:
    """Who writes the unit's report: its officers; the coordinators for a ward."""
    if unit.is_ward_root:
        return _coordinators(unit)
    return list(users_with_role([Role.UNIT_OFFICER, Role.EDITOR], unit=unit))


def _coordinators(ward: Unit) -> list[User]:
    return list(users_with_role([Role.COORDINATOR], within=ward.path))


def reminders_send(*, today: dt.date | None = None) -> int:
    """Send today's report reminders; returns how many went. Safe to run any number of times."""
    today = today or local_today()
    sent = 0
    for rule in ReportingRule.objects.filter(is_active=True).select_related("owner"):
        for key in _recent_keys(rule, today):
            if not rule.applies_to(key):
                continue
            due = rule.due(key)
            days = (due - today).days
            if days not in BEFORE_DAYS and -days != AFTER_DAYS:
                continue
            start, end = rule.window(key)
            sent_already = set(
                Report.objects.filter(
                    rule=rule, period=str(key), first_submitted_at__isnull=False
                ).values_list("unit_id", flat=True)
            )
            owing = [u for u in reporters_of(rule, start, end) if u.pk not in sent_already]
            if days in BEFORE_DAYS:
                for unit in owing:
                    text = _("Hạn gửi báo cáo %(period)s của %(unit)s là %(due)s.") % {
                        "period": key.label,
                        "unit": unit.name,
                        "due": format_vn_date(due),
                    }
                    for user in _unit_officers(unit):
                        sent += _send_once(
                            rule, key, unit, user, ReportReminder.Kind.BEFORE, text, today
                        )
            elif owing and rule.level == ReportingRule.Level.UNITS:
                text = _(
                    "Quá hạn %(due)s, còn %(n)s đơn vị chưa gửi báo cáo %(period)s: %(units)s."
                ) % {
                    "due": format_vn_date(due),
                    "n": len(owing),
                    "period": key.label,
                    "units": ", ".join(u.name for u in owing),
                }
                for user in _coordinators(rule.owner):
                    sent += _send_once(
                        rule, key, rule.owner, user, ReportReminder.Kind.AFTER, text, today
                    )
    return sent


def _send_once(
    rule: ReportingRule,
    key: ReportingPeriod,
    unit: Unit,
    user: User,
    kind: str,
    text: str,
    today: dt.date,
) -> int:
    try:
        with transaction.atomic():
            ReportReminder.objects.create(
                rule=rule, period=str(key), unit=unit, user=user, kind=kind, sent_on=today
            )
            url = (
                reverse("reporting:completeness")
                if kind == ReportReminder.Kind.AFTER
                else reverse("reporting:index")
            )
            notify(user=user, text=text, url=url, email_subject=_("Lan Tỏa nhắc báo cáo"))
    except IntegrityError:
        return 0
    return 1
