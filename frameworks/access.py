"""Who may do what. Organisation scoping lives in the selectors; role checks live here.

Views, templates (to hide buttons) and tests call these same predicates.
"""

from django.contrib.auth.models import AbstractBaseUser

from .models import Framework, Membership
from .models.querysets import organisation_ids, roles_by_organisation


def has_role(user: AbstractBaseUser, organisation_id: int | None, *roles: str) -> bool:
    return organisation_id is not None and roles_by_organisation(user).get(organisation_id) in roles


def can_read_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    return framework.is_library or framework.organisation_id in roles_by_organisation(user)


def can_edit_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    """Seeded libraries are read-only; an organisation's frameworks are edited by its HR staff."""
    return has_role(user, framework.organisation_id, Membership.Role.HR)


# --- Authoring -------------------------------------------------------------------------------


def authoring_organisation_ids(user: AbstractBaseUser) -> list[int]:
    """Organisations in which the user may write frameworks (HR staff)."""
    return organisation_ids(user, Membership.Role.HR)


def can_create_framework(user: AbstractBaseUser) -> bool:
    return bool(authoring_organisation_ids(user))


def can_change_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    """An author of the owning organisation, and the version is not published (nor a library)."""
    return can_edit_framework(user, framework) and not framework.is_frozen


def can_derive_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    """Anyone who may author somewhere may start from any framework they can read."""
    return can_create_framework(user) and can_read_framework(user, framework)


def is_reviewer(user: AbstractBaseUser, framework: Framework, reviewer_user_ids) -> bool:
    return user.is_authenticated and user.pk in set(reviewer_user_ids)


def can_comment_on_framework(user: AbstractBaseUser, framework: Framework, reviewer_user_ids) -> bool:
    """Invited reviewers (any role) and the authors comment; nobody comments on a library."""
    if framework.is_library:
        return False
    return can_edit_framework(user, framework) or (
        framework.organisation_id in roles_by_organisation(user) and is_reviewer(user, framework, reviewer_user_ids)
    )
