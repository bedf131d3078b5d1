"""Worker jobs of the accounts app."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from lantoa.accounts.services import digest_send


# 07:15 in Asia/Ho_Chi_Minh: Huey schedules in UTC
@db_periodic_task(crontab(hour="0", minute="15"))
def send_daily_digest() -> None:
    """After the reminders: one e-mail per person who asked for a daily digest."""
    digest_send()
