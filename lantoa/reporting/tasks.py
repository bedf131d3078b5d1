"""Worker jobs of the reporting app."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from lantoa.reporting.reminders import reminders_send


# 07:05 in Asia/Ho_Chi_Minh (Huey schedules in UTC), after the task reminders
@db_periodic_task(crontab(hour="0", minute="5"))
def send_report_reminders() -> None:
    """Every morning: reminders before a report's due date, a note to the coordinator after."""
    reminders_send()
