import pytest
from django.urls import reverse

from frameworks.models import GuidingQuestion
from tests.factories import make_user
from zelfevaluatie import models
from zelfevaluatie.growth import Growth, Series, growth_svg

from .conftest import score_everything

pytestmark = pytest.mark.django_db


def step2(round):
    return list(
        GuidingQuestion.objects.filter(
            question_set__framework=round.framework, question_set__purpose="peer_review"
        ).order_by("order")
    )


class TestPeerReview:
    def test_management_invites_a_colleague_and_the_round_lists_the_organisation(self, evaluation, reviewer, client_as):
        client = client_as("mt")
        response = client.post(
            reverse("zelfevaluatie:peer-reviews", args=[evaluation.pk]), {"username": reviewer.username}
        )
        assert response.status_code == 302
        review = models.PeerReview.objects.get(round=evaluation)
        assert review.organisation.name == "Gemeente Beekdal"
        content = client.get(reverse("zelfevaluatie:round-detail", args=[evaluation.pk])).content.decode()
        assert "Collegiale toetsing door" in content and "Gemeente Beekdal" in content

    def test_inviting_an_own_colleague_shows_a_dutch_error_on_the_form(self, evaluation, client_as):
        response = client_as("mt").post(reverse("zelfevaluatie:peer-reviews", args=[evaluation.pk]), {"username": "hr"})
        assert response.status_code == 400
        assert "nodig eigen medewerkers uit als deelnemer" in response.content.decode()
        assert not models.PeerReview.objects.exists()

    def test_reviewer_writes_notes_that_the_team_reads(self, evaluation, peer_review, client_for, reviewer, client_as):
        question = step2(evaluation)[1]
        url = reverse("zelfevaluatie:peer-notes-autosave", args=[evaluation.pk, peer_review.pk])
        assert (
            client_for(reviewer).post(url, {"field": f"note-{question.pk}", "value": "Goed gesprek."}).json()["saved"]
        )
        content = (
            client_as("selecteur").get(reverse("zelfevaluatie:peer-reviews", args=[evaluation.pk])).content.decode()
        )
        assert "Goed gesprek." in content

    def test_reviewer_cannot_note_a_step_1_question(self, evaluation, peer_review, client_for, reviewer):
        step1 = GuidingQuestion.objects.filter(
            question_set__framework=evaluation.framework, question_set__purpose="self_evaluation"
        ).first()
        url = reverse("zelfevaluatie:peer-notes-autosave", args=[evaluation.pk, peer_review.pk])
        response = client_for(reviewer).post(url, {"field": f"note-{step1.pk}", "value": "x"})
        assert response.status_code == 400
        assert not models.PeerReviewNote.objects.exists()

    def test_a_second_reviewer_cannot_write_in_the_first_reviewers_notes(
        self, evaluation, peer_review, org_b, users, client_for
    ):
        from zelfevaluatie import services

        other = make_user("tweede_collega", organisation=org_b)
        services.peer_review_invite(round=evaluation, username=other.username, invited_by=users["mt"])
        url = reverse("zelfevaluatie:peer-notes", args=[evaluation.pk, peer_review.pk])
        assert client_for(other).get(url).status_code == 403


def test_growth_chart_escapes_names_and_draws_a_line_per_profile():
    growth = Growth(
        labels=["2023–2024", "2025–2026"],
        series=[Series("A & <B>", [2, 3]), Series("C", [None, 4])],
        scale_values=[1, 2, 3, 4, 5],
    )
    svg = str(growth_svg(growth))
    assert "A &amp; &lt;B&gt;" in svg
    assert svg.count("<polyline") == 1  # C has one score: a point, not a line
    assert svg.count("<circle") == 3
    assert "<title>" in svg


def test_admin_lists_every_model(evaluation, client, django_user_model):
    score_everything(evaluation)
    admin = django_user_model.objects.create_superuser("beheer", password="wachtwoord-123")
    client.force_login(admin)
    for model in [
        models.EvaluationRound,
        models.RoundProfile,
        models.Participant,
        models.Rating,
        models.Answer,
        models.ProfileConclusion,
        models.PeerReview,
        models.PeerReviewNote,
        models.Action,
    ]:
        url = reverse(f"admin:zelfevaluatie_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("admin:zelfevaluatie_evaluationround_change", args=[evaluation.pk])).status_code == 200
