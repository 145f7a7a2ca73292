from django.urls import path

from .views import exports, rounds, scoring, steps

app_name = "zelfevaluatie"

urlpatterns = [
    path("", rounds.round_list, name="round-list"),
    path("nieuw/", rounds.round_create, name="round-create"),
    path("<int:pk>/", rounds.round_detail, name="round-detail"),
    path("<int:pk>/gegevens/", rounds.round_update, name="round-update"),
    path("<int:pk>/status/", rounds.round_advance, name="round-advance"),
    path("<int:pk>/geschiedenis/", rounds.round_history, name="round-history"),
    path("<int:pk>/deelnemers/", rounds.participant_add, name="participant-add"),
    path("<int:pk>/deelnemers/<int:participant_pk>/verwijderen/", rounds.participant_remove, name="participant-remove"),
    path("<int:pk>/profielen/<int:profile_pk>/", scoring.rating, name="rating"),
    path("<int:pk>/profielen/<int:profile_pk>/opslaan/", scoring.rating_autosave, name="rating-autosave"),
    path("<int:pk>/profielen/<int:profile_pk>/groei/", scoring.profile_history, name="profile-history"),
    path("<int:pk>/team/", scoring.team, name="team"),
    path("<int:pk>/team/<int:profile_pk>/", scoring.conclusion_save, name="conclusion-save"),
    path("<int:pk>/team/openen/", scoring.team_open, name="team-open"),
    path("<int:pk>/vergadering/<int:profile_pk>/", scoring.meeting, name="meeting"),
    path("<int:pk>/scoorders/", rounds.scorers, name="scorers"),
    path("<int:pk>/collegiale-toetsing/", steps.peer_reviews, name="peer-reviews"),
    path("<int:pk>/collegiale-toetsing/<int:review_pk>/", steps.peer_notes, name="peer-notes"),
    path(
        "<int:pk>/collegiale-toetsing/<int:review_pk>/opslaan/", steps.peer_notes_autosave, name="peer-notes-autosave"
    ),
    path(
        "<int:pk>/collegiale-toetsing/<int:review_pk>/intrekken/", steps.peer_review_remove, name="peer-review-remove"
    ),
    path("<int:pk>/collegiale-toetsing/<int:review_pk>/gesprek/", steps.peer_host_notes, name="peer-host-notes"),
    path("<int:pk>/conclusies/", steps.conclusions, name="conclusions"),
    path("<int:pk>/conclusies/opslaan/", steps.conclusions_autosave, name="conclusions-autosave"),
    path("<int:pk>/acties/nieuw/", steps.action_form, name="action-create"),
    path("<int:pk>/acties/<int:action_pk>/", steps.action_form, name="action-update"),
    path("<int:pk>/acties/<int:action_pk>/verwijderen/", steps.action_delete, name="action-delete"),
    path("<int:pk>/verslag.pdf", exports.round_pdf, name="round-pdf"),
    path("<int:pk>/export.csv", exports.round_csv_export, name="round-csv"),
    path("<int:pk>/export.json", exports.round_json_export, name="round-json"),
]
