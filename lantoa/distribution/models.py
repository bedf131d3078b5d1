"""Who received a plan or report, how, and when they opened it (D1, issue 5 item 8)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.org.models import Unit


class Dispatch(models.Model):
    """One document sent to one recipient: in the system to a unit with accounts, by e-mail to
    an address, or on paper (a residential group). Opening the link records when."""

    class Channel(models.TextChoices):
        IN_SYSTEM = "in_system", _("Trong hệ thống")
        EMAIL = "email", _("Thư điện tử")
        PAPER = "paper", _("Bản giấy")
        NO_ADDRESS = "no_address", _("Chưa có địa chỉ nhận")

    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.CASCADE, related_name="dispatches"
    )
    report = models.ForeignKey(
        "reporting.Report",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="dispatches",
    )
    # the plan's "Nơi nhận" line this dispatch serves (a group line has several dispatches)
    distribution = models.ForeignKey(
        "plans.Distribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dispatches",
    )
    sender = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
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
                condition=Q(plan__isnull=False, report__isnull=True)
                | Q(plan__isnull=True, report__isnull=False),
                name="dispatch_one_document",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["in_system", "email", "paper", "no_address"]),
                name="dispatch_valid_channel",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name} ({self.channel})"

    def get_absolute_url(self) -> str:
        return reverse("distribution:open", args=[self.token])
