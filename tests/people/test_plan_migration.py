"""ontwikkeling 0005: every participant's plan line becomes a goal of their one POP, nothing lost; two
cohorts' lines for the same competency are kept together in one goal."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from competentie.people.models import Employee, PlanGoal


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_participants_plan_lines_move_into_the_shared_pop():
    executor = migrate([("ontwikkeling", "0004_follow_up_windows_removal")])
    leaves = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ("ontwikkeling", "people")]
    old = executor.loader.project_state([*leaves, ("ontwikkeling", "0004_follow_up_windows_removal")]).apps
    Organisation = old.get_model("organisations", "Organisation")
    Framework = old.get_model("frameworks", "Framework")
    Competency = old.get_model("frameworks", "Competency")
    Programme = old.get_model("ontwikkeling", "Programme")
    Cohort = old.get_model("ontwikkeling", "Cohort")
    Participant = old.get_model("ontwikkeling", "Participant")
    OldGoal = old.get_model("ontwikkeling", "PlanGoal")
    User = old.get_model("auth", "User")
    organisation = Organisation.objects.create(name="Migratiedorp")
    framework = Framework.objects.create(name="Kader", organisation=organisation)
    listen, lead = (Competency.objects.create(framework=framework, name=n) for n in ("Luisteren", "Leiden"))
    programme = Programme.objects.create(organisation=organisation, framework=framework, name="Traject")
    first, second = (Cohort.objects.create(programme=programme, name=n) for n in ("Groep 1", "Groep 2"))
    anna = User.objects.create(username="anna_m", first_name="Anna", last_name="Mol", email="anna@example.org")
    in_first = Participant.objects.create(cohort=first, user=anna)
    in_second = Participant.objects.create(cohort=second, user=anna)
    OldGoal.objects.create(participant=in_first, competency=listen, goal="Beter luisteren", actions="Intervisie")
    OldGoal.objects.create(participant=in_first, competency=lead, goal="Vaker leiden", actions="")
    OldGoal.objects.create(participant=in_second, competency=listen, goal="Samenvatten", actions="Intervisie")

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    employee = Employee.objects.get(organisation_id=organisation.pk, user_id=anna.pk)
    assert (employee.name, employee.email) == ("Anna Mol", "anna@example.org")
    goals = {g.competency_id: g for g in PlanGoal.objects.filter(plan__employee=employee)}
    assert set(goals) == {listen.pk, lead.pk}
    assert goals[listen.pk].goal == "Beter luisteren\n\nSamenvatten" and goals[listen.pk].actions == "Intervisie"
    assert goals[lead.pk].goal == "Vaker leiden"
