from django.contrib import admin

from competentie.adminguard import GuardedAdmin, ReadOnlyInline

from . import models


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
