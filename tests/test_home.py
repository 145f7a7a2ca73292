""" "Mijn werk": each role sees its own work on the home page, at a fixed query cost."""

import pytest
from django.urls import reverse
from django.utils import timezone

from competentie.organisations.models import Membership
from frameworks.models import Framework
from frameworks.services import review as review_services
from selectie.models import SelectionProcedure
from zelfevaluatie import services as round_services
from zelfevaluatie.models import EvaluationRound

from .factories import make_framework, make_user
from .selectie.conftest import build_day, score_all
from .zelfevaluatie.conftest import start_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def vth(seeded):
    return Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")


@pytest.fixture
def vth_profile(vth):
    return vth.profiles.get(name="Vergunningverlener")


def build_work(users, org_a, org_b, vth, vth_profile, size=1):
    """`size` of everything: procedures, drafts with comments, rounds, peer invitations.

    One round per framework line may be open, so every round but the last is closed before the next starts."""
    for n in range(size):
        day = build_day(
            hr=users["hr"],
            organisation=org_a,
            profile=vth_profile,
            assessors=[users["selecteur"]],
            name=f"Toezichthouder {n}",
        )
        score_all(day, users["selecteur"], day.candidates[0], submit=True)
        framework = make_framework(org_a, name=f"Kader {n}")
        review_services.reviewer_invite(framework=framework, user=users["hr"], reviewer=users["mt"])
        review_services.review_comment_add(
            framework=framework, user=users["mt"], text="Is dit meetbaar?", competency=framework.competencies.first()
        )
        EvaluationRound.objects.filter(organisation=org_a, finished_at__isnull=True).update(
            status=EvaluationRound.Status.FINISHED, finished_at=timezone.now()
        )
        evaluation = start_round(org_a, users["mt"], vth, period=f"20{30 + n}")
        peer = make_user(f"peer{n}_{size}", organisation=org_b, role=Membership.Role.MANAGEMENT)
        round_services.peer_review_invite(round=evaluation, username=peer.username, invited_by=users["mt"])
    return day, evaluation


def page(client_as, persona):
    response = client_as(persona).get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_selecteur_sees_candidates_to_score_with_progress(client_as, users, org_a, org_b, vth, vth_profile):
    build_work(users, org_a, org_b, vth, vth_profile)
    html = page(client_as, "selecteur")
    assert 'data-werk="scoren"' in html and "Toezichthouder 0" in html
    assert "1 van 2 kandidaten ingediend" in html
    assert 'data-werk="procedures"' not in html and 'data-werk="leden"' not in html


def test_hr_sees_drafts_with_open_comments_and_procedures_waiting(client_as, users, org_a, org_b, vth, vth_profile):
    day, _ = build_work(users, org_a, org_b, vth, vth_profile)
    html = page(client_as, "hr")
    assert "Kader 0" in html and "1 open opmerking van een meelezer" in html
    assert "Scores ingediend: 1 van 2." in html
    score_all(day, users["selecteur"], day.candidates[1], submit=True)
    SelectionProcedure.objects.filter(pk=day.procedure.pk).update(status=SelectionProcedure.Status.CALIBRATION)
    html = page(client_as, "hr")
    assert "nog 3 kandidaten zonder besluit" in html
    assert reverse("selectie:calibration", args=[day.procedure.pk]) in html


def test_mt_sees_rounds_and_review_requests(client_as, users, org_a, org_b, vth, vth_profile):
    build_work(users, org_a, org_b, vth, vth_profile)
    html = page(client_as, "mt")
    assert 'data-werk="zelfevaluatie"' in html and "U hebt 0 van" in html
    assert 'data-werk="meelezen"' in html and "Gevraagd door hr" in html
    assert 'data-werk="scoren"' not in html


def test_peer_sees_invitations(client, users, org_a, org_b, vth, vth_profile):
    _day, evaluation = build_work(users, org_a, org_b, vth, vth_profile)
    peer = evaluation.peer_reviews.get().reviewer
    client.force_login(peer)
    html = client.get(reverse("home")).content.decode()
    assert 'data-werk="toetsing"' in html and "Gemeente Aadorp, zelfevaluatie 2030" in html


def test_beheerder_sees_members_and_menu_without_dead_ends(client_as, users):
    html = page(client_as, "beheerder")
    assert 'data-werk="leden"' in html and "actieve leden" in html
    assert reverse("selectie:procedure-list") not in html
    assert reverse("zelfevaluatie:round-list") not in html


def test_menu_shows_only_parts_with_work_for_the_role(client_as):
    selecteur = page(client_as, "selecteur")
    assert reverse("selectie:procedure-list") in selecteur and reverse("zelfevaluatie:round-list") not in selecteur
    mt = page(client_as, "mt")
    assert reverse("zelfevaluatie:round-list") in mt and reverse("selectie:procedure-list") not in mt


@pytest.mark.parametrize("persona", ["hr", "selecteur", "mt", "beheerder"])
def test_home_costs_the_same_queries_with_one_or_four_of_everything(
    persona, client_as, users, org_a, org_b, vth, vth_profile, django_assert_max_num_queries
):
    build_work(users, org_a, org_b, vth, vth_profile, size=1)
    client = client_as(persona)
    # Expect at most 13: session, user, roles, then one or two per part the role sees (medewerkers: one).
    with django_assert_max_num_queries(13) as small:
        client.get(reverse("home"))
    build_work(users, org_a, org_b, vth, vth_profile, size=4)
    with django_assert_max_num_queries(13) as large:
        client.get(reverse("home"))
    assert len(small.captured_queries) == len(large.captured_queries)


def test_participants_of_a_development_programme_find_their_way(client, org_a):
    participant = make_user("deelnemer_a", organisation=org_a, role=Membership.Role.DEELNEMER)
    client.force_login(participant)
    html = client.get(reverse("home")).content.decode()
    assert 'data-werk="ontwikkeling"' in html and reverse("ontwikkeling:programme-list") in html
    assert reverse("selectie:procedure-list") not in html
