"""Reads about organisations and their members, scoped to the user's own organisations."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from .access import administered_organisation_ids, organisation_ids
from .models import Membership, Organisation


def organisation_choices(*, ids: Iterable[int]) -> QuerySet[Organisation]:
    """The organisations behind ids that an access module granted (a form's choice), by name."""
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def organisation_count() -> int:
    """How many organisations there are: the benchmark floor's one query."""
    return Organisation.objects.count()


def administered_organisations(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """Organisations where the user is beheerder, by name."""
    return Organisation.objects.filter(pk__in=administered_organisation_ids(user)).order_by("name")


def administered_organisations_counted(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """The same, with active and invited members counted (1 query), for "Mijn werk"."""
    return administered_organisations(user=user).annotate(
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


def member_list(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    """The members of the organisations the user administers, with their accounts, by name."""
    return (
        Membership.objects.filter(organisation__in=administered_organisation_ids(user))
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "user__username")
    )


def membership_get(*, user: AbstractBaseUser, pk: int) -> Membership:
    """A membership in one of the user's organisations; another organisation's is a 404."""
    return get_object_or_404(
        Membership.objects.filter(organisation__in=organisation_ids(user)).select_related("user", "organisation"),
        pk=pk,
    )
