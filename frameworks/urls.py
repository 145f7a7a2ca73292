from django.urls import path

from .urls_authoring import urlpatterns as authoring_urlpatterns
from .urls_exchange import urlpatterns as exchange_urlpatterns
from .urls_subscriptions import urlpatterns as subscription_urlpatterns
from .views import browse

app_name = "frameworks"

urlpatterns = [
    path("", browse.framework_list, name="framework-list"),
    path("<int:pk>/", browse.framework_detail, name="framework-detail"),
    path("<int:pk>/matrix/", browse.framework_matrix, name="framework-matrix"),
    path("competenties/<int:pk>/", browse.competency_detail, name="competency-detail"),
    path("profielen/<int:pk>/", browse.profile_detail, name="profile-detail"),
    path("woordenboek/", browse.dictionary, name="dictionary"),
]

# Authoring and exports/imports keep their own route lists, so each module stays small.
urlpatterns += authoring_urlpatterns + exchange_urlpatterns + subscription_urlpatterns
