"""The generated self-evaluation data of `manage.py generate_municipality` (small scale, SQLite)."""

import random
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from bench.generate import zelfevaluatie as zelfevaluatie_generate
from bench.generate.frameworks import generate_frameworks
from competentie.organisations.models import Membership
from frameworks.models import Framework, RatingScale
from zelfevaluatie.models import (
    Action,
    Answer,
    EvaluationRound,
    PeerReview,
    Rating,
    RoundProfile,
)
from zelfevaluatie.services import profile_snapshot

from ..once import built_once

SCALE = 0.2  # 8 rounds: 4 on the VTH framework and 4 on a generated framework


def run(seed: int = 7, scale: float = SCALE):
    rng = random.Random(seed)
    base = generate_frameworks(
        rng=rng,
        frameworks=2,
        competencies_per_framework=20,
        profiles_per_framework=4,
        competencies_per_profile=3,
        selecteurs=6,
        hr=1,
        management=5,
    )
    summary, manifest = zelfevaluatie_generate.generate(base=base, rng=rng, scale=scale)
    return base, summary, manifest


@pytest.fixture(scope="module")
def generated_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield run()


@pytest.fixture
def generated(generated_once, seeded):
    """The generated rounds, built once for this module's tests (tests/once.py)."""
    return generated_once


@pytest.fixture
def vth(seeded):
    return Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")


def rounds_of(base):
    return list(
        EvaluationRound.objects.filter(organisation=base.organisation)
        .select_related("framework", "scale", "previous_round")
        .prefetch_related("participants", "round_profiles", "actions", "conclusions", "scale__points")
        .order_by("pk")
    )


def signature(base) -> list:
    """Everything generated, without primary keys or timestamps."""
    data = []
    for evaluation in rounds_of(base):
        data.append(
            (
                evaluation.framework.name,
                evaluation.period,
                evaluation.status,
                evaluation.contact_name,
                evaluation.previous_round.period if evaluation.previous_round else None,
                sorted(p.user.username for p in evaluation.participants.select_related("user")),
                sorted(
                    Rating.objects.filter(participant__round=evaluation).values_list(
                        "participant__user__username", "profile__name", "score", "justification"
                    )
                ),
                sorted(evaluation.conclusions.values_list("profile__name", "agreed_score", "justification")),
                sorted(
                    Answer.objects.filter(round=evaluation).values_list(
                        "question__text", "participant__user__username", "profile__name", "text"
                    )
                ),
                sorted(evaluation.actions.values_list("what", "owner", "status", "deadline"), key=str),
                sorted(evaluation.peer_reviews.values_list("reviewer__username", "notes__text"), key=str),
            )
        )
    return data


def test_generation_creates_rounds_with_participants_scores_answers_actions_and_peer_reviews(generated, vth):
    base, summary, _manifest = generated
    rounds = rounds_of(base)
    assert len(rounds) == 8
    assert {r.framework for r in rounds} == {vth, base.frameworks[0]}
    for evaluation in rounds:
        participants = list(evaluation.participants.all())
        profiles = [rp.profile_id for rp in evaluation.round_profiles.all()]
        assert 5 <= len(participants) <= 8
        assert evaluation.created_by.memberships.get().role == Membership.Role.MANAGEMENT
        assert Rating.objects.filter(participant__round=evaluation).count() == len(participants) * len(profiles)
        assert not Rating.objects.filter(participant__round=evaluation, justification="").exists()
        assert 3 <= len(evaluation.actions.all()) <= 6
        if evaluation.is_finished:
            assert evaluation.finished_at is not None
            assert sorted(c.profile_id for c in evaluation.conclusions.all()) == sorted(profiles)
    statuses = [r.status for r in rounds]
    assert statuses.count(EvaluationRound.Status.IN_PROGRESS) == 2  # the newest round of each framework
    assert statuses.count(EvaluationRound.Status.FINISHED) == 6
    vth_answers = Answer.objects.filter(round__organisation=base.organisation, round__framework=vth)
    assert vth_answers.filter(participant__isnull=False, profile__isnull=False).exists()  # step-1 hulpvragen
    assert vth_answers.filter(participant__isnull=True, profile__isnull=True).exists()  # step-3 conclusions
    assert (
        PeerReview.objects.filter(round__organisation=base.organisation)
        .exclude(organisation=base.organisation)
        .exists()
    )
    assert summary.startswith("8 zelfevaluatierondes over 2 frameworks")


def test_scores_and_agreed_scores_lie_on_the_scale_of_their_round(generated, vth):
    base, _summary, _manifest = generated
    for evaluation in rounds_of(base):
        values = {point.value for point in evaluation.scale.points.all()}
        assert values == {1, 2, 3, 4, 5}
        scores = set(Rating.objects.filter(participant__round=evaluation).values_list("score", flat=True))
        assert scores <= values
        assert {c.agreed_score for c in evaluation.conclusions.all()} <= values
    own_scale = RatingScale.objects.get(framework=base.frameworks[0])
    assert own_scale.organisation == base.organisation
    assert (
        EvaluationRound.objects.filter(framework=vth, organisation=base.organisation)
        .exclude(scale__framework=vth)
        .count()
        == 0
    )


def test_rounds_of_a_framework_chain_through_consecutive_biennial_periods(generated):
    base, _summary, _manifest = generated
    by_framework = {}
    for evaluation in rounds_of(base):
        by_framework.setdefault(evaluation.framework_id, []).append(evaluation)
    for chain in by_framework.values():
        chain.sort(key=lambda r: r.period)
        assert chain[0].previous_round is None
        for earlier, later in zip(chain, chain[1:]):
            assert later.previous_round == earlier
            assert int(later.period[:4]) == int(earlier.period[:4]) + 2
            assert later.created_at > earlier.created_at
        for evaluation in chain:
            assert re.fullmatch(r"(\d{4})–(\d{4})", evaluation.period)
            assert int(evaluation.period[-4:]) == int(evaluation.period[:4]) + 1
        assert [r.is_finished for r in chain] == [True] * (len(chain) - 1) + [False]


def test_round_profiles_keep_the_snapshot_and_open_actions_carry_forward(generated):
    base, _summary, _manifest = generated
    for round_profile in RoundProfile.objects.filter(round__organisation=base.organisation).select_related("profile"):
        snapshot, fingerprint = profile_snapshot(round_profile.profile)
        assert round_profile.snapshot == snapshot
        assert round_profile.fingerprint == fingerprint
    carried = Action.objects.filter(round__organisation=base.organisation, carried_from__isnull=False)
    assert carried.exists()
    for action in carried.select_related("round", "carried_from__round"):
        assert action.carried_from.round == action.round.previous_round
        assert action.carried_from.status in Action.OPEN_STATUSES
        assert action.what == action.carried_from.what


def test_every_manifest_url_opens_for_its_user(generated):
    _base, _summary, manifest = generated
    assert list(manifest) == ["zelfevaluatie"]
    entries = manifest["zelfevaluatie"]
    assert set(entries) == {"overview", "round", "team", "round_pdf"}
    users = {user.username: user for user in get_user_model().objects.all()}
    for key, items in entries.items():
        assert len(items) >= 5, key
        for entry in items:
            assert set(entry) == {"username", "url"}
            client = Client()
            client.force_login(users[entry["username"]])
            response = client.get(entry["url"])
            assert response.status_code == 200, (key, entry)
            if key == "round_pdf":
                assert response["Content-Type"] == "application/pdf"
    pdf_rounds = {int(entry["url"].split("/")[-2]) for entry in entries["round_pdf"]}
    assert all(r.is_finished for r in EvaluationRound.objects.filter(pk__in=pdf_rounds))
