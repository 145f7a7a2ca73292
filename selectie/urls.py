from django.urls import path

from . import views

app_name = "selectie"

urlpatterns = [
    path("", views.procedure_list, name="procedure-list"),
    path("nieuw/", views.procedure_create, name="procedure-create"),
    path("<int:pk>/", views.procedure_detail, name="procedure-detail"),
    path("<int:pk>/bewerken/", views.procedure_update, name="procedure-update"),
    path("<int:pk>/status/", views.procedure_transition, name="procedure-transition"),
    path("<int:pk>/oefeningen/", views.exercise_matrix, name="exercise-matrix"),
    path("<int:pk>/oefeningen/nieuw/", views.exercise_create, name="exercise-create"),
    path("<int:pk>/oefeningen/<int:exercise_pk>/verwijderen/", views.exercise_delete, name="exercise-delete"),
    path("<int:pk>/kandidaten/", views.candidate_list, name="candidate-list"),
    path("<int:pk>/kandidaten/nieuw/", views.candidate_create, name="candidate-create"),
    path("<int:pk>/kandidaten/importeren/", views.candidate_import, name="candidate-import"),
    path("<int:pk>/kandidaten/<int:candidate_pk>/", views.candidate_detail, name="candidate-detail"),
    path("<int:pk>/kandidaten/<int:candidate_pk>/gegevens-verwijderen/", views.candidate_purge, name="candidate-purge"),
    path("<int:pk>/kandidaten/<int:candidate_pk>/indienen/", views.candidate_submit, name="candidate-submit"),
    path("<int:pk>/kandidaten/<int:candidate_pk>/besluit/", views.decision, name="decision"),
    path("<int:pk>/kandidaten/<int:candidate_pk>/terugkoppeling.pdf", views.candidate_pdf, name="candidate-pdf"),
    path("<int:pk>/toewijzingen/", views.assignment_list, name="assignment-list"),
    path("<int:pk>/toewijzingen/<int:assignment_pk>/verwijderen/", views.assignment_delete, name="assignment-delete"),
    path("<int:pk>/beoordelen/<int:assignment_pk>/", views.score_screen, name="score-screen"),
    path("<int:pk>/beoordelen/<int:assignment_pk>/opslaan/", views.score_autosave, name="score-autosave"),
    path("<int:pk>/kalibratie/", views.calibration, name="calibration"),
    path("<int:pk>/kalibratie/<int:candidate_pk>/", views.calibration_candidate, name="calibration-candidate"),
    path("<int:pk>/kalibratie/score/<int:score_pk>/wijzigen/", views.score_revise, name="score-revise"),
    path("<int:pk>/bord/", views.board, name="board"),
    path("<int:pk>/bord/stand/", views.board_live, name="board-live"),
    path("<int:pk>/overleg/", views.meeting, name="meeting"),
    path("<int:pk>/overleg/<int:candidate_pk>/", views.meeting_candidate, name="meeting-candidate"),
    path("<int:pk>/overleg/<int:candidate_pk>/<int:competency_pk>/", views.meeting_item, name="meeting-item"),
    path("<int:pk>/inzicht/", views.insight, name="insight"),
    path("<int:pk>/resultaten/", views.results, name="results"),
    path("<int:pk>/rapport.pdf", views.procedure_pdf, name="procedure-pdf"),
    path("<int:pk>/criteria/", views.criteria, name="criteria"),
]
