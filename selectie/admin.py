from django.contrib import admin

from competentie.adminguard import GuardedAdmin, ReadOnlyInline

from . import models


class ExerciseInline(ReadOnlyInline, admin.TabularInline):
    model = models.Exercise
    extra = 0
    filter_horizontal = ["competencies"]


@admin.register(models.SelectionProcedure)
class SelectionProcedureAdmin(GuardedAdmin):
    list_display = ["name", "organisation", "profile", "scale", "status", "selection_date", "closed_on"]
    list_filter = ["status", "organisation"]
    search_fields = ["name", "description", "organisation__name"]
    raw_id_fields = ["profile"]
    inlines = [ExerciseInline]


@admin.register(models.Exercise)
class ExerciseAdmin(GuardedAdmin):
    list_display = ["name", "procedure", "kind", "phase", "order"]
    list_filter = ["kind", "phase"]
    search_fields = ["name", "procedure__name"]
    filter_horizontal = ["competencies"]


class PersonalDataInline(ReadOnlyInline, admin.StackedInline):
    model = models.CandidatePersonalData
    extra = 0
    raw_id_fields = ["consent_recorded_by"]


@admin.register(models.Candidate)
class CandidateAdmin(GuardedAdmin):
    list_display = ["code", "procedure", "created_at", "purged_at"]
    list_filter = ["procedure__organisation"]
    search_fields = ["code", "procedure__name"]
    inlines = [PersonalDataInline]


@admin.register(models.CandidatePersonalData)
class CandidatePersonalDataAdmin(GuardedAdmin):
    list_display = ["candidate", "name", "email", "consent_until"]
    search_fields = ["name", "email", "candidate__code"]
    raw_id_fields = ["candidate", "consent_recorded_by"]


@admin.register(models.Assignment)
class AssignmentAdmin(GuardedAdmin):
    list_display = ["procedure", "candidate", "exercise", "selecteur"]
    list_filter = ["procedure"]
    search_fields = ["candidate__code", "selecteur__username", "exercise__name"]
    raw_id_fields = ["candidate", "exercise", "selecteur"]


@admin.register(models.Score)
class ScoreAdmin(GuardedAdmin):
    list_display = ["assignment", "competency", "value", "updated_at"]
    list_filter = ["assignment__procedure"]
    search_fields = ["assignment__candidate__code", "competency__name", "evidence"]
    raw_id_fields = ["assignment", "competency"]
    filter_horizontal = ["observed_indicators"]


@admin.register(models.Submission)
class SubmissionAdmin(GuardedAdmin):
    list_display = ["candidate", "selecteur", "submitted_at"]
    list_filter = ["candidate__procedure"]
    search_fields = ["candidate__code", "selecteur__username"]
    raw_id_fields = ["candidate", "selecteur"]


@admin.register(models.ConsensusScore)
class ConsensusScoreAdmin(GuardedAdmin):
    list_display = ["candidate", "competency", "value", "decided_by", "decided_at"]
    list_filter = ["candidate__procedure"]
    search_fields = ["candidate__code", "competency__name", "rationale"]
    raw_id_fields = ["candidate", "competency", "decided_by"]


@admin.register(models.ConsensusProposal)
class ConsensusProposalAdmin(GuardedAdmin):
    list_display = ["candidate", "competency", "author", "value", "created_at"]
    list_filter = ["candidate__procedure"]
    search_fields = ["candidate__code", "competency__name", "comment"]
    raw_id_fields = ["candidate", "competency", "author"]


@admin.register(models.Decision)
class DecisionAdmin(GuardedAdmin):
    list_display = ["candidate", "outcome", "decided_by", "decided_at"]
    list_filter = ["outcome", "candidate__procedure"]
    search_fields = ["candidate__code", "justification"]
    raw_id_fields = ["candidate", "decided_by"]


@admin.register(models.CriteriaVersion)
class CriteriaVersionAdmin(GuardedAdmin):
    list_display = ["procedure", "number", "frozen_at", "created_by", "created_at"]
    list_filter = ["procedure__organisation"]
    search_fields = ["procedure__name", "reason"]
    raw_id_fields = ["procedure", "created_by"]


@admin.register(models.PracticeCase)
class PracticeCaseAdmin(GuardedAdmin):
    list_display = ["title", "procedure", "order"]
    search_fields = ["title", "procedure__name"]
    raw_id_fields = ["procedure"]


@admin.register(models.PracticeExpertScore)
class PracticeExpertScoreAdmin(GuardedAdmin):
    list_display = ["case", "competency", "value"]
    raw_id_fields = ["case", "competency"]
    filter_horizontal = ["indicators"]


@admin.register(models.PracticeAttempt)
class PracticeAttemptAdmin(GuardedAdmin):
    list_display = ["case", "selecteur", "submitted_at"]
    raw_id_fields = ["case", "selecteur"]


@admin.register(models.PracticeRating)
class PracticeRatingAdmin(GuardedAdmin):
    list_display = ["attempt", "competency", "value"]
    raw_id_fields = ["attempt", "competency"]
    filter_horizontal = ["observed_indicators"]


@admin.register(models.RejectionLetter)
class RejectionLetterAdmin(GuardedAdmin):
    """Who was sent a letter and when; the text is personal and stays in the application."""

    list_display = ["candidate", "sent_at", "sent_by"]
    fields = ["candidate", "sent_at", "sent_by"]
    raw_id_fields = ["candidate", "sent_by"]


@admin.register(models.FairnessSetup)
class FairnessSetupAdmin(GuardedAdmin):
    list_display = ["organisation", "characteristics", "updated_at"]


@admin.register(models.FairnessInvitation)
class FairnessInvitationAdmin(GuardedAdmin):
    list_display = ["candidate", "sent_at"]
    fields = ["candidate", "sent_at"]
    raw_id_fields = ["candidate"]


@admin.register(models.FairnessAnswer)
class FairnessAnswerAdmin(GuardedAdmin):
    """Only which characteristic was answered: no answer is shown per person, not here either."""

    list_display = ["characteristic"]
    fields = ["characteristic"]
