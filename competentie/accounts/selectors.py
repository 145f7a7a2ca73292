"""Reads about members of an organisation, scoped to the organisations the user administers."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from frameworks.access import organisation_ids
from frameworks.models import Membership, Organisation


def administered_organisations(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """Organisations where the user is beheerder, with active members counted (1 query)."""
    return (
        Organisation.objects.filter(pk__in=organisation_ids(user, Membership.Role.BEHEERDER))
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__user__is_active=True)),
            # Invited, no password chosen yet (Django marks an unusable password with "!").
            pending_count=Count(
                "memberships",
                filter=Q(
                    memberships__user__is_active=True,
                    memberships__user__last_login__isnull=True,
                    memberships__user__password__startswith="!",
                ),
            ),
        )
        .order_by("name")
    )
