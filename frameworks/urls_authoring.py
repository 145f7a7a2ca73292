"""Authoring routes, appended to frameworks/urls.py (app_name "frameworks")."""

from django.urls import path

from .views import (
    authoring,
    authoring_content,
    authoring_evaluation,
    authoring_indicators,
    authoring_profiles,
    documents,
    review,
)

urlpatterns = [
    # Frameworks
    path("nieuw/", authoring.framework_create, name="framework-create"),
    path("<int:pk>/bewerken/", authoring.framework_edit, name="framework-edit"),
    path("<int:pk>/stappen/<int:number>/", authoring.framework_step, name="framework-step"),
    path("<int:pk>/vertrekpunt/", authoring.framework_derive, name="framework-derive"),
    path("<int:pk>/publiceren/", authoring.framework_publish, name="framework-publish"),
    path("<int:pk>/nieuwe-versie/", authoring.framework_new_version, name="framework-new-version"),
    path("<int:pk>/versies/", authoring.framework_history, name="framework-history"),
    path("<int:pk>/pdf/", documents.framework_pdf, name="framework-pdf"),
    path("<int:pk>/pdf/opbouw/<str:result_id>/", documents.framework_pdf_build, name="framework-pdf-build"),
    path("<int:pk>/afdrukken/", documents.framework_print, name="framework-print"),
    # Rating scale and guiding-question sets (what a self-evaluation round rests on)
    path("<int:pk>/schaal-en-hulpvragen/", authoring_evaluation.evaluation_setup, name="evaluation-setup"),
    path("hulpvragensets/<int:pk>/", authoring_evaluation.question_set_edit, name="question-set-edit"),
    path(
        "hulpvragensets/<int:pk>/verwijderen/",
        authoring_evaluation.question_set_delete,
        name="question-set-delete",
    ),
    path("hulpvragen/<int:pk>/", authoring_evaluation.question_edit, name="question-edit"),
    # Competencies, clusters, levels
    path("<int:pk>/competenties/nieuw/", authoring_content.competency_create, name="competency-create"),
    path("<int:pk>/competenties/kiezen/", authoring_content.competency_pick, name="competency-pick"),
    path("competenties/<int:pk>/bewerken/", authoring_content.competency_edit, name="competency-edit"),
    path("competenties/<int:pk>/verplaatsen/", authoring_content.competency_move, name="competency-move"),
    path("competenties/<int:pk>/verwijderen/", authoring_content.competency_delete, name="competency-delete"),
    path("<int:pk>/clusters/nieuw/", authoring_content.cluster_create, name="cluster-create"),
    path("clusters/<int:pk>/bewerken/", authoring_content.cluster_edit, name="cluster-edit"),
    path("clusters/<int:pk>/verwijderen/", authoring_content.cluster_delete, name="cluster-delete"),
    path("<int:pk>/niveaus/", authoring_content.levels_edit, name="levels-edit"),
    path("niveaus/<int:pk>/bewerken/", authoring_content.level_edit, name="level-edit"),
    path("niveaus/<int:pk>/verplaatsen/", authoring_content.level_move, name="level-move"),
    path("niveaus/<int:pk>/verwijderen/", authoring_content.level_delete, name="level-delete"),
    # Indicators
    path("competenties/<int:pk>/indicatoren/nieuw/", authoring_indicators.indicator_create, name="indicator-create"),
    path(
        "profielcompetenties/<int:pk>/indicatoren/nieuw/",
        authoring_indicators.profile_indicator_create,
        name="profile-indicator-create",
    ),
    path("indicatoren/<int:pk>/bewerken/", authoring_indicators.indicator_edit, name="indicator-edit"),
    path("indicatoren/<int:pk>/verplaatsen/", authoring_indicators.indicator_move, name="indicator-move"),
    path("indicatoren/<int:pk>/verwijderen/", authoring_indicators.indicator_delete, name="indicator-delete"),
    # Profiles
    path("<int:pk>/profielen/nieuw/", authoring_profiles.profile_create, name="profile-create"),
    path("profielen/<int:pk>/bewerken/", authoring_profiles.profile_edit, name="profile-edit"),
    path("profielen/<int:pk>/verwijderen/", authoring_profiles.profile_delete, name="profile-delete"),
    path("profielen/<int:pk>/samenstellen/", authoring_profiles.profile_compose, name="profile-compose"),
    path(
        "profielen/<int:pk>/competenties/toevoegen/",
        authoring_profiles.profile_competency_add,
        name="profile-competency-add",
    ),
    path(
        "profielcompetenties/<int:pk>/bewerken/",
        authoring_profiles.profile_competency_edit,
        name="profile-competency-edit",
    ),
    path(
        "profielcompetenties/<int:pk>/verplaatsen/",
        authoring_profiles.profile_competency_move,
        name="profile-competency-move",
    ),
    path(
        "profielcompetenties/<int:pk>/verwijderen/",
        authoring_profiles.profile_competency_remove,
        name="profile-competency-remove",
    ),
    path("profielen/<int:pk>/vertrekpunt/", authoring.profile_derive, name="profile-derive"),
    path("profielen/<int:pk>/pdf/", documents.profile_pdf, name="profile-pdf"),
    path("profielen/<int:pk>/afdrukken/", documents.profile_print, name="profile-print"),
    # Review
    path("<int:pk>/review/", review.review, name="review"),
    path("<int:pk>/review/uitnodigen/", review.reviewer_invite, name="reviewer-invite"),
    path("<int:pk>/review/opmerking/", review.review_comment_add, name="review-comment-add"),
    path("opmerkingen/<int:pk>/afhandelen/", review.review_comment_resolve, name="review-comment-resolve"),
]
