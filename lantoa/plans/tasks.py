"""Worker jobs of the plans app."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from lantoa.plans.reminders import reminders_send


# 07:00 in Asia/Ho_Chi_Minh: Huey schedules in UTC
@db_periodic_task(crontab(hour="0", minute="0"))
def send_task_reminders() -> None:
    """Every morning at 07:00 (Asia/Ho_Chi_Minh): deadline reminders."""
    reminders_send()
