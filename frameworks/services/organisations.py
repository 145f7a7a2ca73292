"""Organisations and memberships: who may administer them, and the audit trail of every change.

A platform operator (superuser) administers every organisation; an organisation administrator
(role "beheerder") administers the memberships of their own organisations only.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit
from competentie.adminguard import is_platform_operator

from ..access import organisation_ids
from ..models import Membership, Organisation


def administered_organisation_ids(user: AbstractBaseUser) -> list[int]:
    """Organisations whose members this user manages (as their beheerder)."""
    return organisation_ids(user, Membership.Role.BEHEERDER)


def can_administer(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    return is_platform_operator(user) or organisation_id in administered_organisation_ids(user)


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
        membership = Membership(user=user, organisation=organisation, role=role)
        membership.full_clean()
        membership.save()
        audit.record(actor, membership, "membership.added", within=organisation, user=user.get_username(), role=role)
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
