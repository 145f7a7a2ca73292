"""The members page of an organisation's beheerder, and the link in an invitation e-mail.

Included at the site root without a namespace: the URL names (`member-list`, ...) are the ones
templates and e-mails have always used.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("organisatie/leden/", views.member_list, name="member-list"),
    path("organisatie/leden/<int:membership_pk>/ontgrendelen/", views.member_unlock, name="member-unlock"),
    path("organisatie/leden/uitnodigen/", views.member_invite, name="member-invite"),
    path("organisatie/leden/<int:membership_pk>/rol/", views.member_role, name="member-role"),
    path("organisatie/leden/<int:membership_pk>/verwijderen/", views.member_remove, name="member-remove"),
    path("organisatie/leden/<int:membership_pk>/inloggen/", views.member_active, name="member-active"),
    path("organisatie/leden/<int:membership_pk>/opnieuw-uitnodigen/", views.member_reinvite, name="member-reinvite"),
    path("organisatie/toegang/", views.access_review, name="access-review"),
    path(
        "organisatie/toegang/<int:membership_pk>/bevestigen/", views.access_review_confirm, name="access-review-confirm"
    ),
    path(
        "organisatie/toegang/<int:membership_pk>/uitzetten/", views.access_review_disable, name="access-review-disable"
    ),
    path("uitnodiging/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
