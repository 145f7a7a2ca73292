from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the services and never changed, not even by a superuser."""

    list_display = ["at", "actor", "action", "content_type", "content_id", "text"]
    list_filter = ["action", "content_type"]
    search_fields = ["action", "actor__username"]
    date_hierarchy = "at"
    list_select_related = ["actor", "content_type"]
    readonly_fields = ["at", "actor", "content_type", "content_id", "action", "purpose", "result", "params", "text"]

    @admin.display(description=_("wat"))
    def text(self, event):
        return event.text

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
