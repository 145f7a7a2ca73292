from django.urls import path

from . import views

app_name = "medewerkers"

urlpatterns = [
    path("", views.employee_list, name="employee-list"),
    path("importeren/", views.employees_import, name="employees-import"),
    path("cycli/nieuw/", views.cycle_create, name="cycle-create"),
    path("per-rol/", views.role_overview, name="role-overview"),
    path("<int:pk>/ontwikkelplan/", views.plan, name="plan"),
    path("cycli/<int:pk>/gesprek/<int:employee_pk>/", views.conversation, name="conversation"),
    path("cycli/<int:pk>/beoordeling/<int:employee_pk>/", views.assessment, name="assessment"),
    path(
        "cycli/<int:pk>/beoordeling/<int:employee_pk>/opslaan/", views.assessment_autosave, name="assessment-autosave"
    ),
    path("cycli/<int:pk>/team/", views.team_overview, name="team-overview"),
    path("cycli/<int:pk>/team.pdf", views.team_overview_pdf, name="team-overview-pdf"),
    path("cycli/<int:pk>/team.csv", views.team_overview_csv, name="team-overview-csv"),
]
