"""Reminders go only to those who still owe the result, on the right days, never twice
(issue 3, item 6)."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from conftest import make_person, make_user
from lantoa.accounts.models import Notification, Role, User
from lantoa.accounts.services import digest_send
from lantoa.plans.models import Plan, Reminder, Task
from lantoa.plans.reminders import reminders_send
from lantoa.plans.services import task_update


@pytest.fixture
def due_task(saved_plan, world, coordinator):
    """A once-only task of school A due 30/04/2026, its teacher assigned and with an account."""
    Plan.objects.filter(pk=saved_plan.pk).update(status="issued")
    teacher = world.teacher_a
    head = make_person("Hiệu Trưởng An", world.school_a)
    world.school_a.head = head
    world.school_a.save()
    teacher_account = make_user("gv_an", Role.CONTRIBUTOR, world.school_a)
    head_account = make_user("ht_an", Role.UNIT_OFFICER, world.school_a)
    User.objects.filter(pk=teacher_account.pk).update(person=teacher)
    User.objects.filter(pk=head_account.pk).update(person=head)
    task = Task.objects.filter(lead_unit=world.school_a).order_by("pk").first()
    task_update(
        actor=None, task=task, assignee=teacher, recurrence="once", due=dt.date(2026, 4, 30)
    )
    mail.outbox.clear()
    return task


def reminded(kind):
    return sorted(Reminder.objects.filter(kind=kind).values_list("user__username", flat=True))


def test_three_days_before_then_on_the_day_then_weekly_then_escalation(due_task, coordinator):
    assert reminders_send(today=dt.date(2026, 4, 26)) == 0
    assert reminders_send(today=dt.date(2026, 4, 27)) == 2
    assert reminded("before") == ["gv_an", "ht_an"]
    assert reminders_send(today=dt.date(2026, 4, 27)) == 0  # never the same reminder twice
    assert reminders_send(today=dt.date(2026, 4, 30)) == 2
    assert reminders_send(today=dt.date(2026, 5, 3)) == 0
    assert reminders_send(today=dt.date(2026, 5, 7)) == 3  # one week overdue + the coordinator
    assert reminded("escalated") == ["coordinator"]
    assert (
        reminders_send(today=dt.date(2026, 5, 14)) == 2
    )  # two weeks: the owners again, no re-escalation
    texts = list(Notification.objects.filter(user__username="gv_an").values_list("text", flat=True))
    assert any("Còn 3 ngày đến hạn (30/04/2026)" in t for t in texts)
    assert any("Đã quá hạn 14 ngày" in t for t in texts)
    assert len(mail.outbox) == 0  # e-mails leave when the transaction commits


def test_no_reminder_once_the_result_is_in(due_task):
    occurrence = due_task.occurrences.get()
    occurrence.status, occurrence.completed_on = "done", dt.date(2026, 4, 20)
    occurrence.save()
    assert reminders_send(today=dt.date(2026, 4, 27)) == 0
    assert reminders_send(today=dt.date(2026, 5, 7)) == 0


def test_a_draft_plan_reminds_nobody(due_task):
    Plan.objects.filter(pk=due_task.plan_id).update(status="draft")
    assert reminders_send(today=dt.date(2026, 4, 30)) == 0


def test_emails_go_now_or_in_the_morning_digest(due_task, django_capture_on_commit_callbacks):
    User.objects.filter(username="ht_an").update(notify_by="daily_digest")
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=dt.date(2026, 4, 27))
    assert [m.to for m in mail.outbox] == [["gv_an@example.org"]]
    assert mail.outbox[0].subject == "Lan Tỏa nhắc việc"
    with (
        time_machine.travel(dt.datetime(2026, 4, 28, 0, 15, tzinfo=dt.UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert digest_send() == 1
        assert digest_send() == 0
    assert mail.outbox[-1].to == ["ht_an@example.org"]
    assert "Còn 3 ngày đến hạn" in mail.outbox[-1].body


def test_reminders_show_on_the_home_page_until_read(due_task, login):
    reminders_send(today=dt.date(2026, 4, 27))
    teacher = User.objects.get(username="gv_an")
    client = login(teacher)
    body = client.get("/").content.decode()
    assert "Còn 3 ngày đến hạn (30/04/2026)" in body
    client.post("/accounts/notifications/read/")
    assert "Còn 3 ngày đến hạn" not in client.get("/").content.decode()


def test_the_worker_runs_reminders_at_seven_in_the_morning_in_vietnam():
    from lantoa.accounts.tasks import send_daily_digest
    from lantoa.plans.tasks import send_task_reminders

    # Huey checks schedules against naive UTC times: 00:00 UTC is 07:00 in Hà Nội
    seven = dt.datetime(2026, 4, 27, 0, 0, tzinfo=dt.UTC).replace(tzinfo=None)
    reminders = send_task_reminders.task_class()
    digest = send_daily_digest.task_class()
    assert reminders.validate_datetime(seven)
    assert not reminders.validate_datetime(seven.replace(hour=7))
    assert digest.validate_datetime(seven.replace(minute=15))
    assert not digest.validate_datetime(seven)
