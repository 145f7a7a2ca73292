"""A departed employee is purged with no trace in any column or log; agreed results expire; the daily
purge (purge_candidates, through RETENTION_PURGES) runs it; nothing of medewerkers reaches selectie."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from competentie.audit.models import AuditEvent
from competentie.people.models import Employee, PlanGoal
from medewerkers import services
from medewerkers.models import Assessment, Conversation

from .conftest import open_cycle, score_all

pytestmark = pytest.mark.django_db


def test_a_departed_employee_is_purged_by_the_daily_purge_with_no_trace(team, users):
    team_, manager, (employee, other, *_rest) = team
    cycle = open_cycle(team_, users["hr"])
    own = cycle.assessments.get(employee=employee, kind="self")
    score_all(own)
    services.assessment_hand_in(assessment=own, user=employee.user)
    competency = employee.profile.profile_competencies.first().competency
    services.goal_save(employee=employee, competency_id=competency.pk, goal="Geheim doel Xyzzy")
    services.employee_save(
        organisation_id=employee.organisation_id,
        name=employee.name,
        employee=employee,
        profile_id=employee.profile_id,
        user=users["hr"],
    )
    Employee.objects.filter(pk=employee.pk).update(left_on=timezone.localdate() - timedelta(days=365))
    call_command("purge_candidates", stdout=StringIO())
    assert not Employee.objects.filter(pk=employee.pk).exists()
    assert not Assessment.objects.filter(employee_id=employee.pk).exists()
    assert not Conversation.objects.filter(employee_id=employee.pk).exists()
    assert not PlanGoal.objects.filter(goal__contains="Xyzzy").exists()
    assert not any(employee.name in str(e.params) for e in AuditEvent.objects.all())
    # Colleagues are untouched.
    assert Conversation.objects.filter(employee=other).exists()


def test_agreed_results_are_deleted_once_their_retention_has_passed(team, settings):
    team_, _manager, _employees = team
    cycle = open_cycle(team_)
    from medewerkers.privacy import results_purge_expired

    assert results_purge_expired(today=cycle.period_end) == 0
    later = cycle.period_end + timedelta(days=settings.MEDEWERKERS_RESULT_RETENTION_DAYS + 1)
    assert results_purge_expired(today=later) == 3
    assert not Conversation.objects.filter(cycle=cycle).exists() and not cycle.assessments.exists()


def test_selectie_never_imports_medewerkers_or_the_people_layer():
    root = Path(__file__).resolve().parents[2] / "selectie"
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "medewerkers" not in text and "competentie.people" not in text, path


def test_medewerkers_imports_no_other_product_app():
    root = Path(__file__).resolve().parents[2] / "medewerkers"
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for app in ("selectie", "zelfevaluatie", "ontwikkeling"):
            assert f"from {app}" not in text and f"import {app}" not in text, (path, app)


def test_the_demo_seeds_a_team_with_a_cycle_an_agreed_conversation_and_a_pop(settings, seeded, capsys):
    settings.DEBUG = True
    call_command("setup_demo")
    out = capsys.readouterr().out
    assert "Team Werk en Inkomen" in out
    team = Employee.objects.filter(team__name="Team Werk en Inkomen")
    assert team.count() == 6 and team.filter(manager__username="leidinggevende").count() == 6
    conversation = Conversation.objects.get(employee__user__username="medewerker")
    assert conversation.is_frozen and conversation.employee_response == "akkoord"
    assert PlanGoal.objects.filter(plan__employee=conversation.employee).exists()
    call_command("setup_demo")
    assert "bestond al" in capsys.readouterr().out
