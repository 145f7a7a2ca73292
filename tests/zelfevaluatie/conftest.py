"""Rounds on the seeded VTH framework, and the people around them.

Personas (on top of tests/conftest.py): "mt" starts the round and takes part; "selecteur" is an
invited participant; "hr" is a member of the organisation who was not invited; "outsider"
(hr_beekdal) is a member of organisation B; "reviewer" is a member of organisation B invited
as peer reviewer of the round.
"""

import pytest
from django.test import Client

from competentie.organisations.models import Membership
from frameworks.models import Framework
from tests.factories import make_user
from zelfevaluatie import services


@pytest.fixture
def vth(seeded):
    return Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")


def start_round(organisation, user, framework, *, period="2025–2026", participants=()):
    return services.round_create(
        organisation=organisation,
        framework=framework,
        period=period,
        user=user,
        contact_name="Anna de Vries",
        contact_function="teamleider VTH",
        participants=list(participants),
    )


@pytest.fixture
def evaluation(users, org_a, vth):
    return start_round(org_a, users["mt"], vth, participants=[users["selecteur"]])


@pytest.fixture
def reviewer(org_b):
    return make_user("collega_beekdal", organisation=org_b, role=Membership.Role.MANAGEMENT)


@pytest.fixture
def peer_review(evaluation, reviewer, users):
    return services.peer_review_invite(round=evaluation, username=reviewer.username, invited_by=users["mt"])


@pytest.fixture
def client_for():
    def login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


def score_everything(round, *, score=3, agreed=None, hand_in=True):
    """Every participant scores (and hands in) every profile; the team agrees on a score per profile."""
    profiles = [rp.profile for rp in round.round_profiles.select_related("profile")]
    for participant in round.participants.select_related("round__scale"):
        for profile in profiles:
            services.rating_save(participant=participant, profile=profile, score=score, justification="Omdat.")
            if hand_in:
                services.rating_submit(participant=participant, profile=profile)
    for profile in profiles:
        services.conclusion_save(
            round=round,
            profile=profile,
            agreed_score=agreed or score,
            justification="Samen besproken.",
            user=round.created_by,
        )
    return profiles
