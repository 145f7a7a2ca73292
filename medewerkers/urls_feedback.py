"""360° feedback and the EVC portfolio (issue 26, points 3 and 6)."""

from django.urls import path

from .views import feedback, portfolio

app_name = "feedback"

urlpatterns = [
    path("cycli/<int:cycle_pk>/medewerkers/<int:employee_pk>/", feedback.feedback_overview, name="overview"),
    path("cycli/<int:cycle_pk>/medewerkers/<int:employee_pk>/uitnodigen/", feedback.feedback_invite, name="invite"),
    path("cycli/<int:cycle_pk>/medewerkers/<int:employee_pk>/360.csv", feedback.feedback_csv, name="csv"),
    path("uitnodigingen/<int:invitation_pk>/opnieuw/", feedback.feedback_resend, name="resend"),
    path("uitnodigingen/<int:invitation_pk>/", feedback.feedback_respond, name="respond"),
    path("link/<str:link_token>/", feedback.feedback_link, name="link"),
    path("cycli/<int:cycle_pk>/medewerkers/<int:employee_pk>/verslag.pdf", feedback.report_pdf, name="report-pdf"),
    path("portfolio/<int:employee_pk>/", portfolio.portfolio_list, name="portfolio"),
    path("portfolio/bestand/<int:file_pk>/", portfolio.portfolio_file, name="portfolio-file"),
    path("portfolio/bewijs/<int:item_pk>/assessor/", portfolio.portfolio_request, name="portfolio-request"),
    path("portfolio/oordeel/<int:judgement_pk>/", portfolio.portfolio_judge, name="portfolio-judge"),
]
