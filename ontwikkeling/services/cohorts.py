"""Running a programme: cohorts, their participants and coaches, personal development plans."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit
from competentie.organisations.models import Membership
from frameworks.models import Competency

from ..models import Cohort, Participant, PlanGoal, Programme


@transaction.atomic
def cohort_create(*, programme: Programme, name: str, starts_on=None, user=None) -> Cohort:
    cohort = Cohort(programme=programme, name=name.strip(), starts_on=starts_on)
    cohort.full_clean()
    cohort.save()
    audit.record(user, programme, "programme.cohort_created", cohort=cohort.name)
    return cohort


def _member(username: str, organisation_id: int, role: str, code: str):
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None or not Membership.objects.filter(user=user, organisation=organisation_id, role=role).exists():
        label = Membership.Role(role).label
        raise ValidationError(
            _("%(username)s is geen %(role)s in deze organisatie.") % {"username": username.strip(), "role": label},
            code=code,
        )
    return user


@transaction.atomic
def participant_invite(*, cohort: Cohort, username: str, coach_username: str = "", user=None) -> Participant:
    """Add a member with the deelnemer role to the cohort, with a member with the begeleider role as coach."""
    organisation_id = cohort.programme.organisation_id
    invited_by = user
    user = _member(username, organisation_id, Membership.Role.DEELNEMER, "not_a_participant")
    coach = (
        _member(coach_username, organisation_id, Membership.Role.BEGELEIDER, "not_a_coach")
        if coach_username.strip()
        else None
    )
    if Participant.objects.filter(cohort=cohort, user=user).exists():
        raise ValidationError(_("Deze deelnemer zit al in de groep."), code="already_in_cohort")
    participant = Participant.objects.create(cohort=cohort, user=user, coach=coach)
    # The programme's history names the cohort, never the person: results stay about groups.
    audit.record(invited_by, cohort.programme, "programme.participant_added", cohort=cohort.name)
    return participant


@transaction.atomic
def plan_save(*, participant: Participant, goals: dict[int, tuple[str, str]]) -> None:
    """goals: competency pk -> (goal, actions); only the programme's framework's competencies."""
    framework_id = participant.cohort.programme.framework_id
    allowed = set(Competency.objects.filter(framework=framework_id, pk__in=goals).values_list("pk", flat=True))
    for competency_id, (goal, actions) in goals.items():
        if competency_id not in allowed:
            raise ValidationError(_("Deze competentie hoort niet bij het programma."), code="foreign_competency")
        PlanGoal.objects.update_or_create(
            participant=participant,
            competency_id=competency_id,
            defaults={"goal": goal.strip(), "actions": actions.strip()},
        )
