"""Who may do what with 360° feedback and the EVC portfolio (the employee, their manager, HR; a rater
only their own form; an assessor only the evidence they were asked to judge)."""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import has_role
from competentie.organisations.access import require as require  # the one way a view refuses
from competentie.organisations.models import Membership

HR_ROLES = (Membership.Role.HR, Membership.Role.BEHEERDER)


def is_self(user: AbstractBaseUser, employee) -> bool:
    return employee.user_id is not None and employee.user_id == user.pk


def is_manager(user: AbstractBaseUser, employee) -> bool:
    return employee.manager_id is not None and employee.manager_id == user.pk


def can_see_employee(user: AbstractBaseUser, employee) -> bool:
    return is_self(user, employee) or is_manager(user, employee) or has_role(user, employee.organisation_id, *HR_ROLES)


def can_invite_raters(user: AbstractBaseUser, employee) -> bool:
    return is_self(user, employee)


def can_respond(user: AbstractBaseUser, invitation) -> bool:
    return invitation.rater_id is not None and invitation.rater_id == user.pk


def can_see_portfolio_item(user: AbstractBaseUser, item) -> bool:
    judgement = getattr(item, "judgement", None)
    return can_see_employee(user, item.employee) or (judgement is not None and judgement.assessor_id == user.pk)


def can_edit_portfolio(user: AbstractBaseUser, employee) -> bool:
    return is_self(user, employee)


def can_judge(user: AbstractBaseUser, judgement) -> bool:
    return judgement.assessor_id == user.pk
