"""Who may do what with an employee's record, assessments, conversation and POP.

Only three people ever see an employee's development data: the employee, their manager and HR
(HR or the beheerder of the organisation). Organisation scoping lives in the selectors.
"""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import has_role, organisation_ids
from competentie.organisations.access import require as require  # the one way a view refuses
from competentie.organisations.models import Membership
from competentie.people.models import Employee

HR_ROLES = (Membership.Role.HR, Membership.Role.BEHEERDER)


def is_hr(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    return has_role(user, organisation_id, *HR_ROLES)


def can_maintain_employees(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    return is_hr(user, organisation_id)


def can_open_cycle(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    return has_role(user, organisation_id, Membership.Role.HR)


def is_self(user: AbstractBaseUser, employee: Employee) -> bool:
    return employee.user_id is not None and employee.user_id == user.pk


def is_manager(user: AbstractBaseUser, employee: Employee) -> bool:
    return employee.manager_id is not None and employee.manager_id == user.pk


def can_see_employee(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_self(user, employee) or is_manager(user, employee) or is_hr(user, employee.organisation_id)


def can_self_assess(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_self(user, employee)


def can_manager_assess(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_manager(user, employee)


def can_record_conversation(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_manager(user, employee)


def can_respond_to_conversation(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_self(user, employee)


def can_reopen_conversation(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_manager(user, employee) or is_hr(user, employee.organisation_id)


def can_edit_plan(user: AbstractBaseUser, employee: Employee) -> bool:
    return is_self(user, employee) or is_manager(user, employee)


def can_see_team_overview(user: AbstractBaseUser, organisation_id: int, manages_someone: bool) -> bool:
    """HR of the organisation, or a manager of someone in the team (who then sees only their reports)."""
    return is_hr(user, organisation_id) or manages_someone


def hr_organisation_ids(user: AbstractBaseUser) -> list[int]:
    return organisation_ids(user, *HR_ROLES)


def can_open_cycles(user: AbstractBaseUser) -> bool:
    """The page to open a cycle: HR of some organisation (the team chosen must be theirs)."""
    return bool(organisation_ids(user, Membership.Role.HR))


def can_see_role_overview(user: AbstractBaseUser, manages_anyone: bool) -> bool:
    """The team overview per role: HR of some organisation (all of it), or a manager (their own reports)."""
    return bool(hr_organisation_ids(user)) or manages_anyone
