"""Writes to organisations and memberships.

A platform operator (superuser) creates and renames organisations in the admin; an organisation
administrator (role "beheerder") manages the members of their own organisations, on the members
page (invite, change a role, remove, switch an account off or on) or in the admin. Every change of
a membership, from either place, goes through `membership_set` or `membership_remove`, which
check who may make it and write it to the audit log.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit
from competentie.accounts.names import display_name
from competentie.adminguard import is_platform_operator
from competentie.notifications import events as notifications

from .access import can_administer, can_invite
from .models import Membership, Organisation

Role = Membership.Role

# --- Organisations and memberships in the admin ----------------------------------------------


@transaction.atomic
def organisation_save(*, actor: AbstractBaseUser, organisation: Organisation) -> Organisation:
    """Create or rename an organisation: platform operators only."""
    if not is_platform_operator(actor):
        raise PermissionDenied
    adding = organisation.pk is None
    old = None if adding else Organisation.objects.values_list("name", flat=True).get(pk=organisation.pk)
    organisation.full_clean()
    organisation.save()
    if adding:
        audit.record(actor, organisation, "organisation.created", name=organisation.name)
    elif old != organisation.name:
        audit.record(actor, organisation, "organisation.renamed", old=old, name=organisation.name)
    return organisation


@transaction.atomic
def membership_set(
    *, actor: AbstractBaseUser, organisation: Organisation, user: AbstractBaseUser, role: str
) -> Membership:
    """Give a user a role in an organisation (or change it)."""
    if not can_administer(actor, organisation.pk):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValidationError(_("Kies een bestaande rol."), code="invalid_role")
    membership = Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    if membership is None:
        membership = _membership_add(actor=actor, organisation=organisation, user=user, role=role)
    elif membership.role != role:
        old = membership.role
        membership.role = role
        membership.save(update_fields=["role"])
        audit.record(
            actor,
            membership,
            "membership.role_changed",
            within=organisation,
            user=user.get_username(),
            old=old,
            role=role,
        )
    return membership


def _membership_add(*, actor, organisation: Organisation, user, role: str) -> Membership:
    membership = Membership(user=user, organisation=organisation, role=role)
    membership.full_clean()
    membership.save()
    audit.record(actor, membership, "membership.added", within=organisation, user=user.get_username(), role=role)
    return membership


@transaction.atomic
def membership_remove(*, actor: AbstractBaseUser, membership: Membership) -> None:
    if not can_administer(actor, membership.organisation_id):
        raise PermissionDenied
    audit.record(
        actor,
        membership,
        "membership.removed",
        within=membership.organisation,
        user=membership.user.get_username(),
        role=membership.role,
    )
    membership.delete()


# --- The members page of an organisation's beheerder ------------------------------------------


def _keep_an_administrator(membership: Membership, *, new_role: str | None) -> None:
    if membership.role != Role.BEHEERDER or new_role == Role.BEHEERDER:
        return
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=Role.BEHEERDER, user__is_active=True
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(
            _("Uw organisatie heeft altijd minstens één beheerder nodig. Maak eerst iemand anders beheerder."),
            code="last_administrator",
        )


@transaction.atomic
def member_invite(
    *,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    invited_by: AbstractBaseUser,
    notify: bool = True,
) -> Membership:
    """Add a colleague by e-mail address; a new account gets a one-time link to choose a password.

    Someone who already has an account (for example at another organisation) keeps it and is added.
    Who may invite with which role: `access.can_invite` (HR only participants and coaches of a
    development programme). With `notify=False` the caller sends the invitation itself, with the same
    link (notifications.events.account_link), in an e-mail that says what the colleague is invited to.
    """
    email = email.strip().lower()
    validate_email(email)
    if role not in Role.values:
        raise ValidationError(_("Kies een rol."), code="invalid_role")
    if not can_invite(invited_by, organisation.pk, role):
        raise PermissionDenied
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        if User.objects.filter(username__iexact=email).exists():
            raise ValidationError(_("Dit e-mailadres is al in gebruik als gebruikersnaam."), code="username_taken")
        user = User(username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip())
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(
            _("%(name)s is al lid van %(organisation)s.") % {"name": display_name(user), "organisation": organisation},
            code="already_member",
        )
    membership = _membership_add(actor=invited_by, organisation=organisation, user=user, role=role)
    if notify:
        notifications.member_invited(membership=membership, invited_by=invited_by, new_account=created)
    return membership


def member_is_pending(user: AbstractBaseUser) -> bool:
    """Invited but has not chosen a password yet."""
    return user.last_login is None and not user.has_usable_password()


@transaction.atomic
def member_reinvite(*, membership: Membership, invited_by: AbstractBaseUser) -> None:
    if not member_is_pending(membership.user):
        raise ValidationError(_("Deze collega heeft al een wachtwoord gekozen."), code="not_pending")
    notifications.member_invited(membership=membership, invited_by=invited_by, new_account=True)


@transaction.atomic
def member_role_change(*, membership: Membership, role: str, changed_by: AbstractBaseUser) -> Membership:
    if role not in Role.values:
        raise ValidationError(_("Kies een rol."), code="invalid_role")
    _keep_an_administrator(membership, new_role=role)
    membership.role = membership_set(
        actor=changed_by, organisation=membership.organisation, user=membership.user, role=role
    ).role
    return membership


@transaction.atomic
def member_remove(*, membership: Membership, removed_by: AbstractBaseUser) -> None:
    """Take someone out of the organisation; their account and work elsewhere stay."""
    _keep_an_administrator(membership, new_role=None)
    membership_remove(actor=removed_by, membership=membership)


@transaction.atomic
def member_deactivate(*, membership: Membership, deactivated_by: AbstractBaseUser) -> None:
    """Block the account from logging in; kept so that scores and comments keep their author.

    Only for accounts that belong to this organisation alone: another organisation's colleague is
    removed from the organisation instead.
    """
    if membership.user_id == deactivated_by.pk:
        raise ValidationError(_("U kunt uw eigen account niet uitzetten."), code="self")
    if Membership.objects.filter(user_id=membership.user_id).exclude(pk=membership.pk).exists():
        raise ValidationError(
            _(
                "Deze collega is ook lid van een andere organisatie. Haal hem of haar uit uw organisatie in plaats daarvan."
            ),
            code="other_organisation",
        )
    _keep_an_administrator(membership, new_role=None)
    user = membership.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit.record(deactivated_by, membership, "membership.deactivated", role=membership.role)


@transaction.atomic
def member_activate(*, membership: Membership, activated_by: AbstractBaseUser) -> None:
    user = membership.user
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit.record(activated_by, membership, "membership.activated", role=membership.role)
