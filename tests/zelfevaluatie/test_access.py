"""Every URL as every persona: anonymous → login, another organisation → 404, a member who is
not involved → 403, an invited peer reviewer → read-only on that one round."""

import pytest
from django.urls import reverse

from frameworks.models import Framework
from zelfevaluatie import services
from zelfevaluatie.models import Action, EvaluationRound

from .conftest import start_round

pytestmark = pytest.mark.django_db

OK, FOUND, FORBIDDEN, MISSING = 200, 302, 403, 404

# name, method, expected status for: mt, selecteur (participant), hr (member, not invited),
# outsider (organisation B), nobody (no organisation), reviewer (invited from organisation B)
MATRIX = [
    ("round-detail", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, OK)),
    ("round-update", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("round-advance", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("round-history", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("participant-add", "post", (FOUND, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("participant-remove", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("rating", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("rating-autosave", "post", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("profile-history", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    # The team view shows individual judgements: the organisation's own members only.
    ("team", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("team-open", "post", (FOUND, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("meeting", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("scorers", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    # The agreed score is recorded by the chair (mt) or an invited participant (selecteur).
    ("conclusion-save", "post", (FOUND, FOUND, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("peer-reviews", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, OK)),
    ("peer-notes", "get", (FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING, OK)),
    ("peer-notes-autosave", "post", (FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING, OK)),
    ("peer-host-notes", "post", (FOUND, FOUND, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("peer-review-remove", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("conclusions", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, OK)),
    ("conclusions-autosave", "post", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("action-create", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("action-update", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("action-delete", "get", (OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("round-pdf", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("round-csv", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
    ("round-json", "get", (OK, OK, FORBIDDEN, MISSING, MISSING, FORBIDDEN)),
]
PERSONAS = ["mt", "selecteur", "hr", "outsider", "nobody", "reviewer"]


@pytest.fixture
def world(evaluation, users, peer_review):
    profile = evaluation.round_profiles.first().profile
    action = services.action_create(
        round=evaluation,
        what="Opleidingsplan",
        measure="Iedereen gevolgd",
        owner="MT",
        deadline="2027-06-30",
        profile=profile,
    )
    participant = evaluation.participants.get(user=users["selecteur"])
    question = evaluation.framework.question_sets.get(purpose="conclusions").questions.first()
    peer_question = evaluation.framework.question_sets.get(purpose="peer_review").questions.first()
    return {
        "round": evaluation,
        "profile": profile,
        "action": action,
        "participant": participant,
        "review": peer_review,
        "question": question,
        "peer_question": peer_question,
    }


def request_for(name, world, round=None):
    round = round or world["round"]
    pk, profile = round.pk, world["profile"].pk
    args = {
        "rating": [pk, profile],
        "rating-autosave": [pk, profile],
        "profile-history": [pk, profile],
        "conclusion-save": [pk, profile],
        "meeting": [pk, profile],
        "peer-host-notes": [pk, world["review"].pk],
        "participant-remove": [pk, world["participant"].pk],
        "peer-notes": [pk, world["review"].pk],
        "peer-notes-autosave": [pk, world["review"].pk],
        "peer-review-remove": [pk, world["review"].pk],
        "action-update": [pk, world["action"].pk],
        "action-delete": [pk, world["action"].pk],
    }.get(name, [pk])
    data = {
        "rating-autosave": {"field": "justification", "value": "Tekst"},
        "conclusions-autosave": {"field": f"answer-{world['question'].pk}", "value": "Tekst"},
        "peer-notes-autosave": {"field": f"note-{world['peer_question'].pk}", "value": "Tekst"},
        "conclusion-save": {f"p{profile}-agreed_score": "3", f"p{profile}-justification": "Besproken."},
        "participant-add": {"user": ""},
        "team-open": {"reason": "Een deelnemer is ziek."},
        "peer-host-notes": {f"h{world['review'].pk}-host_notes": "Goed gesprek."},
    }.get(name, {})
    return reverse(f"zelfevaluatie:{name}", args=args), data


@pytest.fixture
def client_of(client_as, client_for, reviewer):
    def make(persona):
        return client_for(reviewer) if persona == "reviewer" else client_as(persona)

    return make


@pytest.mark.parametrize("name,method,expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_every_url_answers_every_persona_as_designed(world, client_of, name, method, expected):
    for persona, status in zip(PERSONAS, expected):
        url, data = request_for(name, world)
        response = getattr(client_of(persona), method)(url, data)
        assert response.status_code == status, (persona, url, response.status_code)


@pytest.mark.parametrize("name,method,expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_anonymous_visitor_is_sent_to_the_login_page(world, client, name, method, expected):
    url, data = request_for(name, world)
    response = getattr(client, method)(url, data)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name,method,expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_peer_reviewer_cannot_find_another_round_of_the_organisation(
    world, client_for, reviewer, users, org_a, name, method, expected
):
    # Another lineage: one round per lineage is open at a time.
    divosa = Framework.objects.get(organisation__isnull=True, name__startswith="Divosa")
    other = start_round(org_a, users["mt"], divosa, period="2027–2028")
    url, data = request_for(name, world, round=other)
    assert getattr(client_for(reviewer), method)(url, data).status_code == 404


def test_round_list_shows_only_rounds_the_user_is_involved_in(world, client_as, client_for, reviewer):
    assert "2025–2026" in client_as("mt").get(reverse("zelfevaluatie:round-list")).content.decode()
    assert "2025–2026" in client_as("selecteur").get(reverse("zelfevaluatie:round-list")).content.decode()
    for persona in ["hr", "outsider", "nobody"]:
        content = client_as(persona).get(reverse("zelfevaluatie:round-list")).content.decode()
        assert "2025–2026" not in content, persona
    content = client_for(reviewer).get(reverse("zelfevaluatie:round-list")).content.decode()
    assert "Collegiale toetsing voor andere organisaties" in content
    assert "Gemeente Aadorp – 2025–2026" in content


@pytest.mark.parametrize(
    "persona,status", [("mt", 200), ("selecteur", 403), ("hr", 403), ("outsider", 403), ("nobody", 403)]
)
def test_only_management_starts_a_round(client_as, users, persona, status):
    assert client_as(persona).get(reverse("zelfevaluatie:round-create")).status_code == status


def test_management_cannot_start_a_round_for_another_organisation(client_as, vth, org_b, users):
    response = client_as("mt").post(
        reverse("zelfevaluatie:round-create"),
        {"organisation": org_b.pk, "framework": vth.pk, "period": "2025–2026"},
    )
    assert response.status_code == 200  # the form refuses the choice
    assert not EvaluationRound.objects.filter(organisation=org_b).exists()


def test_peer_reviewer_sees_the_round_but_no_edit_controls(world, client_for, reviewer):
    content = client_for(reviewer).get(reverse("zelfevaluatie:round-detail", args=[world["round"].pk])).content.decode()
    assert "U bent uitgenodigd voor de collegiale toetsing" in content
    assert reverse("zelfevaluatie:round-update", args=[world["round"].pk]) not in content
    assert reverse("zelfevaluatie:round-pdf", args=[world["round"].pk]) not in content


def test_peer_reviewer_cannot_record_an_agreed_score(world, client_for, reviewer):
    url, data = request_for("conclusion-save", world)
    client_for(reviewer).post(url, data)
    assert not world["round"].conclusions.exists()
    assert Action.objects.count() == 1
