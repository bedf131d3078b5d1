"""Reporting regimes, reports and their frozen versions (issue 5; N5.2, O1.4, O3.4, O4.5).

A `ReportingRule` says who reports to whom and how often: the ward's schools and centre to the
ward, or the ward to Sở GD&ĐT. A `Report` is one unit's report for one period (or a review over
several); its numbers are read live from the record while it is a draft, and each submission
freezes them into a `ReportVersion` that never changes again.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.lifecycle import Lifecycle, Move
from lantoa.core.status import Chip, Tone
from lantoa.org.models import Unit
from lantoa.reporting.periods import Frequency, ReportingPeriod

# Kinds of unit that owe the ward a report by default (O3.4: TTDVTH; O4.5: schools).
DEFAULT_REPORTER_KINDS = [Unit.Kind.SCHOOL, Unit.Kind.SERVICE_CENTRE]
# A ward report its leader signed and sent is "issued" rather than "submitted" (issue 14).
ISSUED_LABEL = _("Đã ban hành, chờ tiếp nhận")


class ReportingRule(models.Model):
    """A reporting regime: who reports, to whom, how often, the cut-off and the due date."""

    class Level(models.TextChoices):
        UNITS = "units", _("Các đơn vị báo cáo phường")
        WARD = "ward", _("Phường báo cáo Sở GD&ĐT")

    owner = models.ForeignKey(
        Unit, verbose_name=_("phường"), on_delete=models.CASCADE, related_name="reporting_rules"
    )
    level = models.CharField(_("chiều báo cáo"), max_length=8, choices=Level.choices)
    frequency = models.CharField(_("kỳ báo cáo"), max_length=12, choices=Frequency.choices)
    reporter_kinds = models.JSONField(_("loại đơn vị phải báo cáo"), default=list, blank=True)
    recipient = models.ForeignKey(
        Unit,
        verbose_name=_("nơi nhận báo cáo của phường"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cutoff_day = models.PositiveSmallIntegerField(_("ngày chốt số liệu"), default=14)
    due_days = models.PositiveSmallIntegerField(_("hạn gửi (số ngày sau ngày chốt)"), default=3)
    applies_from = models.DateField(
        _("áp dụng từ ngày"),
        default=local_today,
        help_text=_("Kỳ nào chốt số liệu trước ngày này thì không phải báo cáo."),
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch được báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Báo cáo theo chế độ này nói về kế hoạch nào; để trống: kế hoạch đã ban hành mới "
            "nhất của phường còn hiệu lực."
        ),
    )

    class Meta:
        verbose_name = _("chế độ báo cáo")
        verbose_name_plural = _("chế độ báo cáo")
        ordering = ["owner", "level", "frequency"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "level", "frequency"], name="rule_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=Q(cutoff_day__gte=1) & Q(cutoff_day__lte=28), name="rule_cutoff_day_1_28"
            ),
            models.CheckConstraint(condition=Q(due_days__lte=60), name="rule_due_days_sane"),
            models.CheckConstraint(
                condition=~Q(level="ward") | Q(recipient__isnull=False),
                name="rule_ward_has_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} — {self.get_frequency_display()}"

    def window(self, key: ReportingPeriod) -> tuple[dt.date, dt.date]:
        return key.window(self.cutoff_day)

    def due(self, key: ReportingPeriod) -> dt.date:
        return key.window(self.cutoff_day)[1] + dt.timedelta(days=self.due_days)

    def applies_to(self, key: ReportingPeriod) -> bool:
        """Periods that closed before the regime was set up are not owed."""
        return key.window(self.cutoff_day)[1] >= self.applies_from


class Report(models.Model):
    """One unit's report for one period, or a review (sơ kết, tổng kết) over several."""

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Báo cáo định kỳ")
        INTERIM_REVIEW = "interim_review", _("Báo cáo sơ kết")
        FINAL_REVIEW = "final_review", _("Báo cáo tổng kết")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        AWAITING_SIGNATURE = "awaiting_signature", _("Chờ ký")
        SUBMITTED = "submitted", _("Đã gửi, chờ tiếp nhận")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    # A unit submits a draft or a returned report. The ward's report goes to its leader first
    # (trình ký), who issues it or sends it back to be mended; until then its drafter may take
    # it back (issue 14, item 7). The recipient accepts or returns what was sent (issue 11,
    # item 3).
    LIFECYCLE = Lifecycle(
        Move(
            "submit", {Status.DRAFT, Status.RETURNED}, Status.SUBMITTED, "report.submitted",
            refusal=_("Báo cáo này đã gửi; chỉ gửi lại được khi bị trả lại."),
        ),
        Move(
            "request_signature", {Status.DRAFT, Status.RETURNED}, Status.AWAITING_SIGNATURE,
            "report.signature_requested",
            refusal=_("Báo cáo này đã trình ký hoặc đã ban hành; tải lại trang để xem trạng thái."),
        ),
        Move(
            "withdraw", {Status.AWAITING_SIGNATURE}, Status.DRAFT, "report.withdrawn",
            refusal=_("Báo cáo này không còn chờ ký; tải lại trang để xem trạng thái."),
        ),
        Move(
            "send_back", {Status.AWAITING_SIGNATURE}, Status.DRAFT, "report.sent_back",
            refusal=_("Báo cáo này không còn chờ ký; tải lại trang để xem trạng thái."),
        ),
        Move(
            "issue", {Status.AWAITING_SIGNATURE}, Status.SUBMITTED, "report.issued",
            refusal=_(
                "Chỉ ban hành được báo cáo đang chờ ký; tải lại trang để xem trạng thái."
            ),
        ),
        Move(
            "accept", {Status.SUBMITTED}, Status.ACCEPTED, "report.accepted",
            refusal=_("Báo cáo này không còn chờ tiếp nhận; tải lại trang để xem trạng thái."),
        ),
        Move(
            "return", {Status.SUBMITTED}, Status.RETURNED, "report.returned",
            refusal=_("Báo cáo này không còn chờ tiếp nhận; tải lại trang để xem trạng thái."),
        ),
    )  # fmt: skip

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="reports"
    )
    recipient = models.ForeignKey(
        Unit, verbose_name=_("nơi nhận"), on_delete=models.PROTECT, related_name="received_reports"
    )
    rule = models.ForeignKey(
        ReportingRule, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERIODIC)
    period = models.CharField(_("kỳ"), max_length=10, blank=True)
    start = models.DateField(_("số liệu từ ngày"))
    end = models.DateField(_("đến ngày"))
    due = models.DateField(_("hạn gửi"), null=True, blank=True)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch được báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    sent_back_reason = models.TextField(_("lý do trả lại để sửa"), blank=True)

    # the narrative the unit writes (issue 5, item 2); the numbers come from the record
    direction = models.TextField(_("công tác lãnh đạo, chỉ đạo, tổ chức triển khai"), blank=True)
    results = models.TextField(_("đánh giá kết quả"), blank=True)
    shortcomings = models.TextField(_("tồn tại, hạn chế và nguyên nhân"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    next_tasks = models.TextField(_("nhiệm vụ thời gian tới"), blank=True)

    # the document's own blocks (Nghị định 30)
    number = models.CharField(_("số văn bản"), max_length=40, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=80, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=80, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    NARRATIVE_FIELDS = (
        "direction",
        "results",
        "shortcomings",
        "difficulties",
        "proposals",
        "next_tasks",
    )

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-end", "unit__name_folded", "pk"]
        indexes = [
            models.Index(fields=["recipient", "period"], name="report_recipient_period_idx"),
            models.Index(fields=["unit", "end"], name="report_unit_end_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "rule", "period"],
                condition=Q(kind="periodic"),
                name="report_one_per_unit_rule_period",
            ),
            models.CheckConstraint(condition=Q(start__lte=models.F("end")), name="report_dates"),
            models.CheckConstraint(
                condition=Q(
                    status__in=["draft", "awaiting_signature", "submitted", "returned", "accepted"]
                ),
                name="report_valid_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:detail", args=[self.pk])

    def take_signer_from_plan(self) -> None:
        """The ward's report is signed as its plan was, until the coordinator says otherwise."""
        if self.plan is not None:
            self.signer_authority = self.plan.signer_authority
            self.signer_title = self.plan.signer_title
            self.signer_name = self.plan.signer_name

    @property
    def period_key(self) -> ReportingPeriod | None:
        return ReportingPeriod.parse(self.period) if self.period else None

    @property
    def period_label(self) -> str:
        key = self.period_key
        if key is not None:
            return key.label
        return _("từ %(start)s đến %(end)s") % {
            "start": format_vn_date(self.start),
            "end": format_vn_date(self.end),
        }

    @property
    def is_ward_report(self) -> bool:
        return self.unit.kind == Unit.Kind.PEOPLE_COMMITTEE

    @property
    def editable(self) -> bool:
        """The author may still change it: it is in a status a submission starts from (not
        while it awaits signature: the leader signs what was put before them)."""
        return self.LIFECYCLE.allows(self.status, "submit")

    @property
    def live(self) -> bool:
        """Its numbers are still read from the record: they freeze when it is sent, so a
        report awaiting signature shows what issuing it would freeze."""
        return self.editable or self.LIFECYCLE.allows(self.status, "issue")

    @property
    def status_label(self) -> str:
        """The status as pages name it: a report its leader approved reads «Đã ban hành»
        (only the ward's report is approved; `approved_at` spares a query for its unit)."""
        if self.status == self.Status.SUBMITTED and self.approved_at is not None:
            return str(ISSUED_LABEL)
        return str(self.get_status_display())

    @property
    def status_chip(self) -> Chip:
        """The status in the one status component (core.status): with someone else (to sign,
        to accept) is waiting, a returned report red, only an accepted one green."""
        return Chip(self.status_label, STATUS_TONES[self.Status(self.status)])

    @classmethod
    def narrative_headings(cls) -> list[tuple[str, str]]:
        """(field, heading) of each section the author writes, capitalised as a heading
        («Đánh giá kết quả»): the one place pages take them from (issue 14, item 7)."""
        return [
            (name, capfirst(str(getattr(cls._meta.get_field(name), "verbose_name", name))))
            for name in cls.NARRATIVE_FIELDS
        ]


STATUS_TONES = {
    Report.Status.DRAFT: Tone.DRAFT,
    Report.Status.AWAITING_SIGNATURE: Tone.WAITING,
    Report.Status.SUBMITTED: Tone.WAITING,
    Report.Status.RETURNED: Tone.RETURNED,
    Report.Status.ACCEPTED: Tone.DONE,
}


class ReportVersion(models.Model):
    """What was submitted, frozen: numbers and narrative as they stood (issue 5, item 2)."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Tiếp nhận")
        RETURNED = "returned", _("Trả lại")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("lần gửi"))
    snapshot = models.JSONField()
    submitted_at = models.DateTimeField(_("gửi lúc"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("lần gửi báo cáo")
        verbose_name_plural = _("lần gửi báo cáo")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="version_unique_number"),
            models.CheckConstraint(
                condition=~Q(decision="returned") | ~Q(comment=""),
                name="version_return_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} — lần {self.number}"


class ReportReminder(models.Model):
    """One reminder sent about one owed report, so the same reminder never goes twice."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Trước hạn")
        AFTER = "after", _("Sau hạn, báo điều phối")

    rule = models.ForeignKey(ReportingRule, on_delete=models.CASCADE, related_name="reminders")
    period = models.CharField(max_length=10)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "period", "unit", "user", "kind"], name="report_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.unit} → {self.user} ({self.kind})"


class Rubric(models.Model):
    """The ward's annual evaluation of its units (N5.1): criteria scored from the record."""

    owner = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="rubrics")
    year = models.PositiveSmallIntegerField(_("năm"))

    class Meta:
        verbose_name = _("bộ tiêu chí đánh giá")
        verbose_name_plural = _("bộ tiêu chí đánh giá")
        constraints = [
            models.UniqueConstraint(fields=["owner", "year"], name="rubric_one_per_ward_year")
        ]

    def __str__(self) -> str:
        return f"{self.owner} — {self.year}"


class Criterion(models.Model):
    """One criterion: a measure read from the record, the value that earns full points, and
    the points; a unit earns points in proportion to its value, up to the full points."""

    class Measure(models.TextChoices):
        ACTIVITIES = "activities", _("Số hoạt động tổ chức, phối hợp")
        PARTICIPANTS = "participants", _("Lượt người tham dự")
        COVERAGE = "coverage", _("Tỷ lệ cán bộ, giáo viên, người lao động được quán triệt (%)")
        REPORTS_ON_TIME = "reports_on_time", _("Tỷ lệ báo cáo định kỳ gửi đúng hạn (%)")
        TASKS_ON_TIME = "tasks_on_time", _("Tỷ lệ nhiệm vụ hoàn thành đúng hạn (%)")
        PHOTO_ACTIVITIES = "photo_activities", _("Số hoạt động có ảnh minh chứng")

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    measure = models.CharField(_("tiêu chí"), max_length=20, choices=Measure.choices)
    goal = models.DecimalField(_("mức đạt điểm tối đa"), max_digits=9, decimal_places=1)
    points = models.PositiveSmallIntegerField(_("điểm tối đa"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["rubric", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "measure"], name="criterion_once_per_rubric"),
            models.CheckConstraint(condition=Q(goal__gt=0), name="criterion_goal_positive"),
            models.CheckConstraint(
                condition=Q(points__gte=1) & Q(points__lte=100), name="criterion_points_1_100"
            ),
        ]

    def __str__(self) -> str:
        return self.get_measure_display()
