from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from lantoa.accounts.models import RoleAssignment, User
from lantoa.core.admin import AuditedAdmin


def superuser_only(request: HttpRequest) -> bool:
    """Django admin is for superusers; everyone else works through the scoped pages."""
    return bool(request.user.is_active and request.user.is_superuser)


admin.site.has_permission = superuser_only  # type: ignore[method-assign]


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(User)
class LantoaUserAdmin(AuditedAdmin, UserAdmin):
    inlines = [RoleInline]
    list_display = ["username", "full_name", "email", "is_active", "is_superuser"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Lan Tỏa", {"fields": ("full_name", "person")}))
    raw_id_fields = ["person"]
