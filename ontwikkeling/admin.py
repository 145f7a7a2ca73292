"""A read-mostly admin for platform operators: the guide's texts never change here, and one
participant's answers are not shown at all (only the participant and their coach see them)."""

from django.contrib import admin

from . import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.GuideText)
class GuideTextAdmin(ReadOnlyAdmin):
    list_display = ["kind", "code", "step", "title", "title_is_ours"]
    list_filter = ["kind", "title_is_ours"]
    search_fields = ["title", "text"]


@admin.register(models.Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation", "framework", "created_at"]
    list_filter = ["organisation"]
    search_fields = ["name"]
    list_select_related = ["organisation", "framework"]


@admin.register(models.Cohort)
class CohortAdmin(ReadOnlyAdmin):
    list_display = ["name", "programme", "starts_on"]
    list_select_related = ["programme"]
