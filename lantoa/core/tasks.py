"""Worker jobs of the core app: delivering the outbox (registered by importing `core.mail`)."""

from lantoa.core.mail import mail_deliver_job, mail_retry_job

__all__ = ["mail_deliver_job", "mail_retry_job"]
