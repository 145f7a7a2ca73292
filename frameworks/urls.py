from django.urls import path

from . import views

app_name = "frameworks"

urlpatterns = [
    path("", views.framework_list, name="framework-list"),
    path("<int:pk>/", views.framework_detail, name="framework-detail"),
    path("competenties/<int:pk>/", views.competency_detail, name="competency-detail"),
    path("profielen/<int:pk>/", views.profile_detail, name="profile-detail"),
    path("woordenboek/", views.dictionary, name="dictionary"),
]
