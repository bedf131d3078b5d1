"""Users, their roles bound to units, and the scope those roles give (issue 2)."""

from __future__ import annotations

from functools import cached_property
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.roles import Role
from lantoa.accounts.scoping import scope_for_roles
from lantoa.core.scoping import Scope
from lantoa.org.models import Person, Unit

__all__ = ["Notification", "NotifyBy", "Role", "RoleAssignment", "User"]


class LantoaUserManager(UserManager["User"]):
    def get_by_login(self, login: str) -> User:
        """A user by username or, when the text holds "@", by e-mail (both case-insensitive)."""
        if "@" in login:
            return self.get(email__iexact=login.strip())
        return self.get(username__iexact=login.strip())


class NotifyBy(models.TextChoices):
    """How notifications reach a person by e-mail; in the app they always do (issue 14, item 8)."""

    IMMEDIATE = "immediate", _("Gửi thư ngay khi có nhắc việc")
    DAILY_DIGEST = "daily_digest", _("Gộp thành một thư mỗi sáng")
    NEVER = "never", _("Không gửi thư")


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("trong danh sách cán bộ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accounts",
    )

    NotifyBy = NotifyBy  # known as User.NotifyBy

    notify_by = models.CharField(
        _("nhận thư nhắc việc"), max_length=16, choices=NotifyBy.choices, default=NotifyBy.IMMEDIATE
    )
    # When `notify_by` was last changed: a digest gathers only what came after, so turning the
    # digest on never mails the backlog of a time without e-mail.
    notify_by_since = models.DateTimeField(null=True, blank=True, editable=False)

    objects: ClassVar[LantoaUserManager] = LantoaUserManager()

    @classmethod
    def normalize_username(cls, username: str) -> str:
        """One identity per account (issue 12, item 1): usernames are kept lower-cased, so
        "Victim5" and "victim5" are one account for sign-in and for the lockout."""
        return super().normalize_username(username).lower()

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="user_unique_email_ci",
            ),
            models.CheckConstraint(
                condition=Q(notify_by__in=NotifyBy.values), name="user_valid_notify_by"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @cached_property
    def roles(self) -> list[RoleAssignment]:
        return list(self.role_assignments.select_related("unit"))

    @cached_property
    def scope(self) -> Scope:
        """What this user may read and write; computed once per request (issue 2, item 6)."""
        return scope_for_roles(self.roles, is_superuser=self.is_superuser)

    def has_role(self, *roles: str) -> bool:
        return any(a.role in roles for a in self.roles)

    @property
    def primary_role(self) -> RoleAssignment | None:
        return self.roles[0] if self.roles else None


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="role_assignments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        ordering = ["user", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="role_unique_per_unit"),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="role_assignment_valid_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.unit}"


class Notification(models.Model):
    """An in-app message (a reminder, a returned result ...) with where to go about it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("nội dung"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [
            # home page: a user's unread notifications
            models.Index(fields=["user", "read_at"], name="notification_unread_idx"),
            # notifications page: a user's history, newest first
            models.Index(fields=["user", "-created_at"], name="notification_history_idx"),
        ]

    def __str__(self) -> str:
        return self.text
