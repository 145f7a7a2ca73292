"""Builders for development-programme tests: a designed programme, a cohort, handed-in measurements."""

import pytest
from django.utils import timezone

from competentie.organisations.models import Membership
from ontwikkeling import services
from ontwikkeling.models import Intervention, KolbStage, LearningLevel, LearningLine, Moment, Phase
from ontwikkeling.questionnaire import levers_for

from ..factories import make_framework, make_user


def build_programme(organisation, hr, *, name="Traineeship Aadorp"):
    """A programme on a published framework: two phases, one line per level, an intervention per line."""
    framework = make_framework(organisation, name=f"Framework {name}", competencies=3)
    framework.published_at = timezone.now()
    framework.status = "vastgesteld"
    framework.save()
    programme = services.programme_create(user=hr, organisation=organisation, framework=framework, name=name)
    competencies = list(framework.competencies.order_by("order"))
    phases = []
    for order, (phase_name, theme) in enumerate([("Halfjaar 1", "Verleden"), ("Halfjaar 2", "Heden")], start=1):
        phase = Phase.objects.create(programme=programme, name=phase_name, theme=theme, order=order)
        phase.competencies.set(competencies[:2])
        phases.append(phase)
    stages = list(KolbStage.values)
    for order, level in enumerate(LearningLevel.values, start=1):
        line = LearningLine.objects.create(programme=programme, level=level, name=f"Leerlijn {order}", order=order)
        intervention = Intervention.objects.create(
            programme=programme,
            line=line,
            phase=phases[order % 2],
            name=f"Interventie {order}",
            kind="training",
            kolb_stage=stages[order % 4],
            trainer="Trainer",
            learning_goals="Doel een\nDoel twee",
            order=order,
        )
        intervention.competencies.set(competencies[:1])
    return programme


def build_cohort(programme, *, size, with_coach=True, prefix="deelnemer"):
    organisation = programme.organisation
    coach = make_user(f"{prefix}_coach", organisation=organisation, role=Membership.Role.BEGELEIDER)
    cohort = services.cohort_create(programme=programme, name=f"Groep {prefix}")
    participants = []
    for number in range(size):
        user = make_user(f"{prefix}_{number}", organisation=organisation, role=Membership.Role.DEELNEMER)
        participants.append(
            services.participant_invite(
                cohort=cohort, username=user.username, coach_username=coach.username if with_coach else ""
            )
        )
    return cohort, coach, participants


def fill_in(participant, moment, *, value=3, level_index=0):
    """Hand in a complete questionnaire with the same answer everywhere."""
    programme = participant.cohort.programme
    from ontwikkeling import selectors

    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    interventions = list(programme.interventions.all())
    goals = {i.pk: value for i in interventions} if moment != Moment.BASELINE else {}
    return services.measurement_submit(
        participant=participant,
        moment=moment,
        answers={lever.code: value for lever in levers_for(moment)},
        goal_answers=goals,
        ratings={c.pk: levels[level_index].pk for c in competencies},
        competency_ids={c.pk for c in competencies},
        level_ids={level.pk for level in levels},
        intervention_ids={i.pk for i in interventions},
    )


@pytest.fixture
def programme(org_a, users):
    return build_programme(org_a, users["hr"])
