"""Roles: which organisations a user belongs to, in which role. Every app's access rules build on these.

Organisation scoping lives in each app's selectors, role checks in each app's `access.py`; both
read the user's roles from here (one query per request, cached on the user).

Every view in every app refuses the same way: it fetches the object through a selector (another
organisation's object is a 404), then calls `access.require(access.can_...(user, obj))` with a
predicate of its app's access module (a member without the right role gets a 403). Each access
module re-exports `require` from here; `tests/test_access_idiom.py` keeps views from raising
PermissionDenied themselves.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied

from competentie.adminguard import is_platform_operator

from .models import Membership

Role = Membership.Role


def roles_by_organisation(user: AbstractBaseUser) -> dict[int, str]:
    """The user's role per organisation id, read once per request and cached on the user."""
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, "_roles_by_organisation", None)
    if cached is None:
        # The same row carries the organisation's theme (competentie/theming): pages wear it at no
        # query of their own.
        rows = Membership.objects.filter(user=user).values_list(
            "organisation_id", "role", "organisation__name", "organisation__theme__version",
            "organisation__theme__logo_content_type",
        )  # fmt: skip
        cached = {organisation_id: role for organisation_id, role, *_theme in rows}
        user._organisation_themes = {organisation_id: tuple(theme) for organisation_id, _role, *theme in rows}
        user._roles_by_organisation = cached
    return cached


def organisation_ids(user: AbstractBaseUser, *roles: str) -> list[int]:
    """The organisations the user belongs to; with roles, only those where the user holds one of them."""
    memberships = roles_by_organisation(user)
    if not roles:
        return list(memberships)
    return [pk for pk, role in memberships.items() if role in roles]


def has_role(user: AbstractBaseUser, organisation_id: int | None, *roles: str) -> bool:
    return organisation_id is not None and roles_by_organisation(user).get(organisation_id) in roles


def require(allowed: bool, message: str | None = None) -> None:
    """The one way a view refuses: a 403 unless the predicate allowed it (with a message to show)."""
    if not allowed:
        raise PermissionDenied(message) if message else PermissionDenied


# --- Managing members ------------------------------------------------------------------------


def administered_organisation_ids(user: AbstractBaseUser) -> list[int]:
    """Organisations whose members this user manages (as their beheerder)."""
    return organisation_ids(user, Role.BEHEERDER)


def can_manage_members(user: AbstractBaseUser) -> bool:
    """The members page: beheerders only (a platform operator uses the admin)."""
    return bool(administered_organisation_ids(user))


def can_manage_member(user: AbstractBaseUser, membership: Membership) -> bool:
    return membership.organisation_id in administered_organisation_ids(user)


def can_administer(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    """A platform operator administers every organisation, a beheerder their own."""
    return is_platform_operator(user) or organisation_id in administered_organisation_ids(user)


# HR runs the development programmes: they invite their participants and coaches themselves.
PROGRAMME_ROLES = (Role.DEELNEMER, Role.BEGELEIDER)


def can_invite(user: AbstractBaseUser, organisation_id: int | None, role: str) -> bool:
    """Who may invite a colleague by e-mail with a role: an administrator with any role, HR with the
    roles of a development programme (deelnemer, begeleider) and no other."""
    return can_administer(user, organisation_id) or (
        role in PROGRAMME_ROLES and has_role(user, organisation_id, Role.HR)
    )
