from django.contrib import admin

from . import models


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(models.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


class ClusterInline(admin.TabularInline):
    model = models.Cluster
    extra = 0


class ProficiencyLevelInline(admin.TabularInline):
    model = models.ProficiencyLevel
    extra = 0


class RoleLevelInline(admin.StackedInline):
    model = models.RoleLevel
    extra = 0


class DilemmaInline(admin.StackedInline):
    model = models.Dilemma
    extra = 0


@admin.register(models.Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "status", "version", "is_dictionary", "updated_at"]
    list_filter = ["status", "is_dictionary", "organisation"]
    search_fields = ["name", "description", "source"]
    autocomplete_fields = ["organisation", "based_on"]
    inlines = [ClusterInline, ProficiencyLevelInline, RoleLevelInline, DilemmaInline]


class CompetencyIndicatorInline(admin.TabularInline):
    model = models.BehaviouralIndicator
    fk_name = "competency"
    fields = ["text", "level", "order"]
    extra = 0


@admin.register(models.Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "cluster", "kind", "hard_to_learn", "order"]
    list_filter = ["hard_to_learn", "kind", "framework"]
    search_fields = ["name", "definition"]
    autocomplete_fields = ["framework", "cluster", "derived_from"]
    list_select_related = ["framework", "cluster"]
    inlines = [CompetencyIndicatorInline]


@admin.register(models.Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["name"]


class ProfileTaskInline(admin.TabularInline):
    model = models.ProfileTask
    extra = 0


class ExpertiseAreaInline(admin.TabularInline):
    model = models.ExpertiseArea
    extra = 0


class DilemmaPositionInline(admin.TabularInline):
    model = models.DilemmaPosition
    extra = 0


class ProfileCompetencyInline(admin.TabularInline):
    model = models.ProfileCompetency
    fields = ["competency", "required_level", "note", "order"]
    autocomplete_fields = ["competency"]
    extra = 0


@admin.register(models.Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "framework", "parent", "role_level", "order"]
    list_filter = ["framework"]
    search_fields = ["name", "description", "characteristic"]
    autocomplete_fields = ["framework", "parent"]
    list_select_related = ["framework", "parent", "role_level"]
    inlines = [ExpertiseAreaInline, ProfileTaskInline, DilemmaPositionInline, ProfileCompetencyInline]


class ProfileCompetencyIndicatorInline(admin.TabularInline):
    model = models.BehaviouralIndicator
    fk_name = "profile_competency"
    fields = ["text", "level", "order"]
    extra = 0


@admin.register(models.ProfileCompetency)
class ProfileCompetencyAdmin(admin.ModelAdmin):
    list_display = ["competency", "profile", "required_level", "order"]
    list_filter = ["profile__framework"]
    search_fields = ["competency__name", "profile__name"]
    autocomplete_fields = ["profile", "competency"]
    list_select_related = ["competency", "profile", "required_level"]
    inlines = [ProfileCompetencyIndicatorInline]


@admin.register(models.BehaviouralIndicator)
class BehaviouralIndicatorAdmin(admin.ModelAdmin):
    list_display = ["text", "competency", "profile_competency", "level", "order"]
    search_fields = ["text", "competency__name", "profile_competency__competency__name"]
    list_select_related = ["competency", "profile_competency__competency", "profile_competency__profile", "level"]
    autocomplete_fields = ["competency", "profile_competency"]


@admin.register(models.ProficiencyLevel, models.RoleLevel, models.Dilemma)
class FrameworkPartAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["name", "description"]


class ScalePointInline(admin.TabularInline):
    model = models.ScalePoint
    extra = 0


@admin.register(models.RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "framework"]
    list_filter = ["organisation"]
    search_fields = ["name", "description"]
    inlines = [ScalePointInline]


class GuidingQuestionInline(admin.TabularInline):
    model = models.GuidingQuestion
    fields = ["section", "text", "help_text", "profile", "order"]
    extra = 0


@admin.register(models.GuidingQuestionSet)
class GuidingQuestionSetAdmin(admin.ModelAdmin):
    list_display = ["name", "purpose", "framework", "order"]
    list_filter = ["purpose", "framework"]
    search_fields = ["name", "description", "questions__text"]
    inlines = [GuidingQuestionInline]


# --- Authoring --------------------------------------------------------------------------------


@admin.register(models.FrameworkStep)
class FrameworkStepAdmin(admin.ModelAdmin):
    list_display = ["framework", "number", "done", "updated_by", "updated_at"]
    list_filter = ["done", "number"]
    search_fields = ["framework__name", "output"]
    raw_id_fields = ["framework", "updated_by"]


@admin.register(models.Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    list_display = ["framework", "user", "invited_by", "invited_at"]
    search_fields = ["framework__name", "user__username"]
    raw_id_fields = ["framework", "user", "invited_by"]


@admin.register(models.ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["framework", "competency", "author", "created_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["framework__name", "text"]
    raw_id_fields = ["framework", "competency", "indicator", "author", "resolved_by"]
