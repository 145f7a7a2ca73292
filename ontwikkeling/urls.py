from django.urls import path

from .views import cohorts, participants, programmes

app_name = "ontwikkeling"

urlpatterns = [
    path("", programmes.programme_list, name="programme-list"),
    path("nieuw/", programmes.programme_create, name="programme-create"),
    path("<int:pk>/", programmes.programme_detail, name="programme-detail"),
    path("<int:pk>/ontwerpprincipes/", programmes.principles, name="principles"),
    path("<int:pk>/stap/<int:number>/", programmes.step, name="step"),
    path("<int:pk>/overzicht.pdf", programmes.programme_pdf, name="programme-pdf"),
    path("<int:pk>/groepen/nieuw/", cohorts.cohort_create, name="cohort-create"),
    path("groepen/<int:pk>/", cohorts.cohort_detail, name="cohort-detail"),
    path("groepen/<int:pk>/uitnodigen/", cohorts.participant_invite, name="participant-invite"),
    path("groepen/<int:pk>/uitnodigen-per-e-mail/", cohorts.invite_by_email, name="invite-by-email"),
    path("groepen/<int:pk>/meetmomenten/", cohorts.windows_edit, name="windows-edit"),
    path("groepen/<int:pk>/resultaten/", cohorts.cohort_results_view, name="cohort-results"),
    path("groepen/<int:pk>/resultaten.csv", cohorts.cohort_results_csv, name="cohort-results-csv"),
    path("groepen/<int:pk>/resultaten.json", cohorts.cohort_results_json, name="cohort-results-json"),
    path("groepen/<int:pk>/rapport.pdf", cohorts.cohort_report_pdf, name="cohort-report-pdf"),
    path("deelnemers/<int:pk>/", participants.participant_detail, name="participant-detail"),
    path("deelnemers/<int:pk>/ontwikkelplan/", participants.plan, name="plan"),
    path("deelnemers/<int:pk>/meting/<str:moment>/", participants.measurement, name="measurement"),
    path("deelnemers/<int:pk>/opvolging/", participants.follow_up, name="follow-up"),
    path("deelnemers/<int:pk>/beheren/", participants.participant_manage, name="participant-manage"),
    path("deelnemers/<int:pk>/leidinggevende/", participants.participant_manager, name="participant-manager"),
    path("deelnemers/<int:pk>/verwijderen/", participants.participant_remove, name="participant-remove"),
]
