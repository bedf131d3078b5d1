from django.contrib import admin

from lantoa.core.admin import AuditedAdmin
from lantoa.org.models import Audience, Division, Person, Posting, Unit


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "division_type", "parent"]
    search_fields = ["code", "name", "codename"]
    list_filter = ["level"]


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["code", "name", "kind", "parent"]
    search_fields = ["code", "name"]
    list_filter = ["kind"]
    raw_id_fields = ["parent", "division", "head"]
    readonly_fields = ["path", "depth"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["full_name", "staff_category", "unit", "active_to"]
    search_fields = ["name_folded", "full_name"]
    list_filter = ["staff_category"]
    raw_id_fields = ["unit"]


@admin.register(Posting)
class PostingAdmin(AuditedAdmin):
    list_display = ["person", "unit", "start", "end"]
    raw_id_fields = ["person", "unit"]


@admin.register(Audience)
class AudienceAdmin(AuditedAdmin):
    list_display = ["name", "unit"]
    raw_id_fields = ["unit"]
