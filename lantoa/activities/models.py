"""What units did: communication activities and who attended (issue 4; N1.1–N2.4, T1, T4, T5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import format_vn_datetime
from lantoa.core.lifecycle import Lifecycle, Move
from lantoa.core.models import EvidenceFile, LiveManager, SoftDeleted
from lantoa.org.models import Audience, Person, Unit
from lantoa.plans.models import Plan, TaskOccurrence


class ActivityKind(models.Model):
    """A kind of activity. The list is data: the coordinator adds kinds for the ward; the
    built-in ones (unit empty) come with every installation. Indicators count by `category`."""

    class Category(models.TextChoices):
        BRIEFING = "briefing", _("Phổ biến, quán triệt")
        THEMATIC_SESSION = "thematic_session", _("Sinh hoạt chuyên đề")
        FLAG_CEREMONY = "flag_ceremony", _("Sinh hoạt dưới cờ")
        SEMINAR = "seminar", _("Tọa đàm, hội nghị chuyên đề")
        MEETING_INTEGRATION = "meeting_integration", _("Lồng ghép trong hội nghị, cuộc họp")
        RADIO = "radio", _("Phát thanh trên hệ thống truyền thanh")
        PORTAL_ARTICLE = "portal_article", _("Tin, bài trên cổng thông tin")
        SOCIAL_POST = "social_post", _("Bài đăng mạng xã hội")
        ZALO_MESSAGE = "zalo_message", _("Tin nhắn nhóm Zalo")
        CORNER_PANEL = "corner_panel", _("Góc truyền thông, pano, áp phích")
        CONTEST = "contest", _("Cuộc thi")
        TRAINING = "training", _("Tập huấn, bồi dưỡng")
        OTHER = "other", _("Khác")

    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="activity_kinds"
    )
    name = models.CharField(_("tên loại hoạt động"), max_length=120)
    category = models.CharField(_("nhóm"), max_length=24, choices=Category.choices)
    has_attendance = models.BooleanField(_("điểm danh người dự"), default=False)
    has_reach = models.BooleanField(_("ghi lượt tiếp cận"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("loại hoạt động")
        verbose_name_plural = _("loại hoạt động")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="activity_kind_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Activity(SoftDeleted):
    """Something done: a briefing, broadcast, article, seminar, poster, training ... An event
    organised by several units is one activity with co-organisers, so it counts once. Its
    participants are its attendees on the roster plus the guests typed in
    (`activities.selectors.with_participants`)."""

    kind = models.ForeignKey(
        ActivityKind,
        verbose_name=_("loại hoạt động"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    title = models.CharField(_("tên hoạt động"), max_length=300)
    organiser = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="activities"
    )
    co_organisers = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị phối hợp"), blank=True, related_name="co_organised_activities"
    )
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("đối tượng"), blank=True, related_name="activities"
    )
    guests = models.PositiveIntegerField(
        _("số người dự ngoài danh sách điểm danh"),
        null=True,
        blank=True,
        help_text=_(
            "Khách mời, phụ huynh, người dân, học sinh... không có trong danh sách cán bộ. "
            "Người đã điểm danh được tự tính, không cộng lại ở đây."
        ),
    )
    channel = models.CharField(_("kênh"), max_length=120, blank=True)
    reach = models.PositiveIntegerField(_("lượt tiếp cận (nghe, xem)"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("lượt chia sẻ"), null=True, blank=True)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("thuộc kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    occurrences = models.ManyToManyField(
        TaskOccurrence, verbose_name=_("thực hiện nhiệm vụ"), blank=True, related_name="activities"
    )
    description = models.TextField(_("mô tả"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = LiveManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-date", "-id"]
        indexes = [
            # activity_list_for and the dashboard: a unit's activities by date
            models.Index(fields=["organiser", "date"], name="activity_organiser_date_idx"),
            # counts per kind and month
            models.Index(fields=["kind", "date"], name="activity_kind_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(guests__isnull=True) | Q(guests__lte=1_000_000),
                name="activity_guests_sane",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", args=[self.pk])


class Attendance(SoftDeleted):
    """A person of the roster who attended an activity (T1 coverage counts these). Removing
    someone keeps the row, marked deleted, so the removal can be undone."""

    class Source(models.TextChoices):
        PICKED = "picked", _("Chọn từ danh sách")
        IMPORTED = "imported", _("Nhập từ danh sách ký")
        QR = "qr", _("Tự điểm danh bằng mã QR")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PICKED)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LiveManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = _("người dự")
        verbose_name_plural = _("người dự")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "person"], name="attendance_once_per_activity"
            ),
        ]
        indexes = [
            # coverage: who attended which activities
            models.Index(fields=["person", "activity"], name="attendance_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.activity}"


class ActivityEvidence(EvidenceFile, SoftDeleted):
    """A photo, minutes, PDF, Word or Excel file proving the activity; private, served only
    through a view that checks scope (issue 4, item 1)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="activities/%Y/%m/")

    objects = LiveManager()
    all_objects = models.Manager()

    class Meta(EvidenceFile.Meta):
        verbose_name = _("minh chứng hoạt động")
        verbose_name_plural = _("minh chứng hoạt động")

    def get_absolute_url(self) -> str:
        return reverse("activities:evidence", args=[self.pk])


class CheckInSession(models.Model):
    """A QR code for one briefing or training: attendees open its link and confirm their own
    name from the organisers' roster; the link stops working when the session ends (issue 4,
    item 2)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="checkins")
    token = models.CharField(max_length=43, unique=True, editable=False)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên điểm danh bằng mã QR")
        verbose_name_plural = _("phiên điểm danh bằng mã QR")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.activity} ({format_vn_datetime(self.expires_at)})"

    def get_absolute_url(self) -> str:
        return reverse("checkin", args=[self.token])


class CoOrganiserInvitation(models.Model):
    """A unit named as co-organiser by a writer who does not speak for it: the activity counts
    for that unit, and the unit reads it, only once the unit accepts (issue 12, finding 8).
    The accepted units are `Activity.co_organisers`; this is the record of asking."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ trả lời")
        ACCEPTED = "accepted", _("Đã nhận lời")
        DECLINED = "declined", _("Đã từ chối")

    LIFECYCLE = Lifecycle(
        Move(
            "accept", {Status.PENDING}, Status.ACCEPTED, "activity.co_organising_accepted",
            refusal=_("Lời mời này đã được trả lời hoặc đã được rút lại."),
        ),
        Move(
            "decline", {Status.PENDING}, Status.DECLINED, "activity.co_organising_declined",
            refusal=_("Lời mời này đã được trả lời hoặc đã được rút lại."),
        ),
    )  # fmt: skip

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="invitations")
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị được mời phối hợp"),
        on_delete=models.CASCADE,
        related_name="co_organising_invitations",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lời mời phối hợp tổ chức")
        verbose_name_plural = _("lời mời phối hợp tổ chức")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "unit"], name="one_invitation_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.activity}"

    def get_absolute_url(self) -> str:
        return reverse("activities:invitation", args=[self.pk])
