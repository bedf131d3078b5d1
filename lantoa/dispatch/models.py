"""What was sent to whom, how, and when they opened it (D1, issue 5 item 8; issue 11).

A `SentDocument` is a document as it left: its bytes (kept privately) and what it is about (any
record, through its content type). A `Dispatch` is one recipient of it. This app knows neither
plans nor reports: the app that sends passes the document, its subject and the recipients.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.org.models import Unit


class SentDocument(models.Model):
    """A document as it was sent: title, file name and bytes, and the record it is about (a
    plan, a report ...). Documents read in the system rather than downloaded keep no file."""

    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField(_("văn bản"), max_length=500)
    filename = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to="dispatch/%Y/%m/", blank=True)
    sender = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("gửi lúc"))

    class Meta:
        verbose_name = _("văn bản đã gửi")
        verbose_name_plural = _("văn bản đã gửi")
        ordering = ["created_at", "pk"]
        indexes = [
            # dispatches_of(subject): what was sent about one record
            models.Index(fields=["subject_type", "subject_id"], name="sent_document_subject_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class Dispatch(models.Model):
    """One document sent to one recipient: in the system to a unit with accounts, by e-mail to
    an address, or on paper (a residential group). Opening the link records when."""

    class Channel(models.TextChoices):
        IN_SYSTEM = "in_system", _("Trong hệ thống")
        EMAIL = "email", _("Thư điện tử")
        PAPER = "paper", _("Bản giấy")
        NO_ADDRESS = "no_address", _("Chưa có địa chỉ nhận")

    document = models.ForeignKey(SentDocument, on_delete=models.CASCADE, related_name="dispatches")
    recipient_name = models.CharField(_("nơi nhận"), max_length=255)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="dispatches_received"
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    channel = models.CharField(_("cách gửi"), max_length=12, choices=Channel.choices)
    token = models.CharField(max_length=43, unique=True, editable=False)
    sent_at = models.DateTimeField(_("gửi lúc"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("mở lúc"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lượt gửi văn bản")
        verbose_name_plural = _("lượt gửi văn bản")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=["in_system", "email", "paper", "no_address"]),
                name="dispatch_valid_channel",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name} ({self.channel})"

    def get_absolute_url(self) -> str:
        return reverse("dispatch:open", args=[self.token])
