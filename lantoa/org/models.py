"""Divisions, units, people and audiences: who the ward is (issue 2; G1, G5, O1.2)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.core.dates import format_vn_date

PATH_SEGMENT_WIDTH = 9  # "000000042/": ids up to a billion keep the path sortable


def default_abbreviation(code: str, kind: str) -> str:
    """A unit's document symbol when none is set: "UBND" for a People's Committee, else the
    tail of its code without hyphens ("01843-TH-A" → "THA", "01843-VHXH" → "VHXH")."""
    if kind == "people_committee":
        return "UBND"
    head, _sep, tail = code.partition("-")
    return (tail or head).replace("-", "").upper()[:20]


def path_ids(path: str) -> list[int]:
    """The unit ids along a materialised path, root first (the unit's own id last)."""
    return [int(seg) for seg in path.strip("/").split("/") if seg]


class Division(models.Model):
    """An administrative division after the 2025 reform: 34 provinces, 3,321 communes/wards."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        COMMUNE = "commune", _("Xã, phường, đặc khu")

    code = models.CharField(_("mã"), max_length=5, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    division_type = models.CharField(_("loại"), max_length=40)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    codename = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True)
                | Q(level="commune", parent__isnull=False),
                name="division_commune_has_province",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """An office, school, centre, organisation or residential group (GLOSSARY.md)."""

    class Kind(models.TextChoices):
        PEOPLE_COMMITTEE = "people_committee", _("Ủy ban nhân dân")
        CULTURE_SOCIETY_OFFICE = "culture_society_office", _("Phòng Văn hóa - Xã hội")
        ECONOMY_OFFICE = "economy_office", _("Phòng Kinh tế, Hạ tầng và Đô thị")
        OFFICE = "office", _("Phòng, ban khác")
        SERVICE_CENTRE = "service_centre", _("Trung tâm Dịch vụ tổng hợp")
        SCHOOL = "school", _("Cơ sở giáo dục")
        FRONT = "front", _("Ủy ban Mặt trận Tổ quốc")
        MASS_ORGANISATION = "mass_organisation", _("Tổ chức chính trị - xã hội")
        RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
        PROVINCIAL_DEPARTMENT = "provincial_department", _("Sở, ngành tỉnh")

    class SchoolLevel(models.TextChoices):
        PRESCHOOL = "preschool", _("Mầm non")
        PRIMARY = "primary", _("Tiểu học")
        LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")
        UPPER_SECONDARY = "upper_secondary", _("Trung học phổ thông")
        CONTINUING = "continuing", _("Giáo dục thường xuyên")
        MULTI_LEVEL = "multi_level", _("Liên cấp")

    code = models.CharField(
        _("mã đơn vị"),
        max_length=32,
        unique=True,
        help_text=_("Mã ngắn, duy nhất. UBND xã, phường dùng mã đơn vị hành chính (ví dụ 01843)."),
    )
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    abbreviation = models.CharField(
        _("ký hiệu trên văn bản"),
        max_length=20,
        blank=True,
        help_text=_(
            "Chữ viết tắt sau tên loại văn bản trong số, ký hiệu: UBND trong 12/KH-UBND, "
            "THA trong 03/KH-THA."
        ),
    )
    kind = models.CharField(_("loại đơn vị"), max_length=32, choices=Kind.choices)
    school_level = models.CharField(
        _("cấp học"), max_length=20, choices=SchoolLevel.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    division = models.ForeignKey(
        Division,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    head = models.ForeignKey(
        "Person",
        verbose_name=_("thủ trưởng đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    is_demo = models.BooleanField(_("dữ liệu mẫu"), default=False)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Dated existence, for denominators that count units (T2): empty means "before the record".
    established_on = models.DateField(_("thành lập ngày"), null=True, blank=True)
    closed_on = models.DateField(_("giải thể, sáp nhập ngày"), null=True, blank=True)
    # Materialised path of ids, "/000000001/000000004/"; maintained by services.unit_create/move.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    name_folded = models.CharField(max_length=255, db_index=True, editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="school") | Q(school_level=""),
                name="unit_school_level_only_for_schools",
            ),
            models.CheckConstraint(
                condition=~Q(kind="school") | ~Q(school_level=""),
                name="unit_school_has_level",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:unit_detail", args=[self.pk])

    @property
    def is_ward_root(self) -> bool:
        return self.kind == self.Kind.PEOPLE_COMMITTEE

    def ancestor_ids(self) -> list[int]:
        return path_ids(self.path)

    @property
    def document_symbol(self) -> str:
        """The unit's part of a document number ("UBND", "THA"), its code's tail otherwise."""
        return self.abbreviation or default_abbreviation(self.code, self.kind)


class Person(models.Model):
    """A roster entry: an official, teacher or employee; not necessarily a user of the system."""

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    class StaffCategory(models.TextChoices):
        CADRE = "cadre", _("Cán bộ")
        CIVIL_SERVANT = "civil_servant", _("Công chức")
        PUBLIC_EMPLOYEE = "public_employee", _("Viên chức")
        EDUCATION_MANAGER = "education_manager", _("Cán bộ quản lý")
        TEACHER = "teacher", _("Giáo viên")
        EMPLOYEE = "employee", _("Nhân viên")
        CONTRACT_WORKER = "contract_worker", _("Người lao động hợp đồng")
        PART_TIME = "part_time", _("Người hoạt động không chuyên trách")
        MEMBER = "member", _("Hội viên, đoàn viên")

    full_name = models.CharField(_("họ và tên"), max_length=120)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    staff_category = models.CharField(
        _("loại cán bộ"), max_length=32, choices=StaffCategory.choices
    )
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people"
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    active_from = models.DateField(_("làm việc từ ngày"))
    active_to = models.DateField(_("đến ngày"), null=True, blank=True)
    is_demo = models.BooleanField(_("dữ liệu mẫu"), default=False)
    name_folded = models.CharField(max_length=120, editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("cán bộ, nhân sự")
        verbose_name_plural = _("danh sách cán bộ, nhân sự")
        ordering = ["unit__path", "name_folded", "id"]
        indexes = [
            # person_list_for: roster of one unit, and search by folded name
            models.Index(fields=["unit", "name_folded"], name="person_unit_name_idx"),
            # roster import: matching key (folded name + birth date) inside a scope
            models.Index(fields=["name_folded", "birth_date"], name="person_match_key_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True) | Q(active_to__gte=models.F("active_from")),
                name="person_active_to_after_from",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("org:person_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.active_to is None


class Posting(models.Model):
    """A person's time in one unit: the history that dated denominators count from (T1, T5)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="postings")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="postings")
    staff_category = models.CharField(max_length=32, choices=Person.StaffCategory.choices)
    position = models.CharField(max_length=120, blank=True)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person", "start", "id"]
        constraints = [
            # one open posting per person: the current one
            models.UniqueConstraint(
                fields=["person"], condition=Q(end__isnull=True), name="posting_one_open_per_person"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="posting_end_after_start",
            ),
        ]
        indexes = [
            # coverage denominators: who was in these units on a date
            models.Index(fields=["unit", "start", "end"], name="posting_unit_dates_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.unit} ({format_vn_date(self.start)})"


class Audience(models.Model):
    """A target group of communication (G1): officials, teachers, students, parents, residents ..."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị quản lý"), on_delete=models.CASCADE, related_name="audiences"
    )
    name = models.CharField(_("tên nhóm đối tượng"), max_length=120)
    description = models.TextField(_("mô tả"), blank=True)
    # Roster members belong to the group by staff category; the rest is an estimate.
    staff_categories = models.JSONField(_("loại cán bộ thuộc nhóm"), default=list, blank=True)
    estimated_size = models.PositiveIntegerField(_("số lượng ước tính"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhóm đối tượng")
        verbose_name_plural = _("nhóm đối tượng")
        ordering = ["unit__path", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="audience_unique_name_per_unit")
        ]

    def __str__(self) -> str:
        return self.name


class RosterImport(models.Model):
    """One upload of a roster file and its outcome; the page polls it for progress."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ xử lý")
        RUNNING = "running", _("Đang kiểm tra")
        FAILED = "failed", _("Có lỗi, chưa lưu gì")
        DONE = "done", _("Đã nhập xong")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="roster_imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="imports/roster/%Y/%m/")
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("các lần nhập danh sách")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "running", "failed", "done"]),
                name="roster_import_valid_status",
            )
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("org:roster_import_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.FAILED, self.Status.DONE)

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 0 if not self.is_finished else 100
        return min(100, round(100 * self.processed_rows / self.total_rows))


class DataRequest(models.Model):
    """A person's request about their own data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị
    định 356/2025/NĐ-CP; issue 12, item 7): what they asked, when, and by when the unit must
    acknowledge it (2 working days) and settle it. Kept after erasure: the fact, not the
    person's values."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Xem, nhận bản sao dữ liệu")
        CORRECT = "correct", _("Sửa dữ liệu")
        ERASE = "erase", _("Xóa dữ liệu")
        RESTRICT = "restrict", _("Hạn chế xử lý")
        OBJECT = "object", _("Phản đối xử lý")
        WITHDRAW = "withdraw", _("Rút lại sự đồng ý")

    person = models.ForeignKey(
        Person,
        verbose_name=_("người yêu cầu"),
        on_delete=models.PROTECT,
        related_name="data_requests",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("nội dung yêu cầu"), max_length=10, choices=Kind.choices)
    received_on = models.DateField(_("ngày nhận"))
    channel = models.CharField(_("hình thức gửi"), max_length=120, blank=True)
    acknowledge_by = models.DateField(_("hạn báo đã nhận"))
    due_on = models.DateField(_("hạn giải quyết"))
    acknowledged_on = models.DateField(_("ngày báo đã nhận"), null=True, blank=True)
    settled_on = models.DateField(_("ngày giải quyết xong"), null=True, blank=True)
    outcome = models.TextField(_("kết quả giải quyết"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu về dữ liệu cá nhân")
        verbose_name_plural = _("yêu cầu về dữ liệu cá nhân")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {format_vn_date(self.received_on)}"

    def get_absolute_url(self) -> str:
        return reverse("org:data_request", args=[self.pk])

    @property
    def stage(self) -> str:
        if self.settled_on:
            return str(_("Đã giải quyết"))
        if self.acknowledged_on:
            return str(_("Đang giải quyết"))
        return str(_("Chờ báo đã nhận"))

    def late_on(self, today: dt.date) -> str:
        """What is overdue on `today`: the acknowledgement, the settlement, or nothing."""
        if not self.acknowledged_on and today > self.acknowledge_by:
            return str(_("quá hạn báo đã nhận"))
        if not self.settled_on and today > self.due_on:
            return str(_("quá hạn giải quyết"))
        return ""
