"""How each target computes itself from the record (issue 4; T1–T6, N5.1).

An Indicator says which kind of count a Target is and with which parameters; the numbers
are never stored, `lantoa.indicators.compute` derives them from activities, attendance,
postings and plans at any date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.core.models import EvidenceFile
from lantoa.plans.models import Target


class Indicator(models.Model):
    class Kind(models.TextChoices):
        COVERAGE = "coverage", _("Tỷ lệ người được tiếp cận")
        UNIT_SHARE = "unit_share", _("Tỷ lệ đơn vị thực hiện")
        CONTINUITY = "continuity", _("Duy trì hằng tháng")
        COUNT_PER_PERIOD = "count_per_period", _("Số hoạt động mỗi năm")
        TIMELINESS = "timeliness", _("Thông tin kết quả kịp thời")
        MANUAL = "manual", _("Nhập số liệu có minh chứng")

    target = models.OneToOneField(Target, on_delete=models.CASCADE, related_name="indicator")
    kind = models.CharField(_("cách tính"), max_length=20, choices=Kind.choices)
    # Per kind (lantoa.indicators.params documents and checks each):
    #   coverage: groups [{unit_kinds, staff_categories}], activity_categories
    #   unit_share: unit_kinds, record ("child_plan")
    #   continuity: activity_categories, min_per_month
    #   count_per_period: activity_categories, min_count
    #   timeliness: activity_categories, within_days
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    # Proposed by the importer from the target's words until the coordinator confirms it.
    confirmed = models.BooleanField(_("đã xác nhận"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cách tính chỉ tiêu")
        verbose_name_plural = _("cách tính chỉ tiêu")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "coverage",
                        "unit_share",
                        "continuity",
                        "count_per_period",
                        "timeliness",
                        "manual",
                    ]
                ),
                name="indicator_valid_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target}"

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", args=[self.target_id])


class ManualValue(EvidenceFile):
    """A value a unit enters for a manual indicator, with its evidence; it counts once the
    coordinator approves it (issue 4, item 3)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=2)
    as_of = models.DateField(_("số liệu tính đến ngày"))
    note = models.TextField(_("ghi chú"), blank=True)
    file = models.FileField(upload_to="indicators/%Y/%m/")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)

    class Meta(EvidenceFile.Meta):
        verbose_name = _("số liệu nhập tay")
        verbose_name_plural = _("số liệu nhập tay")
        ordering = ["-as_of", "-id"]

    def get_absolute_url(self) -> str:
        return reverse("indicators:evidence", args=[self.pk])
