from django.contrib import admin

from lantoa.core.admin import AuditedAdmin
from lantoa.plans.models import Plan, Task, TaskOccurrence


class TaskInline(admin.TabularInline):
    model = Task
    fields = ["position", "title", "lead_unit", "due", "recurrence"]
    raw_id_fields = ["lead_unit"]
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["number", "title", "issuer", "status", "date"]
    list_filter = ["status"]
    search_fields = ["number", "title"]
    raw_id_fields = ["issuer", "parent", "created_by"]
    inlines = [TaskInline]


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["title", "plan", "lead_unit", "due", "recurrence"]
    search_fields = ["title"]
    raw_id_fields = ["plan", "group", "parent", "parent_task", "assignee", "lead_unit"]
    filter_horizontal = ["support_units"]


@admin.register(TaskOccurrence)
class TaskOccurrenceAdmin(AuditedAdmin):
    list_display = ["task", "label", "due", "status", "completed_on"]
    list_filter = ["status"]
    raw_id_fields = ["task"]
