"""Who may do what. Organisation scoping lives in the selectors; role checks live here.

Views, templates (to hide buttons) and tests call these same predicates.
"""

from django.contrib.auth.models import AbstractBaseUser

from .models import Framework, Membership


def roles_by_organisation(user: AbstractBaseUser) -> dict[int, str]:
    """The user's role per organisation id, read once per request and cached on the user."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_roles_by_organisation", None)
    if cached is None:
        cached = dict(Membership.objects.filter(user=user).values_list("organisation_id", "role"))
        user._roles_by_organisation = cached
    return cached


def organisation_ids(user: AbstractBaseUser) -> list[int]:
    return list(roles_by_organisation(user))


def has_role(user: AbstractBaseUser, organisation_id: int | None, *roles: str) -> bool:
    return organisation_id is not None and roles_by_organisation(user).get(organisation_id) in roles


def can_read_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    return framework.is_library or framework.organisation_id in roles_by_organisation(user)


def can_edit_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    """Seeded libraries are read-only; an organisation's frameworks are edited by its HR staff."""
    return has_role(user, framework.organisation_id, Membership.Role.HR)
