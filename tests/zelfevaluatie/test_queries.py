import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competentie.organisations.models import Membership
from tests.factories import make_user
from zelfevaluatie import services

from .conftest import score_everything, start_round

pytestmark = pytest.mark.django_db


def grow(org, mt, vth, *, rounds, participants):
    people = [make_user(organisation=org, role=Membership.Role.HR) for _ in range(participants)]
    for number in range(rounds):
        round = start_round(org, mt, vth, period=f"{2020 + 2 * number}–{2021 + 2 * number}", participants=people)
        score_everything(round, score=1 + number % 5)
        services.round_advance(round=round)


def count(client, url):
    # The first request of a session also refreshes the session's idle clock; measure a later one.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_round_overview_costs_the_same_with_one_round_or_five(
    client_as, users, org_a, vth, django_assert_max_num_queries
):
    client = client_as("mt")
    url = reverse("zelfevaluatie:round-list")
    grow(org_a, users["mt"], vth, rounds=1, participants=1)
    small = count(client, url)
    grow(org_a, users["mt"], vth, rounds=4, participants=6)
    assert count(client, url) == small
    # Expect 8 queries: session, user, memberships, the overview's rounds (only the columns that place
    # them), the listed page with its counts, the growth charts from the cache (one read for every
    # framework line), "may start a round?", rounds the user reviews for others.
    with django_assert_max_num_queries(8):
        client.get(url)


def test_round_overview_reads_the_charts_of_every_framework_line_at_once(
    client_as, users, org_a, vth, django_assert_max_num_queries
):
    """Each framework line the organisation ever evaluated has its growth chart on the overview: they
    come from the cache in one read, so a second line costs no query more than one."""
    from frameworks.models import Framework

    client = client_as("mt")
    url = reverse("zelfevaluatie:round-list")
    grow(org_a, users["mt"], vth, rounds=2, participants=1)
    one_line = count(client, url)
    divosa = Framework.objects.get(organisation__isnull=True, name__startswith="Divosa")
    grow(org_a, users["mt"], divosa, rounds=2, participants=1)
    response = client.get(url)
    assert response.content.decode().count("Groei: afgesproken scores per profiel (") == 2
    assert count(client, url) == one_line
    with django_assert_max_num_queries(8):
        client.get(url)


def url_of(name, round):
    if name in ("meeting", "rating"):
        return reverse(f"zelfevaluatie:{name}", args=[round.pk, round.round_profiles.first().profile_id])
    return reverse(f"zelfevaluatie:{name}", args=[round.pk])


@pytest.mark.parametrize(
    "name", ["round-detail", "team", "meeting", "scorers", "peer-reviews", "conclusions", "round-json", "round-csv"]
)
def test_round_pages_cost_the_same_with_few_or_many_participants(client_as, users, org_a, vth, name):
    client = client_as("mt")
    # One open round per lineage: each round is measured while open, then closed for the next one.
    first = start_round(org_a, users["mt"], vth, period="eerste")  # so both measured rounds have a previous round
    score_everything(first)
    services.round_advance(round=first)
    small_round = start_round(org_a, users["mt"], vth, period="klein")
    score_everything(small_round)
    small = count(client, url_of(name, small_round))
    services.round_advance(round=small_round)
    people = [make_user(organisation=org_a, role=Membership.Role.HR) for _ in range(8)]
    large_round = start_round(org_a, users["mt"], vth, period="groot", participants=people)
    score_everything(large_round)
    large = count(client, url_of(name, large_round))
    assert small == large
    if name in BUDGETS:
        assert large <= BUDGETS[name]


# Session, user, memberships (3); the round with its participants, their ratings, peer reviews, profiles,
# their scorers, scale points and agreed scores (8); the round page adds the previous round's profiles,
# agreed scores and actions (3) and the members one may invite (1); the team view and the meeting add the
# notes per hulpvraag (1). Neither reads the actions or the peer reviewers' notes (round_full does).
# The team view and the meeting show everyone's scores and notes: each writes its read line (lock the
# chain's head, write, move it: 3).
BUDGETS = {"round-detail": 15, "team": 15, "meeting": 15}


@pytest.mark.parametrize("name", ["round-detail", "team", "meeting"])
def test_a_chair_and_a_team_view_opened_early_cost_no_query_more(client_as, users, org_a, vth, name):
    """The pages join the round's relations they show (zelfevaluatie.selectors.ROUND_PAGE_RELATIONS and
    TEAM_RELATIONS): naming a chair and opening the team view early add nothing to read."""
    client = client_as("mt")
    first = start_round(org_a, users["mt"], vth, period="eerste")
    score_everything(first)
    services.round_advance(round=first)
    round = start_round(org_a, users["mt"], vth, period="tweede")
    before = count(client, url_of(name, round))
    services.round_update(round=round, period=round.period, contact_name="", contact_function="", chair=users["mt"])
    services.round_open_team_view(round=round, user=users["mt"], reason="Afgesproken in het MT.")
    page = client.get(url_of(name, round)).content.decode()
    if name == "team":
        assert "Het teamoverzicht is vroeg geopend door" in page
    assert count(client, url_of(name, round)) == before
