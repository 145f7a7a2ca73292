"""Blind first, shared after: no colleague's score, justification or note in any page, export or
partial before the reader handed in their own for that profile. Then the substance travels: to
the team, to the invited peers (read-only) and into step 3."""

import json
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from frameworks.models import GuidingQuestion
from zelfevaluatie import services

pytestmark = pytest.mark.django_db

SECRET_JUSTIFICATION = "Geheime-onderbouwing-van-MT"
SECRET_NOTE = "Geheime-aantekening-van-MT"


def participant(round, user):
    return round.participants.get(user=user)


def step1_question(round):
    return GuidingQuestion.objects.filter(
        question_set__framework=round.framework, question_set__purpose="self_evaluation"
    ).first()


@pytest.fixture
def mt_handed_in(evaluation, users):
    """MT scores the first profile, writes a note, and hands in."""
    profile = evaluation.round_profiles.first().profile
    mine = participant(evaluation, users["mt"])
    services.rating_save(participant=mine, profile=profile, score=2, justification=SECRET_JUSTIFICATION)
    services.hulpvraag_answer_save(
        participant=mine, profile=profile, question_id=step1_question(evaluation).pk, text=SECRET_NOTE
    )
    services.rating_submit(participant=mine, profile=profile)
    return profile


def every_view_of(round, profile):
    """Every page, partial and export a participant can open in this round."""
    pk = round.pk
    return [
        reverse("zelfevaluatie:round-detail", args=[pk]),
        reverse("zelfevaluatie:team", args=[pk]),
        reverse("zelfevaluatie:meeting", args=[pk, profile.pk]),
        reverse("zelfevaluatie:rating", args=[pk, profile.pk]),
        reverse("zelfevaluatie:profile-history", args=[pk, profile.pk]),
        reverse("zelfevaluatie:peer-reviews", args=[pk]),
        reverse("zelfevaluatie:conclusions", args=[pk]),
        reverse("zelfevaluatie:round-csv", args=[pk]),
        reverse("zelfevaluatie:round-json", args=[pk]),
    ]


def pdf_text(response, tmp_path):
    path = tmp_path / "verslag.pdf"
    path.write_bytes(response.content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_nothing_of_a_colleague_shows_anywhere_before_the_own_hand_in(evaluation, mt_handed_in, client_as, tmp_path):
    client = client_as("selecteur")
    for url in every_view_of(evaluation, mt_handed_in):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode("utf-8-sig")
        assert SECRET_JUSTIFICATION not in content, url
        assert SECRET_NOTE not in content, url
    pdf = pdf_text(client.get(reverse("zelfevaluatie:round-pdf", args=[evaluation.pk])), tmp_path)
    assert SECRET_JUSTIFICATION not in pdf and SECRET_NOTE not in pdf
    # The JSON carries no score of the colleague either, only who handed in.
    data = json.loads(client.get(reverse("zelfevaluatie:round-json", args=[evaluation.pk])).content)
    first = data["profiles"][0]
    assert first["ratings"] == []
    assert first["handed_in_by"] == ["mt"]
    # The team view says who has handed in.
    team = client.get(reverse("zelfevaluatie:team", args=[evaluation.pk])).content.decode()
    assert "1 van 2 deelnemers hebben ingeleverd." in team


def test_after_the_own_hand_in_the_colleagues_judgement_and_notes_show_for_that_profile_only(
    evaluation, mt_handed_in, users, client_as
):
    second_profile = evaluation.round_profiles.all()[1].profile
    mine = participant(evaluation, users["mt"])
    services.rating_save(participant=mine, profile=second_profile, score=5, justification="Tweede-geheim")
    services.rating_submit(participant=mine, profile=second_profile)

    me = participant(evaluation, users["selecteur"])
    services.rating_save(participant=me, profile=mt_handed_in, score=4, justification="Mijn oordeel.")
    services.rating_submit(participant=me, profile=mt_handed_in)

    client = client_as("selecteur")
    team_url = reverse("zelfevaluatie:team", args=[evaluation.pk])
    team = client.get(team_url).content.decode()
    assert SECRET_JUSTIFICATION in team and SECRET_NOTE in team
    assert "Tweede-geheim" not in team
    # The team view shows one profile at a time: the second one, chosen, still hides MT's judgement.
    second = client.get(team_url, {"profiel": second_profile.pk}).content.decode()
    assert "Tweede-geheim" not in second
    assert "zodra u uw eigen score hebt ingeleverd" in second
    assert SECRET_JUSTIFICATION not in second and SECRET_NOTE not in second
    data = json.loads(client.get(reverse("zelfevaluatie:round-json", args=[evaluation.pk])).content)
    assert {r["participant"] for r in data["profiles"][0]["ratings"]} == {"mt", "selecteur"}
    assert [r["participant"] for r in data["profiles"][1]["ratings"]] == []
    csv_text = client.get(reverse("zelfevaluatie:round-csv", args=[evaluation.pk])).content.decode("utf-8-sig")
    assert SECRET_NOTE in csv_text and "Tweede-geheim" not in csv_text


def test_a_draft_is_never_shown_to_colleagues(evaluation, users, client_as):
    profile = evaluation.round_profiles.first().profile
    services.rating_save(
        participant=participant(evaluation, users["mt"]), profile=profile, score=1, justification="Concept-MT"
    )
    me = participant(evaluation, users["selecteur"])
    services.rating_save(participant=me, profile=profile, score=3, justification="Klaar.")
    services.rating_submit(participant=me, profile=profile)
    team = client_as("selecteur").get(reverse("zelfevaluatie:team", args=[evaluation.pk])).content.decode()
    assert "Concept-MT" not in team


def test_a_handed_in_judgement_no_longer_changes(evaluation, mt_handed_in, users):
    with pytest.raises(ValidationError) as refused:
        services.rating_save(participant=participant(evaluation, users["mt"]), profile=mt_handed_in, score=5)
    assert refused.value.code == "handed_in"


def test_hand_in_needs_a_score_and_a_justification(evaluation, users):
    profile = evaluation.round_profiles.first().profile
    me = participant(evaluation, users["selecteur"])
    with pytest.raises(ValidationError) as refused:
        services.rating_submit(participant=me, profile=profile)
    assert refused.value.code == "score_required"
    services.rating_save(participant=me, profile=profile, score=3)
    with pytest.raises(ValidationError) as refused:
        services.rating_submit(participant=me, profile=profile)
    assert refused.value.code == "justification_required"


def test_the_rating_page_keeps_what_was_typed_when_hand_in_fails_without_javascript(evaluation, client_as):
    profile = evaluation.round_profiles.first().profile
    question = step1_question(evaluation)
    response = client_as("selecteur").post(
        reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]),
        {
            "score": "",
            "justification": "Half getypte toelichting",
            f"answer-{question.pk}": "Mijn notitie",
            "hand_in": "1",
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Half getypte toelichting" in content and "Mijn notitie" in content
    assert response.context["form"].has_error("score", code="score_required")


def test_the_rating_page_hands_in_and_opens_the_team_view(evaluation, client_as, users):
    profile = evaluation.round_profiles.first().profile
    response = client_as("selecteur").post(
        reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]),
        {"score": "4", "justification": "Goed onderbouwd.", "hand_in": "1"},
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("zelfevaluatie:team", args=[evaluation.pk]))
    assert participant(evaluation, users["selecteur"]).ratings.get(profile=profile).is_submitted


def test_the_chair_opens_the_team_view_early_with_a_recorded_reason(evaluation, mt_handed_in, users, client_as):
    url = reverse("zelfevaluatie:team-open", args=[evaluation.pk])
    assert client_as("selecteur").post(url, {"reason": "Ik wil kijken"}).status_code == 403
    with pytest.raises(ValidationError) as refused:
        services.round_open_team_view(round=evaluation, user=users["mt"], reason="  ")
    assert refused.value.code == "reason_required"
    assert client_as("mt").post(url, {"reason": "Deelnemer langdurig ziek."}).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.team_opened_reason == "Deelnemer langdurig ziek."
    assert evaluation.team_opened_by == users["mt"]
    # The audit log holds it too, with the reason.
    from competentie import audit

    [opened] = audit.history_for(evaluation, actions=["round.team_opened"])
    assert opened.actor == users["mt"] and opened.params["reason"] == "Deelnemer langdurig ziek."
    team = client_as("selecteur").get(reverse("zelfevaluatie:team", args=[evaluation.pk])).content.decode()
    assert SECRET_JUSTIFICATION in team
    assert "Deelnemer langdurig ziek." in team


class TestPeers:
    def test_the_peer_reads_agreed_scores_onderbouwing_and_notes_and_writes_suggestions(
        self, evaluation, mt_handed_in, peer_review, reviewer, users, client_for, client_as
    ):
        services.conclusion_save(
            round=evaluation,
            profile=mt_handed_in,
            agreed_score=3,
            justification="Afgesproken-onderbouwing",
            user=users["mt"],
        )
        client = client_for(reviewer)
        url = reverse("zelfevaluatie:peer-notes", args=[evaluation.pk, peer_review.pk])
        page = client.get(url).content.decode()
        assert "Afgesproken-onderbouwing" in page
        assert SECRET_NOTE in page  # handed-in step-1 notes, read-only
        assert 'name="answer-' not in page  # nothing of the team is editable for the peer
        assert client.get(reverse("zelfevaluatie:team", args=[evaluation.pk])).status_code == 403
        response = client.post(url, {f"suggestion-{mt_handed_in.pk}": "Suggestie-van-Beekdal"})
        assert response.status_code == 302
        step3 = client_as("mt").get(reverse("zelfevaluatie:conclusions", args=[evaluation.pk])).content.decode()
        assert "Suggestie-van-Beekdal" in step3 and "Afgesproken-onderbouwing" in step3

    def test_the_host_records_its_own_notes_of_the_conversation(
        self, evaluation, peer_review, client_as, client_for, reviewer
    ):
        response = client_as("selecteur").post(
            reverse("zelfevaluatie:peer-host-notes", args=[evaluation.pk, peer_review.pk]),
            {f"h{peer_review.pk}-host_notes": "Wij nemen mee: meer intervisie."},
        )
        assert response.status_code == 302
        peer_review.refresh_from_db()
        assert peer_review.host_notes == "Wij nemen mee: meer intervisie."
        page = client_as("mt").get(reverse("zelfevaluatie:peer-reviews", args=[evaluation.pk])).content.decode()
        assert "Wij nemen mee: meer intervisie." in page
        peer_page = (
            client_for(reviewer).get(reverse("zelfevaluatie:peer-reviews", args=[evaluation.pk])).content.decode()
        )
        assert "Wij nemen mee: meer intervisie." not in peer_page


class TestRoundRules:
    def test_agreed_scores_by_the_chair_or_participants_only(self, evaluation, users):
        profile = evaluation.round_profiles.first().profile
        with pytest.raises(ValidationError) as refused:
            services.conclusion_save(
                round=evaluation, profile=profile, agreed_score=3, justification="x", user=users["hr"]
            )
        assert refused.value.code == "not_allowed"
        conclusion = services.conclusion_save(
            round=evaluation, profile=profile, agreed_score=3, justification="x", user=users["selecteur"]
        )
        assert conclusion.recorded_by == users["selecteur"]

    def test_scorers_are_assigned_per_profile(self, evaluation, users, client_as):
        profile = evaluation.round_profiles.first().profile
        mt = participant(evaluation, users["mt"])
        response = client_as("mt").post(
            reverse("zelfevaluatie:scorers", args=[evaluation.pk]), {f"scorers-{profile.pk}": [str(mt.pk)]}
        )
        assert response.status_code == 302
        with pytest.raises(ValidationError) as refused:
            services.rating_save(participant=participant(evaluation, users["selecteur"]), profile=profile, score=3)
        assert refused.value.code == "not_assigned"
        # The other profiles are still scored by everybody.
        other = evaluation.round_profiles.all()[1].profile
        assert services.rating_save(participant=participant(evaluation, users["selecteur"]), profile=other, score=3)


def test_the_chair_is_chosen_on_the_round_page_and_may_then_open_the_team_view(evaluation, users, client_as):
    response = client_as("mt").post(
        reverse("zelfevaluatie:round-update", args=[evaluation.pk]),
        {"period": "2025–2026", "contact_name": "", "contact_function": "", "chair": users["selecteur"].pk},
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.chair == users["selecteur"]
    with pytest.raises(ValidationError) as refused:
        services.round_open_team_view(round=evaluation, user=users["mt"], reason="Ik ben MT")
    assert refused.value.code == "not_chair"
    services.round_open_team_view(round=evaluation, user=users["selecteur"], reason="Afgesproken in het MT.")
