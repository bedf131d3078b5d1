"""Plans with their legal bases, objectives, targets by phase and tasks with the "06 rõ"
(P1, P2, G3, O1.1, O1.3, O4.1, D1; issue 3)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.core.lifecycle import Lifecycle, Move
from lantoa.core.models import EvidenceFile
from lantoa.core.status import Chip, Tone
from lantoa.org.models import Person, Unit


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        SUPERSEDED = "superseded", _("Đã thay thế")

    LIFECYCLE = Lifecycle(
        Move(
            "issue", {Status.DRAFT}, Status.ISSUED, "plan.issued",
            refusal=_("Chỉ ban hành được kế hoạch đang ở trạng thái dự thảo."),
        ),
    )  # fmt: skip

    issuer = models.ForeignKey(
        Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="plans"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    document_kind = models.CharField(_("tên loại"), max_length=40, default="Kế hoạch")
    document_kind_code = models.CharField(_("viết tắt tên loại"), max_length=10, default="KH")
    number = models.CharField(_("số, ký hiệu"), max_length=40, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=80, blank=True)
    title = models.TextField(_("trích yếu"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=80, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=80, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    drafter = models.CharField(_("người soạn thảo"), max_length=120, blank=True)
    archive_note = models.CharField(_("lưu"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    source_name = models.CharField(_("tệp gốc"), max_length=255, blank=True)
    # The document's own words for "Kinh phí" and "Tổ chức thực hiện": the export reprints them;
    # the tasks derived from them live in Task.
    budget_items = models.JSONField(_("kinh phí"), default=list, blank=True)
    responsibilities = models.JSONField(_("tổ chức thực hiện"), default=list, blank=True)
    issue_override_reason = models.TextField(_("lý do ban hành khi chưa đủ 06 rõ"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "issued", "superseded"]),
                name="plan_valid_status",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="plan_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_kind} {self.number or ''} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])


class LegalBasis(models.Model):
    """A document the plan is based on ("Căn cứ ..."), in the order the plan lists them (P1)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_bases")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("loại văn bản"), max_length=60)
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    date = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)

    class Meta:
        verbose_name = _("căn cứ")
        verbose_name_plural = _("căn cứ")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return f"{self.kind} số {self.number}"


class Objective(models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", _("Mục tiêu chung")
        SPECIFIC = "specific", _("Mục tiêu cụ thể")
        REQUIREMENT = "requirement", _("Yêu cầu")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.GENERAL)
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class Phase(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phases")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("giai đoạn"), max_length=80)
    start_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)

    class Meta:
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.label


class Target(models.Model):
    """A measurable objective; its Indicator (how it computes) comes with issue 4."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.CASCADE, related_name="targets"
    )
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("chỉ tiêu"))
    value = models.DecimalField(
        _("giá trị"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class TaskGroup(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="task_groups")
    position = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(max_length=10, blank=True)
    title = models.CharField(_("nhóm nhiệm vụ"), max_length=255)

    class Meta:
        verbose_name = _("nhóm nhiệm vụ")
        verbose_name_plural = _("nhóm nhiệm vụ")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class Task(models.Model):
    """An assigned piece of work with the 06 rõ (O1.1): rõ người (assignee), rõ việc (title,
    description), rõ trách nhiệm (lead and supporting units), rõ thẩm quyền (authority), rõ thời
    gian (start/due or recurrence), rõ kết quả (expected result)."""

    class Recurrence(models.TextChoices):
        ONCE = "once", _("Một lần")
        MONTHLY = "monthly", _("Hằng tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        HALF_YEARLY = "half_yearly", _("6 tháng một lần")
        YEARLY = "yearly", _("Hằng năm")
        OCCASIONS = "occasions", _("Theo dịp")
        CONTINUOUS = "continuous", _("Thường xuyên")

    class Source(models.TextChoices):
        TASKS = "tasks", _("Nhiệm vụ và giải pháp")
        RESPONSIBILITY = "responsibility", _("Tổ chức thực hiện")
        MANUAL = "manual", _("Thêm trực tiếp")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    group = models.ForeignKey(
        TaskGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="subtasks"
    )
    parent_task = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm vụ của kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived_tasks",
    )
    position = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.TASKS)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)
    assignee = models.ForeignKey(
        Person,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    support_units = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị phối hợp"), blank=True, related_name="supported_tasks"
    )
    requested = models.BooleanField(
        _("đề nghị phối hợp"),
        default=False,
        help_text=_(
            "Cơ quan ngoài thẩm quyền của UBND (Mặt trận, đoàn thể) được đề nghị, không giao."
        ),
    )
    authority = models.CharField(_("thẩm quyền quyết định, phê duyệt"), max_length=200, blank=True)
    start = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    due = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    recurrence = models.CharField(
        _("lặp lại"), max_length=12, choices=Recurrence.choices, blank=True
    )
    occasion = models.CharField(_("dịp"), max_length=120, blank=True)
    time_text = models.CharField(_("thời gian (như văn bản ghi)"), max_length=200, blank=True)
    expected_result = models.TextField(_("kết quả, sản phẩm dự kiến"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "position", "id"]
        indexes = [
            # task_list_for: a unit's tasks by deadline
            models.Index(fields=["lead_unit", "due"], name="task_lead_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True)
                | Q(due__isnull=True)
                | Q(due__gte=models.F("start")),
                name="task_due_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title[:80]

    def get_absolute_url(self) -> str:
        return reverse("plans:task_detail", args=[self.pk])

    @property
    def responsible_unit(self) -> Unit:
        """The unit that answers for the task: its lead unit, else the plan's issuer."""
        return self.lead_unit or self.plan.issuer

    def missing_06ro(self) -> list[str]:
        """Which of the six clarities the task lacks (O1.1), as short Vietnamese labels."""
        missing = []
        if self.assignee_id is None:
            missing.append(str(_("rõ người")))
        if not self.title.strip():
            missing.append(str(_("rõ việc")))
        if self.lead_unit_id is None:
            missing.append(str(_("rõ trách nhiệm")))
        if not self.authority.strip():
            missing.append(str(_("rõ thẩm quyền")))
        if self.due is None and not self.recurrence:
            missing.append(str(_("rõ thời gian")))
        if not self.expected_result.strip():
            missing.append(str(_("rõ kết quả")))
        return missing


class TaskOccurrence(models.Model):
    """One period of a task (a once-only task has one), with its own status and result."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        RETURNED = "returned", _("Bị trả lại")

    # A unit reports a period done (again after a return); the coordinator returns a result.
    LIFECYCLE = Lifecycle(
        Move(
            "done", {Status.OPEN, Status.RETURNED}, Status.DONE, "occurrence.done",
            refusal=_("Kỳ này đã được báo hoàn thành; tải lại trang để xem kết quả đã báo."),
        ),
        Move(
            "return", {Status.DONE}, Status.RETURNED, "occurrence.returned",
            refusal=_("Chỉ trả lại được kết quả đã báo hoàn thành."),
        ),
    )  # fmt: skip

    class Bucket(models.TextChoices):
        """The four follow-up buckets (Quyết định 42/2014/QĐ-TTg)."""

        DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
        DONE_LATE = "done_late", _("Hoàn thành quá hạn")
        OPEN_IN_TIME = "open_in_time", _("Đang thực hiện trong hạn")
        OPEN_OVERDUE = "open_overdue", _("Chưa hoàn thành, quá hạn")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="occurrences")
    label = models.CharField(_("kỳ"), max_length=40, blank=True)
    starts = models.DateField(_("bắt đầu kỳ"), null=True, blank=True)
    due = models.DateField(_("hạn"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    result_note = models.TextField(_("kết quả"), blank=True)
    evidence_url = models.URLField(_("đường dẫn minh chứng"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("kỳ thực hiện")
        verbose_name_plural = _("kỳ thực hiện")
        ordering = ["task", "due", "id"]
        indexes = [
            # follow-up buckets: open occurrences by deadline
            models.Index(fields=["status", "due"], name="occurrence_status_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "done", "returned"]), name="occurrence_valid_status"
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_on__isnull=False),
                name="occurrence_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} — {self.label}"

    @property
    def status_chip(self) -> Chip:
        """The period's status in its bucket's words (annotated by `plans.selectors`); a
        returned result says so, whatever its deadline (issue 14, item 3)."""
        if self.status == self.Status.RETURNED:
            return Chip(str(self.Status.RETURNED.label), Tone.RETURNED)
        bucket = self.Bucket(self.bucket)  # type: ignore[attr-defined]
        return Chip(str(bucket.label), BUCKET_TONES[bucket])


BUCKET_TONES = {
    TaskOccurrence.Bucket.DONE_ON_TIME: Tone.DONE,
    TaskOccurrence.Bucket.DONE_LATE: Tone.DONE_LATE,
    TaskOccurrence.Bucket.OPEN_IN_TIME: Tone.OPEN,
    TaskOccurrence.Bucket.OPEN_OVERDUE: Tone.OVERDUE,
}


class Evidence(EvidenceFile):
    """A file proving a period's result (minh chứng): photo, minutes, PDF, Word or Excel. Kept
    private; served only through a view that checks scope."""

    occurrence = models.ForeignKey(
        TaskOccurrence, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to="evidence/%Y/%m/")

    class Meta(EvidenceFile.Meta):
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def get_absolute_url(self) -> str:
        return reverse("plans:evidence", args=[self.pk])


class TaskComment(models.Model):
    """An update or a question on a task, by the unit or the coordinator (issue 3, item 5)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("trao đổi về nhiệm vụ")
        verbose_name_plural = _("trao đổi về nhiệm vụ")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Reminder(models.Model):
    """One reminder sent about one period to one person; the unique row makes sure the same
    reminder is never sent twice (issue 3, item 6)."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Còn 3 ngày đến hạn")
        DUE_TODAY = "due_today", _("Đến hạn hôm nay")
        OVERDUE = "overdue", _("Quá hạn")
        ESCALATED = "escalated", _("Báo Phòng VH-XH: quá hạn 7 ngày")

    occurrence = models.ForeignKey(
        TaskOccurrence, on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    week = models.PositiveSmallIntegerField(
        default=0, help_text="overdue weeks, for weekly reminders"
    )
    sent_on = models.DateField()

    class Meta:
        verbose_name = _("lần nhắc việc")
        verbose_name_plural = _("các lần nhắc việc")
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "user", "kind", "week"], name="reminder_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.occurrence}"


class Distribution(models.Model):
    """A recipient of a plan ("Nơi nhận"), electronic or on paper (D1). What was sent to it and
    when it was opened are the dispatches of the plan (`dispatch`)."""

    class Mode(models.TextChoices):
        ELECTRONIC = "electronic", _("Bản điện tử")
        PAPER = "paper", _("Bản giấy")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="distributions")
    position = models.PositiveSmallIntegerField(default=0)
    recipient = models.CharField(_("nơi nhận"), max_length=255)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mode = models.CharField(max_length=12, choices=Mode.choices, default=Mode.ELECTRONIC)

    class Meta:
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.recipient


class PlanImport(models.Model):
    """An uploaded plan document waiting for the coordinator's review (P2)."""

    class Status(models.TextChoices):
        REVIEW = "review", _("Chờ kiểm tra")
        CONFIRMED = "confirmed", _("Đã lưu thành kế hoạch")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="plan_imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_name = models.CharField(max_length=255)
    parsed = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REVIEW)
    plan = models.OneToOneField(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_record"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # when the review was last saved as a draft; the edits live in `parsed` (issue 13, item 4)
    draft_saved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập kế hoạch")
        verbose_name_plural = _("các lần nhập kế hoạch")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("plans:import_review", args=[self.pk])
