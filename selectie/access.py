"""Who may do what in a selection procedure. Organisation scoping lives in selectors.py.

HR of the procedure's organisation runs the procedure and is the only role that sees personal
data. A selecteur works only on what is assigned to them (anything else is "not found"), and
sees colleagues' scores for a candidate only after handing in their own.
"""

from django.contrib.auth.models import AbstractBaseUser

from competentie.organisations.access import has_role, organisation_ids
from competentie.organisations.access import require as require  # the one way a view refuses
from competentie.organisations.models import Membership

from .models import SelectionProcedure

HR = Membership.Role.HR
#: Roles that may be assigned as selecteur (HR staff often sit on the panel themselves).
ASSESSOR_ROLES = (Membership.Role.SELECTEUR, Membership.Role.HR)


def hr_organisation_ids(user: AbstractBaseUser) -> list[int]:
    return organisation_ids(user, HR)


def can_create_procedure(user: AbstractBaseUser) -> bool:
    return bool(hr_organisation_ids(user))


def is_hr(user: AbstractBaseUser, procedure: SelectionProcedure) -> bool:
    return has_role(user, procedure.organisation_id, HR)


def is_chair(user: AbstractBaseUser, procedure: SelectionProcedure) -> bool:
    """The chair of the calibration: HR of the organisation, or the selecteur HR designated."""
    if not user.is_authenticated:
        return False
    return is_hr(user, procedure) or (procedure.chair_id is not None and procedure.chair_id == user.pk)


def can_record_consensus(user: AbstractBaseUser, procedure: SelectionProcedure) -> bool:
    """Only the chair records a consensus or a decision; other panel members propose and comment."""
    return not procedure.is_closed and is_chair(user, procedure)


def can_see_scores_of_candidate(
    user: AbstractBaseUser, procedure: SelectionProcedure, submitted_ids, assigned_ids=()
) -> bool:
    """Blind until you hand in, for everyone on the panel: whoever is assigned to this candidate
    (HR included) sees colleagues' scores only after handing in their own. The chair (HR, or the
    designated selecteur) who does not sit on this candidate's panel sees them always."""
    if user.pk in set(submitted_ids):
        return True
    if user.pk in set(assigned_ids):
        return False
    return is_chair(user, procedure)


def can_revise_score(user: AbstractBaseUser, procedure: SelectionProcedure, score_owner_id: int) -> bool:
    """After submission, HR or the selecteur who gave the score may change it, with a reason."""
    if procedure.is_closed:
        return False
    return is_hr(user, procedure) or user.pk == score_owner_id
