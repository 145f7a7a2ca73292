"""The documents: the procedure report fits A4 for 5, 8 and 12 competencies and names the
organisation; the candidate's feedback shows a small chart per competency against the required
level; and every place that flags disagreement agrees with the one rule."""

import random
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from bench.generate import selectie as selectie_generate
from bench.generate.frameworks import generate_frameworks
from competentie.organisations.models import Membership
from frameworks.models import Competency
from selectie import pdf, selectors, services
from selectie.models import Candidate, SelectionProcedure

from ..factories import make_framework, make_user
from .conftest import score_all

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NAMES = [
    "Oordeelsvorming",
    "Resultaatgerichtheid",
    "Klantgerichtheid",
    "Samenwerken",
    "Integriteit",
    "Flexibiliteit",
    "Communicatieve vaardigheden",
    "Plannen en organiseren",
    "Omgevingsbewustzijn",
    "Initiatief",
    "Overtuigingskracht",
    "Verantwoordelijkheid",
]


def published_profile(organisation, count: int):
    framework = make_framework(organisation, name=f"Kader met {count}", competencies=count, indicators=1)
    for competency, name in zip(framework.competencies.order_by("order"), NAMES, strict=False):
        Competency.objects.filter(pk=competency.pk).update(name=name)
    framework.published_at = timezone.now()
    framework.save(update_fields=["published_at"])
    return framework.profiles.get(parent__isnull=True)


def decided_day(users, organisation, count: int, *, candidates: int = 10):
    hr = users["hr"]
    second = make_user(f"tweede_{count}", organisation=organisation, role=Membership.Role.SELECTEUR)
    procedure = services.procedure_create(
        user=hr,
        organisation=organisation,
        name=f"Procedure met {count}",
        profile=published_profile(organisation, count),
    )
    competencies = selectors.procedure_competencies(procedure=procedure)
    exercise = services.exercise_create(procedure=procedure, name="Interview", competencies=competencies)
    people = [services.candidate_create(procedure=procedure, name=f"Persoon {n}") for n in range(candidates)]
    services.assignments_create(
        procedure=procedure, selecteurs=[users["selecteur"], second], candidates=people, exercises=[exercise]
    )
    procedure = services.procedure_transition(procedure=procedure, user=hr, status=SelectionProcedure.Status.OPEN)
    day = type("Day", (), {"procedure": procedure, "competencies": competencies})
    for index, candidate in enumerate(people):
        score_all(day, users["selecteur"], candidate, value=3, submit=True)
        score_all(day, second, candidate, value=5 if index % 3 == 0 else 3, submit=True)
        candidate = Candidate.objects.get(pk=candidate.pk)
        for competency in competencies:
            services.consensus_set(candidate=candidate, competency=competency, user=hr, value=4, rationale="Besproken.")
        services.decision_set(
            candidate=candidate, user=hr, outcome="reserve", justification=f"{competencies[0].name} voldoende."
        )
    return procedure, competencies


def pdf_text(content: bytes, *args) -> str:
    return subprocess.run(
        ["pdftotext", *args, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def page_sizes(content: bytes) -> set[str]:
    info = subprocess.run(["pdfinfo", "-l", "99", "-"], input=content, capture_output=True, check=True).stdout.decode()
    return {line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Page") and "size" in line}


@pytest.mark.parametrize("count", [5, 8, 12])
def test_the_procedure_report_fits_a4_with_every_competency_and_the_decision(users, org_a, client_for, count):
    procedure, competencies = decided_day(users, org_a, count)
    response = client_for("hr").get(reverse("selectie:procedure-pdf", args=[procedure.pk]))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"procedure-report-{count}.pdf").write_bytes(response.content)
    text = pdf_text(response.content)
    for competency in competencies:
        assert competency.name in text, competency.name
    assert "Besluit" in text and "Reserve" in text and "Gemiddeld" in text
    assert "Gemeente Aadorp" in text
    assert "K-010" in text  # the second table of candidates
    assert page_sizes(response.content) == {"595.276 x 841.89 pts (A4)"}


def test_the_feedback_pdf_charts_each_competency_against_the_required_level(users, org_a, client_for):
    procedure, competencies = decided_day(users, org_a, 5, candidates=1)
    candidate = procedure.candidates.get()
    response = client_for("hr").get(reverse("selectie:candidate-pdf", args=[procedure.pk, candidate.pk]))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "candidate-feedback.pdf").write_bytes(response.content)
    text = " ".join(pdf_text(response.content).split())
    assert "Gemeente Aadorp" in text
    # The factory's profile asks for "gevorderd", the middle of three levels: 4 on the 1–5 scale.
    assert text.count("Uw score: 4 Goed. Gevraagd: 4.") == 5
    assert "Dat is genoeg." in text
    context = pdf.candidate_report_context(candidate=candidate, include_name=False)
    assert [item["required_level"] for item in context["items"]] == ["gevorderd"] * 5
    assert all(item["chart"]["required_x"] is not None and item["chart"]["bar_width"] > 0 for item in context["items"])


def test_overview_candidate_page_board_pdf_and_insight_agree_on_every_flag(settings):
    rng = random.Random(12)
    base = generate_frameworks(
        rng=rng, frameworks=1, competencies_per_framework=40, profiles_per_framework=4, selecteurs=4
    )
    selectie_generate.generate(base=base, rng=rng, scale=0.02)
    procedure = max(
        SelectionProcedure.objects.all(), key=lambda p: (p.status in {"kalibratie", "afgerond"}, p.candidates.count())
    )
    chair = make_user("voorzitter", organisation=procedure.organisation, role=Membership.Role.HR)
    _competencies, rows = selectors.calibration_matrix(procedure=procedure, user=chair, is_hr=True)
    overview = {(row.candidate.pk, cell.competency_id) for row in rows for cell in row.cells if cell.disagreement}
    candidate_page = {
        (candidate.pk, block.competency.pk)
        for candidate in procedure.candidates.all()
        for block in selectors.consensus_blocks(candidate=candidate)
        if block.disagreement.flagged
    }
    board = {
        (row.candidate.pk, competency.pk)
        for row in selectors.board(procedure=procedure, user=chair)["rows"]
        for competency in row.flagged
    }
    report = pdf.procedure_report_context(procedure=procedure)["flags"]
    assert overview, "the generated procedure should have some disagreement"
    assert overview == candidate_page == board == set(report)
    from django.test import Client

    client = Client()
    client.force_login(chair)
    by_competency = client.get(reverse("selectie:insight", args=[procedure.pk])).context["by_competency"]
    assert {c.pk: flagged for c, flagged, _total in by_competency} == {
        c.pk: sum(1 for _cand, k in overview if k == c.pk) for c, _f, _t in by_competency
    }


def test_a_selecteurs_own_spread_over_exercises_is_no_disagreement(day, selecteurs, users):
    """One selecteur gives 1 in the interview and 5 in the case; the other 3 in both: both average 3."""
    from selectie.disagreement import panel_disagreement

    assert not panel_disagreement({"a": [1, 5], "b": [3, 3]}, threshold=2).flagged
    assert panel_disagreement({"a": [1, 1], "b": [3, 3]}, threshold=2).flagged
    assert not panel_disagreement({"a": [1, 1], "b": [3, 3]}, threshold=3).flagged
    assert not panel_disagreement({"a": [1, 5]}, threshold=2).flagged  # one selecteur alone never disagrees


def test_the_threshold_is_set_per_procedure(day, selecteurs, users):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, value=2, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=4, submit=True)
    flagged = {k for (c, k), d in selectors.procedure_disagreements(procedure=day.procedure).items() if d.flagged}
    assert len(flagged) == len(day.competencies)
    services.procedure_update(procedure=day.procedure, user=users["hr"], disagreement_threshold=3)
    procedure = SelectionProcedure.objects.get(pk=day.procedure.pk)
    assert not any(d.flagged for d in selectors.procedure_disagreements(procedure=procedure).values())
