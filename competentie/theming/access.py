"""Who may see and set an organisation's theme (built on competentie/organisations/access.py)."""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import administered_organisation_ids, organisation_ids, require

__all__ = ["can_edit_theme", "can_use_theme", "require"]


def can_edit_theme(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    """The house style is set by the organisation's beheerder (a platform operator uses the admin)."""
    return organisation_id in administered_organisation_ids(user)


def can_use_theme(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    """Every member's pages wear their organisation's theme."""
    return organisation_id in organisation_ids(user)
