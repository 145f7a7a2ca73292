"""Who may do what with frameworks. Organisation scoping lives in the selectors; role checks live here.

Views, templates (to hide buttons) and tests call these same predicates; the roles themselves
come from `competentie.organisations.access`.
"""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import Role, has_role, organisation_ids, roles_by_organisation
from competentie.organisations.access import require as require  # the one way a view refuses

from .models import Framework


def can_read_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    return framework.is_library or framework.organisation_id in roles_by_organisation(user)


def can_edit_framework(user: AbstractBaseUser, framework: Framework) -> bool:
    """Seeded libraries are read-only; an organisation's frameworks are edited by its HR staff."""
    return has_role(user, framework.organisation_id, Role.HR)


# --- Authoring -------------------------------------------------------------------------------


def authoring_organisation_ids(user: AbstractBaseUser) -> list[int]:
    """Organisations in which the user may write frameworks (HR staff)."""
    return organisation_ids(user, Role.HR)


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
