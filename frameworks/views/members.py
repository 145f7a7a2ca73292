"""Organisation administrators (beheerder) see their members and lift a login lockout."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from competentie.security.lockout import locked_usernames, lockout_lift

from ..models import Membership
from ..models.querysets import organisation_ids


def _administered(request) -> list[int]:
    organisations = organisation_ids(request.user, Membership.Role.BEHEERDER)
    if not organisations:
        raise PermissionDenied
    return organisations


def member_list(request):
    memberships = list(
        Membership.objects.filter(organisation__in=_administered(request))
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__username")
    )
    locked = locked_usernames([m.user.get_username() for m in memberships])
    for membership in memberships:
        membership.is_locked = membership.user.get_username() in locked
    return render(request, "frameworks/members/member_list.html", {"memberships": memberships})


def member_unlock(request, membership_pk):
    """POST lifts the lockout of a member of an organisation the user administers; GET goes back to the list."""
    # Another organisation's member is a 404; a colleague who does not administer is a 403.
    membership = get_object_or_404(
        Membership.objects.filter(organisation__in=organisation_ids(request.user)).select_related("user"),
        pk=membership_pk,
    )
    if membership.organisation_id not in _administered(request):
        raise PermissionDenied
    if request.method == "POST":
        lockout_lift(username=membership.user.get_username(), lifted_by=request.user)
        messages.success(
            request,
            _("De inlogblokkade van %(name)s is opgeheven.") % {"name": membership.user.get_username()},
        )
    return redirect("member-list")
