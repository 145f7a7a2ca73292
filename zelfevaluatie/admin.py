from django.contrib import admin

from competentie.adminguard import GuardedAdmin, ReadOnlyInline

from . import models


class RoundProfileInline(ReadOnlyInline, admin.TabularInline):
    model = models.RoundProfile
    fields = ["profile", "order", "fingerprint"]
    readonly_fields = ["fingerprint"]
    raw_id_fields = ["profile"]
    extra = 0


class ParticipantInline(ReadOnlyInline, admin.TabularInline):
    model = models.Participant
    raw_id_fields = ["user"]
    extra = 0


class ProfileConclusionInline(ReadOnlyInline, admin.StackedInline):
    model = models.ProfileConclusion
    raw_id_fields = ["profile", "recorded_by"]
    extra = 0


class ActionInline(ReadOnlyInline, admin.StackedInline):
    model = models.Action
    raw_id_fields = ["profile", "carried_from"]
    extra = 0


class PeerReviewInline(ReadOnlyInline, admin.TabularInline):
    model = models.PeerReview
    raw_id_fields = ["reviewer", "organisation", "invited_by"]
    extra = 0


@admin.register(models.EvaluationRound)
class EvaluationRoundAdmin(GuardedAdmin):
    list_display = ["organisation", "period", "framework", "status", "created_at", "finished_at"]
    list_filter = ["status", "organisation", "framework"]
    search_fields = ["organisation__name", "period", "contact_name"]
    raw_id_fields = ["organisation", "framework", "scale", "previous_round", "created_by"]
    date_hierarchy = "created_at"
    inlines = [RoundProfileInline, ParticipantInline, ProfileConclusionInline, PeerReviewInline, ActionInline]


@admin.register(models.RoundProfile)
class RoundProfileAdmin(GuardedAdmin):
    list_display = ["round", "profile", "order", "fingerprint"]
    list_filter = ["round__organisation"]
    search_fields = ["profile__name", "round__period"]
    raw_id_fields = ["round", "profile"]


class RatingInline(ReadOnlyInline, admin.TabularInline):
    model = models.Rating
    raw_id_fields = ["profile"]
    extra = 0


@admin.register(models.Participant)
class ParticipantAdmin(GuardedAdmin):
    list_display = ["user", "round", "invited_at"]
    list_filter = ["round__organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "round__period"]
    raw_id_fields = ["round", "user"]
    inlines = [RatingInline]


@admin.register(models.Rating)
class RatingAdmin(GuardedAdmin):
    list_display = ["participant", "profile", "score", "updated_at"]
    list_filter = ["score", "participant__round__organisation"]
    search_fields = ["participant__user__username", "profile__name", "justification"]
    raw_id_fields = ["participant", "profile"]


@admin.register(models.Answer)
class AnswerAdmin(GuardedAdmin):
    list_display = ["round", "question", "participant", "profile", "updated_at"]
    list_filter = ["question__question_set__purpose", "round__organisation"]
    search_fields = ["text", "question__text"]
    raw_id_fields = ["round", "question", "participant", "profile", "updated_by"]


@admin.register(models.ProfileConclusion)
class ProfileConclusionAdmin(GuardedAdmin):
    list_display = ["round", "profile", "agreed_score", "recorded_by", "updated_at"]
    list_filter = ["agreed_score", "round__organisation"]
    search_fields = ["profile__name", "justification"]
    raw_id_fields = ["round", "profile", "recorded_by"]


class PeerReviewNoteInline(ReadOnlyInline, admin.StackedInline):
    model = models.PeerReviewNote
    raw_id_fields = ["question"]
    extra = 0


@admin.register(models.PeerReview)
class PeerReviewAdmin(GuardedAdmin):
    list_display = ["reviewer", "organisation", "round", "invited_at"]
    list_filter = ["organisation"]
    search_fields = ["reviewer__username", "organisation__name", "round__period"]
    raw_id_fields = ["round", "reviewer", "organisation", "invited_by"]
    inlines = [PeerReviewNoteInline]


@admin.register(models.PeerReviewNote)
class PeerReviewNoteAdmin(GuardedAdmin):
    list_display = ["peer_review", "question", "updated_at"]
    search_fields = ["text"]
    raw_id_fields = ["peer_review", "question"]


@admin.register(models.Action)
class ActionAdmin(GuardedAdmin):
    list_display = ["what", "round", "profile", "owner", "deadline", "status"]
    list_filter = ["status", "round__organisation"]
    search_fields = ["what", "measure", "owner"]
    raw_id_fields = ["round", "profile", "carried_from"]
