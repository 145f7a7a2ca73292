"""Cycles, assessments, blindness, the conversation (agreed, frozen, a new version with a reason), the POP,
the CSV import (refused whole) and the team matrix (constant queries)."""

import pytest
from django.core.exceptions import ValidationError

from competentie.audit.models import AuditEvent
from competentie.people.models import Employee, LearningApproach
from medewerkers import selectors, services
from medewerkers.blindness import visibility_for
from medewerkers.models import Assessment, Conversation

from .conftest import build_team, divosa_profile, open_cycle, score_all

pytestmark = pytest.mark.django_db


def _pair(cycle, employee):
    mine = Assessment.objects.filter(cycle=cycle, employee=employee)
    return mine.get(kind="self"), mine.get(kind="manager")


def test_opening_a_cycle_gives_every_employee_a_self_and_manager_assessment_on_schema_4_2(team, users):
    team_, manager, employees = team
    cycle = open_cycle(team_, users["hr"])
    assert cycle.scale.points.count() == 6
    assert Assessment.objects.filter(cycle=cycle).count() == 6
    assert Conversation.objects.filter(cycle=cycle).count() == 3
    assert AuditEvent.objects.filter(action="cycle.opened").exists()


def test_deadlines_in_the_wrong_order_are_refused(team):
    from datetime import date

    with pytest.raises(ValidationError):
        services.cycle_open(
            user=None,
            team=team[0],
            name="x",
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 1),
            self_deadline=date(2026, 11, 1),
            manager_deadline=date(2026, 10, 1),
            conversation_deadline=date(2026, 12, 1),
        )


def test_raters_are_blind_to_each_other_until_they_hand_in(team, users):
    team_, manager, (employee, *_rest) = team
    cycle = open_cycle(team_)
    own, managers = _pair(cycle, employee)
    score_all(own, 2)
    score_all(managers, 5)
    conversation = Conversation.objects.get(cycle=cycle, employee=employee)
    # Nobody has handed in: the employee sees only their own; the manager only theirs; HR nothing.
    sheet = selectors.conversation_sheet(user=employee.user, conversation=conversation)
    assert {r.self_value for r in sheet.rows} == {2} and {r.manager_value for r in sheet.rows} == {None}
    sheet = selectors.conversation_sheet(user=manager, conversation=conversation)
    assert {r.self_value for r in sheet.rows} == {None} and {r.manager_value for r in sheet.rows} == {5}
    sheet = selectors.conversation_sheet(user=users["hr"], conversation=conversation)
    assert {r.self_value for r in sheet.rows} == {None} and {r.manager_value for r in sheet.rows} == {None}
    # The employee hands in: the manager's (not handed in) stays hidden from them; the manager still sees no self.
    services.assessment_hand_in(assessment=own, user=employee.user)
    sheet = selectors.conversation_sheet(user=employee.user, conversation=conversation)
    assert {r.manager_value for r in sheet.rows} == {None}
    sheet = selectors.conversation_sheet(user=manager, conversation=conversation)
    assert {r.self_value for r in sheet.rows} == {None}
    # The manager hands in: both see both.
    services.assessment_hand_in(assessment=managers, user=manager)
    for user in (employee.user, manager, users["hr"]):
        sheet = selectors.conversation_sheet(user=user, conversation=conversation)
        assert {(r.self_value, r.manager_value) for r in sheet.rows} == {(2, 5)}


def test_a_handed_in_assessment_never_changes_and_an_incomplete_one_cannot_be_handed_in(team):
    team_, _manager, (employee, *_rest) = team
    own, _managers = _pair(open_cycle(team_), employee)
    with pytest.raises(ValidationError) as error:
        services.assessment_hand_in(assessment=own, user=employee.user)
    assert error.value.code == "incomplete"
    score_all(own)
    services.assessment_hand_in(assessment=own, user=employee.user)
    own.refresh_from_db()
    pc = employee.profile.profile_competencies.first()
    with pytest.raises(ValidationError) as error:
        services.score_save(assessment=own, profile_competency_id=pc.pk, value=6)
    assert error.value.code == "handed_in"


def test_a_level_off_the_scale_or_a_foreign_competency_is_refused(team):
    from frameworks.models import ProfileCompetency

    team_, _manager, (employee, *_rest) = team
    own, _managers = _pair(open_cycle(team_), employee)
    pc = employee.profile.profile_competencies.first()
    with pytest.raises(ValidationError):
        services.score_save(assessment=own, profile_competency_id=pc.pk, value=7)
    foreign = ProfileCompetency.objects.exclude(profile=employee.profile).first()
    with pytest.raises(ValidationError):
        services.score_save(assessment=own, profile_competency_id=foreign.pk, value=3)


def _agreed(team_, employee, manager, value=3):
    cycle = open_cycle(team_)
    own, managers = _pair(cycle, employee)
    score_all(own, 4)
    score_all(managers, 2)
    services.assessment_hand_in(assessment=own, user=employee.user)
    services.assessment_hand_in(assessment=managers, user=manager)
    conversation = Conversation.objects.get(cycle=cycle, employee=employee)
    agreed = {pc.pk: (value, "") for pc in employee.profile.profile_competencies.all()}
    first = employee.profile.profile_competencies.first()
    agreed[first.pk] = (1, "Hier ligt de grootste opgave")
    services.conversation_record(conversation=conversation, user=manager, agreed=agreed, summary="Goed gesprek")
    return conversation


def test_the_conversation_orders_competencies_by_what_needs_development_first(team):
    team_, manager, (employee, *_rest) = team
    conversation = _agreed(team_, employee, manager)
    sheet = selectors.conversation_sheet(user=manager, conversation=conversation)
    first = employee.profile.profile_competencies.first()
    assert sheet.rows[0].profile_competency == first
    assert sheet.rows[0].gap == 3 and sheet.rows[0].required == 4
    assert [r.gap for r in sheet.rows] == sorted((r.gap for r in sheet.rows), reverse=True)


def test_the_manager_records_after_handing_in_and_the_employee_freezes_it(team):
    team_, manager, (employee, *_rest) = team
    cycle = open_cycle(team_)
    conversation = Conversation.objects.get(cycle=cycle, employee=employee)
    with pytest.raises(ValidationError) as error:
        services.conversation_record(conversation=conversation, user=manager, agreed={})
    assert error.value.code == "manager_first"
    conversation = _agreed(team_, employee, manager)
    services.conversation_respond(conversation=conversation, user=employee.user, response="akkoord", comment="Eens")
    conversation.refresh_from_db()
    assert conversation.is_frozen and conversation.employee_response == "akkoord"
    with pytest.raises(ValidationError) as error:
        services.conversation_record(conversation=conversation, user=manager, agreed={})
    assert error.value.code == "frozen"


def test_a_new_version_needs_a_reason_kept_in_the_audit_log(team):
    team_, manager, (employee, *_rest) = team
    conversation = _agreed(team_, employee, manager)
    services.conversation_respond(conversation=conversation, user=employee.user, response="gezien")
    with pytest.raises(ValidationError):
        services.conversation_new_version(conversation=conversation, user=manager, reason="  ")
    services.conversation_new_version(conversation=conversation, user=manager, reason="Fout in niveau samenwerken")
    conversation.refresh_from_db()
    assert conversation.version == 2 and not conversation.is_frozen
    event = AuditEvent.objects.get(action="cycle.conversation_reopened")
    assert event.params["reason"] == "Fout in niveau samenwerken"


def test_the_pop_keeps_goals_with_a_learning_approach_deadline_and_notes(team):
    from datetime import date

    from competentie.people.selectors import plan_goals

    team_, manager, (employee, *_rest) = team
    competency = employee.profile.profile_competencies.first().competency
    goal = services.goal_save(
        employee=employee,
        competency_id=competency.pk,
        goal="Beter luisteren",
        learning_approach=LearningApproach.INTERVISIE,
        deadline=date(2027, 6, 1),
    )
    services.goal_note_add(goal=goal, user=manager, text="Eerste intervisie gehad")
    with pytest.raises(ValidationError):
        services.goal_save(employee=employee, competency_id=competency.pk, goal="x", learning_approach="yoga")
    (stored,) = plan_goals(employee=employee)
    assert stored.learning_approach == "intervisie" and stored.deadline == date(2027, 6, 1)
    assert [n.text for n in stored.notes.all()] == ["Eerste intervisie gehad"]


def test_a_csv_with_one_bad_row_writes_nothing_and_names_the_line(seeded, org_a, users):
    profile = divosa_profile()
    data = (
        "naam;e-mail;functieprofiel;leidinggevende;team\n"
        f"Anna;;{profile.name};;Team Werk\n"
        "=cmd|' /C calc'!A0;;bestaat niet;;Team Werk\n"
    ).encode()
    with pytest.raises(ValidationError) as error:
        services.employees_import_csv(organisation_id=org_a.pk, data=data)
    assert "Regel 3" in error.value.messages[0]
    assert not Employee.objects.filter(organisation=org_a).exists()
    good = f"naam,functieprofiel,team\nAnna,{profile.name},Team Werk\n'=1+1,,Team Werk\n".encode()
    assert services.employees_import_csv(organisation_id=org_a.pk, data=good) == 2
    assert Employee.objects.filter(organisation=org_a, profile=profile, team__name="Team Werk").count() == 1


@pytest.mark.parametrize("size", [5, 50])
def test_the_team_matrix_costs_the_same_queries_for_5_and_50(seeded, org_a, users, size, django_assert_num_queries):
    team_, manager, employees = build_team(org_a, size=size, manager=users["mt"])
    cycle = open_cycle(team_)
    hr = users["hr"]
    from competentie.organisations.access import roles_by_organisation

    roles_by_organisation(hr)
    # Expect 3 queries: conversations with employees, their items, the profiles' competencies.
    with django_assert_num_queries(3):
        matrix = selectors.team_matrix(user=hr, cycle=cycle)
    assert len(matrix.rows) == size and len(matrix.competencies) > 0


def test_visibility_of_another_employee_is_nothing(team):
    team_, _manager, (employee, other, *_rest) = team
    cycle = open_cycle(team_)
    assessments = Assessment.objects.filter(cycle=cycle, employee=employee)
    visibility = visibility_for(other.user, employee, assessments)
    assert not any(visibility.shows(a) for a in assessments)
