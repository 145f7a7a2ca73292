"""Routes for subscriptions between organisations; frameworks/urls.py appends them."""

from django.urls import path

from .views import subscriptions

urlpatterns = [
    path("abonnementen/", subscriptions.subscription_list, name="subscription-list"),
    path("abonnementen/nieuw/", subscriptions.subscription_create, name="subscription-create"),
    path("abonnementen/delen/", subscriptions.framework_share, name="framework-share"),
    path("abonnementen/<int:pk>/", subscriptions.subscription_detail, name="subscription-detail"),
    path("abonnementen/<int:pk>/controleren/", subscriptions.subscription_check, name="subscription-check"),
    path("abonnementen/<int:pk>/overnemen/", subscriptions.subscription_adopt, name="subscription-adopt"),
]
