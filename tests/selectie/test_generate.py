"""The generated municipality's selectie part (bench/generate/selectie.py), at a small scale on SQLite."""

import hashlib
import random
import re

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from bench.generate import selectie as selectie_generate
from bench.generate.frameworks import generate_frameworks
from selectie.models import (
    Assignment,
    Candidate,
    CandidatePersonalData,
    ConsensusScore,
    Decision,
    Exercise,
    Score,
    SelectionProcedure,
    Submission,
)

from ..once import built_once

SCALE = 0.05  # 8 procedures, 500 candidates, 3 selecteurs, about 20,000 scores
Status = SelectionProcedure.Status


def scaled(number: int, scale: float = SCALE) -> int:
    return max(1, round(number * scale))


def run(*, seed: int = 42, scale: float = SCALE):
    """What `manage.py generate_municipality` does: frameworks first, then selectie, from one generator."""
    rng = random.Random(seed)
    base = generate_frameworks(
        rng=rng,
        frameworks=scaled(20, scale),
        competencies_per_framework=150,
        profiles_per_framework=20,
        selecteurs=scaled(60, scale),
    )
    summary, manifest = selectie_generate.generate(base=base, rng=rng, scale=scale)
    return base, summary, manifest


def digest() -> str:
    """A fingerprint of the generated data by natural keys (never primary keys)."""
    rows = [
        *SelectionProcedure.objects.order_by("name").values_list(
            "name", "status", "profile__name", "scale__name", "retention_weeks"
        ),
        *Exercise.objects.order_by("procedure__name", "order").values_list("procedure__name", "name", "kind"),
        *CandidatePersonalData.objects.order_by("candidate__procedure__name", "candidate__number").values_list(
            "candidate__procedure__name", "candidate__code", "name", "email", "notes"
        ),
        *Score.objects.annotate(ticked=Count("observed_indicators"))
        .order_by(
            "assignment__procedure__name",
            "assignment__candidate__number",
            "assignment__exercise__order",
            "assignment__selecteur__username",
            "competency__order",
            "competency__name",
        )
        .values_list(
            "assignment__procedure__name",
            "assignment__candidate__code",
            "assignment__exercise__order",
            "assignment__selecteur__username",
            "competency__name",
            "value",
            "evidence",
            "ticked",
        ),
        *ConsensusScore.objects.order_by(
            "candidate__procedure__name", "candidate__number", "competency__name"
        ).values_list("candidate__procedure__name", "candidate__code", "competency__name", "value"),
        *Decision.objects.order_by("candidate__procedure__name", "candidate__number").values_list(
            "candidate__procedure__name", "candidate__code", "outcome", "justification"
        ),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def generated_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield run()


@pytest.fixture
def generated(generated_once, db):
    """The generated municipality, built once for this module's tests (tests/once.py)."""
    return generated_once


def test_counts_are_proportional_to_the_scale(generated):
    _base, summary, _manifest = generated
    assert SelectionProcedure.objects.count() == scaled(150)
    assert Candidate.objects.count() == scaled(10_000)
    # ~400,000 scores at scale 1.0; fewer selecteurs at a small scale means slightly smaller panels.
    assert 0.6 * 400_000 * SCALE <= Score.objects.count() <= 1.3 * 400_000 * SCALE
    assert str(Score.objects.count()) in summary
    per_procedure = SelectionProcedure.objects.annotate(n=Count("exercises"))
    assert {procedure.n for procedure in per_procedure} <= {2, 3}
    panels = Assignment.objects.values("candidate").annotate(n=Count("selecteur", distinct=True))
    assert {panel["n"] for panel in panels} <= {2, 3}
    assert set(SelectionProcedure.objects.values_list("status", flat=True)) == set(Status.values)


def test_candidate_codes_are_unique_per_procedure_and_numbered_from_k001(generated):
    for procedure in SelectionProcedure.objects.all():
        codes = list(procedure.candidates.order_by("number").values_list("code", flat=True))
        assert len(codes) == len(set(codes)) >= 1
        assert codes[0] == "K-001"
        assert all(re.fullmatch(r"K-\d{3,}", code) for code in codes)
    emails = CandidatePersonalData.objects.values_list("email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)


def test_every_score_is_a_point_on_the_scale_of_its_procedure_and_observed_in_its_exercise(generated):
    points = {}
    for procedure in SelectionProcedure.objects.prefetch_related("scale__points", "exercises__competencies"):
        points[procedure.pk] = {point.value for point in procedure.scale.points.all()}
    observed = {(e.pk, c) for e in Exercise.objects.all() for c in e.competencies.values_list("pk", flat=True)}
    for procedure_id, exercise_id, competency_id, value in Score.objects.values_list(
        "assignment__procedure_id", "assignment__exercise_id", "competency_id", "value"
    ):
        assert value is None or value in points[procedure_id]
        assert (exercise_id, competency_id) in observed
    consensus = ConsensusScore.objects.values_list("candidate__procedure_id", "value")
    assert consensus and all(value in points[procedure_id] for procedure_id, value in consensus)


def test_statuses_decide_what_exists(generated):
    assert not Score.objects.filter(assignment__procedure__status=Status.PREPARATION).exists()
    assert set(ConsensusScore.objects.values_list("candidate__procedure__status", flat=True)) <= {
        Status.CALIBRATION,
        Status.CLOSED,
    }
    assert set(Decision.objects.values_list("candidate__procedure__status", flat=True)) <= {
        Status.CALIBRATION,
        Status.CLOSED,
    }
    # A closed procedure: every candidate has a decision and every selecteur handed in.
    closed = Candidate.objects.filter(procedure__status=Status.CLOSED)
    assert closed.count() == closed.filter(decision__isnull=False).count()
    # Handed-in scores are complete: a value, and evidence or ticked behaviour.
    for submission in Submission.objects.all()[:300]:
        for score in Score.objects.filter(
            assignment__candidate=submission.candidate_id, assignment__selecteur=submission.selecteur_id
        ):
            assert score.value is not None
            assert score.evidence or score.observed_indicators.exists()


def test_the_manifest_has_work_for_every_selecteur_and_calibration_and_pdf_links(generated):
    base, _summary, manifest = generated
    assert set(manifest) == {"selectie"}
    part = manifest["selectie"]
    assert set(part) == {"scoring", "calibration", "candidate_pdf"}
    assert set(part["scoring"]) == {user.username for user in base.users["selecteur"]}
    assert all(len(entries) >= 5 for entries in part["scoring"].values())
    assert len(part["calibration"]) == 20 and len(part["candidate_pdf"]) == 20
    hr = {user.username for user in base.users["hr"]}
    calibrating = set(SelectionProcedure.objects.filter(status=Status.CALIBRATION).values_list("pk", flat=True))
    for entry in part["calibration"]:
        assert entry["username"] in hr
        assert int(re.fullmatch(r"/selectie/(\d+)/kalibratie/", entry["url"]).group(1)) in calibrating
    for entry in part["candidate_pdf"]:
        assert entry["username"] in hr and entry["url"].endswith("/terugkoppeling.pdf")


def test_every_manifest_save_is_accepted_by_the_autosave_view(generated, client):
    _base, _summary, manifest = generated
    users = get_user_model().objects
    for username, entries in manifest["selectie"]["scoring"].items():
        client.force_login(users.get(username=username))
        for entry in entries:
            assert 2 <= len(entry["save_data"]) <= 4
            assert client.get(entry["screen"]).status_code == 200
            for body in entry["save_data"]:
                response = client.post(entry["save"], body)
                assert response.status_code == 200, (body, response.content.decode())
                assert response.json()["saved"] is True


def test_manifest_calibration_and_pdf_pages_open_for_hr(generated, client):
    _base, _summary, manifest = generated
    users = get_user_model().objects
    for entry in manifest["selectie"]["calibration"][:2] + manifest["selectie"]["candidate_pdf"][:1]:
        client.force_login(users.get(username=entry["username"]))
        response = client.get(entry["url"])
        assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
