from django.urls import path

from . import views

app_name = "selectie"

urlpatterns = [
    path("", views.procedure_list, name="procedure-list"),
]
