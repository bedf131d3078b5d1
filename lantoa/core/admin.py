"""Admin for superusers only; edits made there still leave an audit row."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from lantoa.core.audit import audit_record
from lantoa.core.models import AuditEntry, OutgoingMail


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes are written to the audit trail."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changes = {name: [None, str(form.cleaned_data.get(name))] for name in form.changed_data}
        audit_record(
            actor=request.user,
            action=f"{obj._meta.model_name}.{'changed' if change else 'created'}",
            obj=obj,
            unit_path=_unit_path(obj),
            changes=changes,
            ip_address=request.META.get("REMOTE_ADDR"),
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(
            actor=request.user,
            action=f"{obj._meta.model_name}.deleted",
            obj=obj,
            unit_path=_unit_path(obj),
            ip_address=request.META.get("REMOTE_ADDR"),
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


def _unit_path(obj: Any) -> str:
    if hasattr(obj, "path"):
        return obj.path
    unit = getattr(obj, "unit", None)
    return getattr(unit, "path", "") or ""


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["actor_name", "object_repr"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox: what left, what waits for a retry and why, what failed (issue 11, item 8)."""

    list_display = ["created_at", "to", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
