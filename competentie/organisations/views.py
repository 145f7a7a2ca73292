"""Organisation administrators (beheerder): invite colleagues, change roles, remove and deactivate
members, and lift a login lockout. Nobody needs the Django admin for this."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.accounts.names import display_name
from competentie.audit.reads import logs_read
from competentie.security.lockout import locked_usernames, lockout_lift

from . import access, selectors, services
from . import access_review as review
from .forms import MemberInviteForm, MemberRoleForm
from .models import Membership


def _membership(request, membership_pk) -> Membership:
    # Another organisation's member is a 404; a colleague who does not administer is a 403.
    membership = selectors.membership_get(user=request.user, pk=membership_pk)
    access.require(access.can_manage_member(request.user, membership))
    return membership


def _administered_organisation(request, **kwargs) -> int | None:
    """The members page is about the organisation(s) the reader administers; the first names the read."""
    return next(iter(access.administered_organisation_ids(request.user)), None)


@logs_read("organisations.Organisation", kwarg=_administered_organisation, purpose="membership")
def member_list(request, invite_form=None):
    access.require(access.can_manage_members(request.user))
    memberships = list(selectors.member_list(user=request.user))
    locked = locked_usernames([m.user.get_username() for m in memberships])
    for membership in memberships:
        membership.is_locked = membership.user.get_username() in locked
        membership.is_pending = services.member_is_pending(membership.user)
        membership.role_form = MemberRoleForm(initial={"role": membership.role}, prefix=f"lid-{membership.pk}")
    organisations = selectors.administered_organisations(user=request.user)
    return render(
        request,
        "organisations/member_list.html",
        {
            "memberships": memberships,
            "invite_form": invite_form or MemberInviteForm(organisations=organisations),
        },
    )


def member_invite(request):
    access.require(access.can_manage_members(request.user))
    organisations = selectors.administered_organisations(user=request.user)
    if request.method != "POST":
        return redirect("member-list")
    form = MemberInviteForm(request.POST, organisations=organisations)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.member_invite(
                organisation=data["organisation"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("%(name)s is toegevoegd en krijgt een e-mail op %(email)s.")
                % {"name": display_name(membership.user), "email": membership.user.email},
            )
            return redirect("member-list")
    return member_list(request, invite_form=form)


@require_POST
def member_role(request, membership_pk):
    membership = _membership(request, membership_pk)
    form = MemberRoleForm(request.POST, prefix=f"lid-{membership.pk}")
    if form.is_valid():
        try:
            services.member_role_change(membership=membership, role=form.cleaned_data["role"], changed_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s heeft nu de rol %(role)s.")
                % {"name": display_name(membership.user), "role": membership.get_role_display()},
            )
    return redirect("member-list")


def member_remove(request, membership_pk):
    """GET asks, POST takes the member out of the organisation."""
    membership = _membership(request, membership_pk)
    if request.method == "POST":
        try:
            services.member_remove(membership=membership, removed_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is geen lid meer van %(organisation)s.")
                % {"name": display_name(membership.user), "organisation": membership.organisation},
            )
        return redirect("member-list")
    return render(request, "organisations/member_remove.html", {"membership": membership})


@require_POST
def member_active(request, membership_pk):
    """Switch an account off (it can no longer log in) or on again."""
    membership = _membership(request, membership_pk)
    try:
        if membership.user.is_active:
            services.member_deactivate(membership=membership, deactivated_by=request.user)
            text = _("%(name)s kan niet meer inloggen.")
        else:
            services.member_activate(membership=membership, activated_by=request.user)
            text = _("%(name)s kan weer inloggen.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, text % {"name": display_name(membership.user)})
    return redirect("member-list")


@require_POST
def member_reinvite(request, membership_pk):
    membership = _membership(request, membership_pk)
    try:
        services.member_reinvite(membership=membership, invited_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("De uitnodiging is opnieuw verstuurd naar %(email)s.") % {"email": membership.user.email}
        )
    return redirect("member-list")


def member_unlock(request, membership_pk):
    """POST lifts the lockout of a member of an organisation the user administers; GET goes back to the list."""
    membership = _membership(request, membership_pk)
    if request.method == "POST":
        lockout_lift(username=membership.user.get_username(), lifted_by=request.user)
        messages.success(
            request,
            _("De inlogblokkade van %(name)s is opgeheven.") % {"name": display_name(membership.user)},
        )
    return redirect("member-list")


@logs_read("organisations.Organisation", kwarg=_administered_organisation, purpose="membership")
def access_review(request):
    """Each person's roles and last login, what is due for confirmation and what is unused (BIO)."""
    access.require(access.can_manage_members(request.user))
    rows = review.access_review_rows(user=request.user)
    return render(
        request,
        "organisations/access_review.html",
        {
            "rows": rows,
            "due_count": sum(row.due for row in rows),
            "unused_count": sum(row.unused for row in rows),
            "unused_days": settings.ACCESS_UNUSED_DAYS,
        },
    )


@require_POST
def access_review_confirm(request, membership_pk):
    membership = _membership(request, membership_pk)
    review.membership_confirm(membership=membership, confirmed_by=request.user)
    messages.success(
        request,
        _("De rol van %(name)s is bevestigd.") % {"name": display_name(membership.user)},
    )
    return redirect("access-review")


@require_POST
def access_review_disable(request, membership_pk):
    """Switch an unused or unconfirmed account off, in one step, once the beheerder ticked the box."""
    membership = _membership(request, membership_pk)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Vink eerst aan dat u het account wilt uitzetten."))
        return redirect("access-review")
    try:
        services.member_deactivate(membership=membership, deactivated_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s kan niet meer inloggen.") % {"name": display_name(membership.user)})
    return redirect("access-review")


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The one-time link of an invitation: choose a password, and you are logged in."""

    template_name = "registration/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("home")
    reset_url_token = "uitnodiging-geopend"
