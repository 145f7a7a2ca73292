"""The rules of designing and running a programme, asserted on the database and by error code."""

import pytest
from django.core.exceptions import ValidationError

from competentie.organisations.models import Membership
from competentie.people.models import PlanGoal
from frameworks.models import Framework
from ontwikkeling import services
from ontwikkeling.models import Answer, Measurement, PrincipleNote

from ..factories import make_framework, make_user
from .conftest import build_cohort, fill_in

pytestmark = pytest.mark.django_db


def test_a_programme_stands_on_a_published_framework_only(org_a, users):
    concept = make_framework(org_a, name="Nog in concept")
    with pytest.raises(ValidationError) as error:
        services.programme_create(user=users["hr"], organisation=org_a, framework=concept, name="X")
    assert error.value.code == "framework_not_published"


def test_a_seeded_library_may_carry_a_programme(org_a, users, seeded):
    library = Framework.objects.libraries().filter(levels__isnull=False).first()
    programme = services.programme_create(user=users["hr"], organisation=org_a, framework=library, name="Op VTH")
    assert programme.framework == library


def test_another_organisations_framework_is_refused(org_a, org_b, users):
    foreign = make_framework(org_b, name="Van Beekdal")
    foreign.published_at = foreign.created_at
    foreign.save()
    with pytest.raises(ValidationError) as error:
        services.programme_create(user=users["hr"], organisation=org_a, framework=foreign, name="X")
    assert error.value.code == "framework_not_published"


def test_principles_are_saved_per_principle(programme):
    services.principles_save(programme=programme, answers={"1": (True, "Rotterdams DNA"), "7": (False, "")})
    notes = {note.principle.code: note for note in PrincipleNote.objects.filter(programme=programme)}
    assert notes["1"].met and notes["1"].how == "Rotterdams DNA"
    assert not notes["7"].met
    with pytest.raises(ValidationError) as error:
        services.principles_save(programme=programme, answers={"8": (True, "")})
    assert error.value.code == "unknown_principle"


def test_only_members_with_the_deelnemer_role_join_and_only_begeleiders_coach(programme, org_a, users):
    cohort, coach, _participants = build_cohort(programme, size=1)
    with pytest.raises(ValidationError) as error:
        services.participant_invite(cohort=cohort, username=users["selecteur"].username)
    assert error.value.code == "not_a_participant"
    newcomer = make_user("nieuw", organisation=org_a, role=Membership.Role.DEELNEMER)
    with pytest.raises(ValidationError) as error:
        services.participant_invite(cohort=cohort, username=newcomer.username, coach_username=users["hr"].username)
    assert error.value.code == "not_a_coach"
    participant = services.participant_invite(cohort=cohort, username=newcomer.username, coach_username=coach.username)
    assert participant.coach == coach
    with pytest.raises(ValidationError) as error:
        services.participant_invite(cohort=cohort, username=newcomer.username)
    assert error.value.code == "already_in_cohort"


def test_a_deelnemer_of_another_organisation_cannot_join(programme, org_b):
    cohort, _coach, _participants = build_cohort(programme, size=0)
    stranger = make_user("vreemde", organisation=org_b, role=Membership.Role.DEELNEMER)
    with pytest.raises(ValidationError) as error:
        services.participant_invite(cohort=cohort, username=stranger.username)
    assert error.value.code == "not_a_participant"


def test_an_incomplete_questionnaire_is_refused_and_writes_nothing(programme):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    with pytest.raises(ValidationError) as error:
        services.measurement_submit(
            participant=participant,
            moment="voormeting",
            answers={"motivatie": 3},
            goal_answers={},
            ratings={},
            competency_ids=set(),
            level_ids=set(),
            intervention_ids=set(),
        )
    assert error.value.code == "incomplete_answers"
    assert not Measurement.objects.exists()


def test_handing_in_again_replaces_the_answers_of_that_moment(programme):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    fill_in(participant, "einde", value=2)
    fill_in(participant, "einde", value=5)
    measurement = Measurement.objects.get(participant=participant, moment="einde")
    assert set(Answer.objects.filter(measurement=measurement).values_list("value", flat=True)) == {5}


def test_the_voormeting_asks_no_programme_questions_and_no_learning_goals(programme):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    measurement = fill_in(participant, "voormeting")
    questions = set(measurement.answers.values_list("question", flat=True))
    assert "relevantie" not in questions and "leerdoel" not in questions and "motivatie" in questions
    assert fill_in(participant, "week1").answers.filter(question="leerdoel").count() == 3


def test_the_plan_takes_only_the_programmes_competencies(programme, org_a):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    competency = programme.framework.competencies.first()
    services.plan_save(participant=participant, goals={competency.pk: ("Beter luisteren", "Intervisie")})
    # The plan is the participant's one POP in the shared people app.
    goal = PlanGoal.objects.get(plan__employee__user=participant.user)
    assert (goal.goal, goal.actions, goal.competency) == ("Beter luisteren", "Intervisie", competency)
    assert goal.plan.employee.organisation == programme.organisation
    foreign = make_framework(org_a, name="Ander").competencies.first()
    with pytest.raises(ValidationError) as error:
        services.plan_save(participant=participant, goals={foreign.pk: ("x", "y")})
    assert error.value.code == "foreign_competency"


def test_design_and_cohort_changes_go_to_the_audit_log_without_naming_participants(programme, users):
    from competentie import audit
    from ontwikkeling import services

    services.principles_save(programme=programme, answers={}, user=users["hr"])
    cohort, _coach, participants = build_cohort(programme, size=1, prefix="gelogd")
    actions = [event.action for event in audit.history_for(programme)]
    assert "programme.created" in actions and "programme.cohort_created" in actions
    assert "programme.participant_added" in actions and "programme.principles_saved" in actions
    texts = " ".join(event.text for event in audit.history_for(programme))
    assert participants[0].user.username not in texts and cohort.name in texts
