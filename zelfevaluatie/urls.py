from django.urls import path

from . import views

app_name = "zelfevaluatie"

urlpatterns = [
    path("", views.round_list, name="round-list"),
]
