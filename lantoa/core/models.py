"""The audit trail: who created, changed or deleted which record, when, with which fields.

It lives in `core` because every domain app writes to it from its services and `core` is the
one app they all may import (docs/decisions.md).
"""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lantoa.core.dates import format_vn_datetime
from lantoa.core.files import IMAGE_KINDS


class AuditEntry(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("thao tác"), max_length=60, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("bản ghi"), max_length=255, blank=True)
    # Folded copies for search that ignores case and diacritics.
    actor_folded = models.CharField(max_length=150, blank=True, editable=False)
    object_folded = models.CharField(max_length=255, blank=True, editable=False)
    # The unit the record belongs to, so the trail is scoped like everything else.
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [
            # audit_list_for: the trail of one record
            models.Index(fields=["content_type", "object_id"], name="audit_record_idx"),
        ]

    def __str__(self) -> str:
        return f"{format_vn_datetime(self.at)} {self.actor_name} {self.action} {self.object_repr}"

    @property
    def action_label(self) -> str:
        """The action in words ("person.moved" → "Chuyển đơn vị"), else the code itself."""
        return str(ACTION_LABELS.get(self.action, self.action))

    def changes_display(self) -> list[tuple[str, Any, Any]]:
        """(field label, old, new) with the model's own field names, for the audit page; any
        field or value an entry holds displays (issue 10, item 5)."""
        model = self.content_type.model_class() if self.content_type is not None else None
        rows = []
        for name, values in self.changes.items():
            label = _field_label(model, name) if model is not None else name
            pair = list(values) if isinstance(values, list | tuple) else [None, values]
            old, new = (pair + [None, None])[:2]
            rows.append((label, _yes_no(old), _yes_no(new)))
        return rows


def _field_label(model: Any, name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    if hasattr(field, "verbose_name"):
        return str(field.verbose_name)
    return str(field.related_model._meta.verbose_name_plural)  # a reverse relation: "tasks"


def _yes_no(value: Any) -> Any:
    if value is True:
        return _("có")
    if value is False:
        return _("không")
    return value


ACTION_LABELS = {
    "unit.created": pgettext_lazy("audit action", "Thêm đơn vị"),
    "unit.changed": pgettext_lazy("audit action", "Sửa đơn vị"),
    "unit.deleted": pgettext_lazy("audit action", "Xóa đơn vị"),
    "person.created": pgettext_lazy("audit action", "Thêm cán bộ"),
    "person.changed": pgettext_lazy("audit action", "Sửa thông tin cán bộ"),
    "person.moved": pgettext_lazy("audit action", "Chuyển đơn vị"),
    "person.deleted": pgettext_lazy("audit action", "Xóa cán bộ"),
    "posting.changed": pgettext_lazy("audit action", "Sửa quá trình công tác"),
    "audience.created": pgettext_lazy("audit action", "Thêm nhóm đối tượng"),
    "audience.changed": pgettext_lazy("audit action", "Sửa nhóm đối tượng"),
    "audience.deleted": pgettext_lazy("audit action", "Xóa nhóm đối tượng"),
    "user.created": pgettext_lazy("audit action", "Tạo tài khoản"),
    "user.changed": pgettext_lazy("audit action", "Sửa tài khoản"),
    "roleassignment.created": pgettext_lazy("audit action", "Giao vai trò"),
    "role.assigned": pgettext_lazy("audit action", "Giao vai trò"),
    "role.revoked": pgettext_lazy("audit action", "Thu hồi vai trò"),
    "auth.login": pgettext_lazy("audit action", "Đăng nhập"),
    "auth.logout": pgettext_lazy("audit action", "Đăng xuất"),
    "auth.login_failed": pgettext_lazy("audit action", "Đăng nhập sai"),
}


class EvidenceFile(models.Model):
    """What every evidence file (minh chứng) keeps; subclasses add what it proves and where the
    file goes. Checked by `core.files.check_evidence`, served by `core.files.evidence_response`."""

    file: FieldFile  # each subclass's own FileField, with its own upload path
    original_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.kind in IMAGE_KINDS


class LiveManager(models.Manager):
    """The default manager of a soft-deletable model: records not deleted. Reverse relations
    use it too, so `activity.attendances` and every count leave deleted rows out; the
    `all_objects` manager beside it reaches them for the restore page."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleted(models.Model):
    """Who deleted a record, when and why; a deleted record counts nowhere and the coordinator
    can restore it (issue 10, item 4)."""

    deleted_at = models.DateTimeField(_("xóa lúc"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    deletion_reason = models.CharField(_("lý do xóa"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class OutgoingMail(models.Model):
    """An e-mail on its way out, and how its delivery went (issue 11, item 8; `core.mail`)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ gửi")
        SENDING = "sending", _("Đang gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    to = models.EmailField(_("người nhận"))
    subject = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi lần thử gần nhất"), blank=True)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # mails_due: the queue the sweep reads every minute
            models.Index(fields=["status", "next_attempt_at"], name="outgoing_mail_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class RateLimitHit(models.Model):
    """One counted attempt (a password-reset request, a self check-in) under a limit: which
    limit, whose key (an address, an IP), when (issue 12, item 3). Kept in the database, so
    one ward needs no Redis; old rows are deleted as limits are checked."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=200)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="ratelimit_scope_key_at_idx")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} {format_vn_datetime(self.at)}"
