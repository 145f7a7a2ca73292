from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q

from competentie.adminguard import GuardedAdmin, ReadOnlyInline, is_platform_operator

from . import models, services


class MembershipInline(ReadOnlyInline, admin.TabularInline):
    """The members, shown on the organisation; they are added and changed under Lidmaatschappen."""

    model = models.Membership
    fields = ["user", "role"]

    def may_view(self, request, obj=None):
        return services.can_administer(request.user, getattr(obj, "pk", None)) or super().may_view(request, obj)


@admin.register(models.Organisation)
class OrganisationAdmin(GuardedAdmin):
    """Platform operators create and rename organisations; a beheerder sees only their own."""

    editable = True
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]

    def may_view(self, request, obj=None):
        administered = services.administered_organisation_ids(request.user)
        return super().may_view(request, obj) or bool(administered) and (obj is None or obj.pk in administered)

    def has_delete_permission(self, request, obj=None):
        return False  # an organisation takes its frameworks, procedures and rounds with it

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_platform_operator(request.user):
            return queryset
        return queryset.filter(pk__in=services.administered_organisation_ids(request.user))

    def save_model(self, request, obj, form, change):
        services.organisation_save(actor=request.user, organisation=obj)


@admin.register(models.Membership)
class MembershipAdmin(GuardedAdmin):
    """Roles per organisation. A beheerder manages the members of their own organisations only."""

    editable = True
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]

    def _administered(self, request) -> list[int]:
        return services.administered_organisation_ids(request.user)

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
                kwargs["queryset"] = models.Organisation.objects.filter(pk__in=administered)
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


class ClusterInline(ReadOnlyInline, admin.TabularInline):
    model = models.Cluster
    extra = 0


class ProficiencyLevelInline(ReadOnlyInline, admin.TabularInline):
    model = models.ProficiencyLevel
    extra = 0


class RoleLevelInline(ReadOnlyInline, admin.StackedInline):
    model = models.RoleLevel
    extra = 0


class DilemmaInline(ReadOnlyInline, admin.StackedInline):
    model = models.Dilemma
    extra = 0


@admin.register(models.Framework)
class FrameworkAdmin(GuardedAdmin):
    list_display = ["name", "organisation", "status", "version", "is_dictionary", "updated_at"]
    list_filter = ["status", "is_dictionary", "organisation"]
    search_fields = ["name", "description", "source"]
    autocomplete_fields = ["organisation", "based_on"]
    inlines = [ClusterInline, ProficiencyLevelInline, RoleLevelInline, DilemmaInline]


class CompetencyIndicatorInline(ReadOnlyInline, admin.TabularInline):
    model = models.BehaviouralIndicator
    fk_name = "competency"
    fields = ["text", "level", "order"]
    extra = 0


@admin.register(models.Competency)
class CompetencyAdmin(GuardedAdmin):
    list_display = ["name", "framework", "cluster", "kind", "hard_to_learn", "order"]
    list_filter = ["hard_to_learn", "kind", "framework"]
    search_fields = ["name", "definition"]
    autocomplete_fields = ["framework", "cluster", "derived_from"]
    list_select_related = ["framework", "cluster"]
    inlines = [CompetencyIndicatorInline]


@admin.register(models.Cluster)
class ClusterAdmin(GuardedAdmin):
    list_display = ["name", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["name"]


class ProfileTaskInline(ReadOnlyInline, admin.TabularInline):
    model = models.ProfileTask
    extra = 0


class ExpertiseAreaInline(ReadOnlyInline, admin.TabularInline):
    model = models.ExpertiseArea
    extra = 0


class DilemmaPositionInline(ReadOnlyInline, admin.TabularInline):
    model = models.DilemmaPosition
    extra = 0


class ProfileCompetencyInline(ReadOnlyInline, admin.TabularInline):
    model = models.ProfileCompetency
    fields = ["competency", "required_level", "note", "order"]
    autocomplete_fields = ["competency"]
    extra = 0


@admin.register(models.Profile)
class ProfileAdmin(GuardedAdmin):
    list_display = ["name", "code", "framework", "parent", "role_level", "order"]
    list_filter = ["framework"]
    search_fields = ["name", "description", "characteristic"]
    autocomplete_fields = ["framework", "parent"]
    list_select_related = ["framework", "parent", "role_level"]
    inlines = [ExpertiseAreaInline, ProfileTaskInline, DilemmaPositionInline, ProfileCompetencyInline]


class ProfileCompetencyIndicatorInline(ReadOnlyInline, admin.TabularInline):
    model = models.BehaviouralIndicator
    fk_name = "profile_competency"
    fields = ["text", "level", "order"]
    extra = 0


@admin.register(models.ProfileCompetency)
class ProfileCompetencyAdmin(GuardedAdmin):
    list_display = ["competency", "profile", "required_level", "order"]
    list_filter = ["profile__framework"]
    search_fields = ["competency__name", "profile__name"]
    autocomplete_fields = ["profile", "competency"]
    list_select_related = ["competency", "profile", "required_level"]
    inlines = [ProfileCompetencyIndicatorInline]


@admin.register(models.BehaviouralIndicator)
class BehaviouralIndicatorAdmin(GuardedAdmin):
    list_display = ["text", "competency", "profile_competency", "level", "order"]
    search_fields = ["text", "competency__name", "profile_competency__competency__name"]
    list_select_related = ["competency", "profile_competency__competency", "profile_competency__profile", "level"]
    autocomplete_fields = ["competency", "profile_competency"]


@admin.register(models.ProficiencyLevel, models.RoleLevel, models.Dilemma)
class FrameworkPartAdmin(GuardedAdmin):
    list_display = ["name", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["name", "description"]


class ScalePointInline(ReadOnlyInline, admin.TabularInline):
    model = models.ScalePoint
    extra = 0


@admin.register(models.RatingScale)
class RatingScaleAdmin(GuardedAdmin):
    list_display = ["name", "organisation", "framework"]
    list_filter = ["organisation"]
    search_fields = ["name", "description"]
    inlines = [ScalePointInline]


class GuidingQuestionInline(ReadOnlyInline, admin.TabularInline):
    model = models.GuidingQuestion
    fields = ["section", "text", "help_text", "profile", "order"]
    extra = 0


@admin.register(models.GuidingQuestionSet)
class GuidingQuestionSetAdmin(GuardedAdmin):
    list_display = ["name", "purpose", "framework", "order"]
    list_filter = ["purpose", "framework"]
    search_fields = ["name", "description", "questions__text"]
    inlines = [GuidingQuestionInline]


# --- Authoring --------------------------------------------------------------------------------


@admin.register(models.FrameworkStep)
class FrameworkStepAdmin(GuardedAdmin):
    list_display = ["framework", "number", "done", "updated_by", "updated_at"]
    list_filter = ["done", "number"]
    search_fields = ["framework__name", "output"]
    raw_id_fields = ["framework", "updated_by"]


@admin.register(models.Reviewer)
class ReviewerAdmin(GuardedAdmin):
    list_display = ["framework", "user", "invited_by", "invited_at"]
    search_fields = ["framework__name", "user__username"]
    raw_id_fields = ["framework", "user", "invited_by"]


@admin.register(models.ReviewComment)
class ReviewCommentAdmin(GuardedAdmin):
    list_display = ["framework", "competency", "author", "created_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["framework__name", "text"]
    raw_id_fields = ["framework", "competency", "indicator", "author", "resolved_by"]
