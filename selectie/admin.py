from django.contrib import admin

from . import models


class ExerciseInline(admin.TabularInline):
    model = models.Exercise
    extra = 0
    filter_horizontal = ["competencies"]


@admin.register(models.SelectionProcedure)
class SelectionProcedureAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "profile", "scale", "status", "selection_date", "closed_on"]
    list_filter = ["status", "organisation"]
    search_fields = ["name", "description", "organisation__name"]
    raw_id_fields = ["profile"]
    inlines = [ExerciseInline]


@admin.register(models.Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "procedure", "kind", "phase", "order"]
    list_filter = ["kind", "phase"]
    search_fields = ["name", "procedure__name"]
    filter_horizontal = ["competencies"]


class PersonalDataInline(admin.StackedInline):
    model = models.CandidatePersonalData
    extra = 0
    raw_id_fields = ["consent_recorded_by"]


@admin.register(models.Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["code", "procedure", "created_at", "purged_at"]
    list_filter = ["procedure__organisation"]
    search_fields = ["code", "procedure__name"]
    inlines = [PersonalDataInline]


@admin.register(models.CandidatePersonalData)
class CandidatePersonalDataAdmin(admin.ModelAdmin):
    list_display = ["candidate", "name", "email", "consent_until"]
    search_fields = ["name", "email", "candidate__code"]
    raw_id_fields = ["candidate", "consent_recorded_by"]


@admin.register(models.Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["procedure", "candidate", "exercise", "selecteur"]
    list_filter = ["procedure"]
    search_fields = ["candidate__code", "selecteur__username", "exercise__name"]
    raw_id_fields = ["candidate", "exercise", "selecteur"]


class ScoreChangeInline(admin.TabularInline):
    model = models.ScoreChange
    fk_name = "score"
    extra = 0
    readonly_fields = ["changed_by", "changed_at", "field", "old", "new", "reason"]


@admin.register(models.Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["assignment", "competency", "value", "updated_at"]
    list_filter = ["assignment__procedure"]
    search_fields = ["assignment__candidate__code", "competency__name", "evidence"]
    raw_id_fields = ["assignment", "competency"]
    filter_horizontal = ["observed_indicators"]
    inlines = [ScoreChangeInline]


@admin.register(models.Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["candidate", "selecteur", "submitted_at"]
    list_filter = ["candidate__procedure"]
    search_fields = ["candidate__code", "selecteur__username"]
    raw_id_fields = ["candidate", "selecteur"]


@admin.register(models.ScoreChange)
class ScoreChangeAdmin(admin.ModelAdmin):
    list_display = ["changed_at", "changed_by", "field", "old", "new", "reason"]
    list_filter = ["field"]
    search_fields = ["reason", "old", "new"]
    raw_id_fields = ["score", "consensus", "changed_by"]


@admin.register(models.ConsensusScore)
class ConsensusScoreAdmin(admin.ModelAdmin):
    list_display = ["candidate", "competency", "value", "decided_by", "decided_at"]
    list_filter = ["candidate__procedure"]
    search_fields = ["candidate__code", "competency__name", "rationale"]
    raw_id_fields = ["candidate", "competency", "decided_by"]


@admin.register(models.ConsensusProposal)
class ConsensusProposalAdmin(admin.ModelAdmin):
    list_display = ["candidate", "competency", "author", "value", "created_at"]
    list_filter = ["candidate__procedure"]
    search_fields = ["candidate__code", "competency__name", "comment"]
    raw_id_fields = ["candidate", "competency", "author"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["candidate", "outcome", "decided_by", "decided_at"]
    list_filter = ["outcome", "candidate__procedure"]
    search_fields = ["candidate__code", "justification"]
    raw_id_fields = ["candidate", "decided_by"]


@admin.register(models.PurgeLog)
class PurgeLogAdmin(admin.ModelAdmin):
    list_display = ["purged_at", "candidate_code", "procedure", "via", "purged_by"]
    list_filter = ["via"]
    search_fields = ["candidate_code", "description"]
    readonly_fields = ["procedure", "candidate", "candidate_code", "purged_at", "purged_by", "via", "description"]
