"""Identity providers in `/beheer/`: platform operators set them up per organisation (see README)."""

from django.contrib import admin

from competentie import audit
from competentie.adminguard import GuardedAdmin, GuardedAdminMixin, ReadOnlyInline

from .models import ExternalIdentity, GroupRole, IdentityProvider


class GroupRoleInline(GuardedAdminMixin, admin.TabularInline):
    model = GroupRole
    editable = True
    extra = 1


class IdentityInline(ReadOnlyInline, admin.TabularInline):
    model = ExternalIdentity
    fields = ["user", "subject", "created_at", "last_login_at"]
    readonly_fields = fields


@admin.register(IdentityProvider)
class IdentityProviderAdmin(GuardedAdmin):
    editable = True
    list_display = ["organisation", "issuer", "email_domains", "password_login_allowed", "enabled"]
    list_filter = ["enabled", "password_login_allowed"]
    search_fields = ["organisation__name", "issuer", "email_domains"]
    list_select_related = ["organisation"]
    inlines = [GroupRoleInline, IdentityInline]

    def has_delete_permission(self, request, obj=None):
        return False  # switch it off instead: the links of its people must keep their provider

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(request.user, obj, "oidc.provider_saved", within=obj.organisation, issuer=obj.issuer)
