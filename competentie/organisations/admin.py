"""Organisations and memberships in `/beheer/`: platform operators create and rename organisations;
a beheerder reads their own organisation and gives its members roles. Every write goes through the
services, which record it in the audit log."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q

from competentie.adminguard import GuardedAdmin, ReadOnlyInline, is_platform_operator

from . import access, services
from .models import Membership, Organisation


class MembershipInline(ReadOnlyInline, admin.TabularInline):
    """The members, shown on the organisation; they are added and changed under Lidmaatschappen."""

    model = Membership
    fields = ["user", "role"]

    def may_view(self, request, obj=None):
        return access.can_administer(request.user, getattr(obj, "pk", None)) or super().may_view(request, obj)


@admin.register(Organisation)
class OrganisationAdmin(GuardedAdmin):
    """Platform operators create and rename organisations; a beheerder sees only their own."""

    editable = True
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]

    def may_view(self, request, obj=None):
        administered = access.administered_organisation_ids(request.user)
        return super().may_view(request, obj) or bool(administered) and (obj is None or obj.pk in administered)

    def has_delete_permission(self, request, obj=None):
        return False  # an organisation takes its frameworks, procedures and rounds with it

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_platform_operator(request.user):
            return queryset
        return queryset.filter(pk__in=access.administered_organisation_ids(request.user))

    def save_model(self, request, obj, form, change):
        services.organisation_save(actor=request.user, organisation=obj)


@admin.register(Membership)
class MembershipAdmin(GuardedAdmin):
    """Roles per organisation. A beheerder manages the members of their own organisations only."""

    editable = True
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]

    def _administered(self, request) -> list[int]:
        return access.administered_organisation_ids(request.user)

    def may_view(self, request, obj=None):
        return (
            super().may_view(request, obj)
            or bool(self._administered(request))
            and (obj is None or obj.organisation_id in self._administered(request))
        )

    def may_write(self, request, obj=None):
        return self.may_view(request, obj)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_platform_operator(request.user):
            return queryset
        return queryset.filter(organisation__in=self._administered(request))

    def get_list_filter(self, request):
        return self.list_filter if is_platform_operator(request.user) else ["role"]

    def get_readonly_fields(self, request, obj=None):
        return ["user", "organisation"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not is_platform_operator(request.user):
            administered = self._administered(request)
            if db_field.name == "organisation":
                kwargs["queryset"] = Organisation.objects.filter(pk__in=administered)
            elif db_field.name == "user":
                # Colleagues already in one's organisation, or accounts that belong to none yet:
                # never a list of another organisation's people.
                kwargs["queryset"] = (
                    get_user_model()
                    .objects.filter(Q(memberships__organisation__in=administered) | Q(memberships__isnull=True))
                    .distinct()
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        saved = services.membership_set(actor=request.user, organisation=obj.organisation, user=obj.user, role=obj.role)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.membership_remove(actor=request.user, membership=obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("user", "organisation"):
            services.membership_remove(actor=request.user, membership=membership)
