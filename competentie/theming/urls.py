from django.urls import path

from . import views

urlpatterns = [
    path("organisatie/<int:organisation_pk>/huisstijl/", views.theme_edit, name="theme-edit"),
    path("organisatie/<int:organisation_pk>/huisstijl.css", views.theme_css, name="theme-css"),
    path("organisatie/<int:organisation_pk>/logo/", views.theme_logo, name="theme-logo"),
    path("organisatie/<int:organisation_pk>/huisstijl/voorbeeld.pdf", views.theme_sample_pdf, name="theme-sample-pdf"),
]
