"""Who may import: HR staff (framework authors) of an organisation; the new framework lands there."""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import organisation_ids
from competentie.organisations.models import Membership


def import_organisation_ids(user: AbstractBaseUser) -> list[int]:
    return organisation_ids(user, Membership.Role.HR)


def can_import_framework(user: AbstractBaseUser) -> bool:
    return bool(import_organisation_ids(user))
