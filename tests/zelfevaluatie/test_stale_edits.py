"""Records several MT members edit (step-3 conclusions, agreed scores, actions) follow the one
stale-edit rule (competentie/revisions.py): per-question saves never touch each other, a save made
from an older revision is refused with the stored text, nothing is overwritten."""

import datetime

import pytest
from django.urls import reverse

from competentie.organisations.models import Membership
from frameworks.models import GuidingQuestion
from tests.factories import make_user
from zelfevaluatie import services
from zelfevaluatie.models import Action, Answer, ProfileConclusion

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_mt(users, org_a):
    return users["mt"], make_user("mt_twee", organisation=org_a, role=Membership.Role.MANAGEMENT)


def conclusion_questions(round):
    return list(
        GuidingQuestion.objects.filter(
            question_set__framework=round.framework, question_set__purpose="conclusions"
        ).order_by("question_set__order", "order")[:2]
    )


def team_answer(round, question):
    return Answer.objects.get(round=round, question=question, participant=None, profile=None)


class TestConclusionQuestions:
    def test_two_members_on_different_questions_both_keep_their_text(self, evaluation, two_mt, client_for):
        first, second = conclusion_questions(evaluation)
        url = reverse("zelfevaluatie:conclusions-autosave", args=[evaluation.pk])
        anna, bert = (client_for(user) for user in two_mt)
        # Both opened the page when nothing was written (revision 0).
        a = anna.post(url, {"field": f"answer-{first.pk}", "value": "Anna's conclusie.", "revision": "0"})
        b = bert.post(url, {"field": f"answer-{second.pk}", "value": "Berts conclusie.", "revision": "0"})
        assert (a.status_code, b.status_code) == (200, 200)
        assert a.json()["revision"] == 1 and b.json()["revision"] == 1
        assert team_answer(evaluation, first).text == "Anna's conclusie."
        assert team_answer(evaluation, second).text == "Berts conclusie."

    def test_the_second_save_of_the_same_question_is_refused_with_the_stored_text(self, evaluation, two_mt, client_for):
        first, _second = conclusion_questions(evaluation)
        url = reverse("zelfevaluatie:conclusions-autosave", args=[evaluation.pk])
        anna, bert = (client_for(user) for user in two_mt)
        anna.post(url, {"field": f"answer-{first.pk}", "value": "Anna's conclusie.", "revision": "0"})
        refused = bert.post(url, {"field": f"answer-{first.pk}", "value": "Berts versie.", "revision": "0"})
        assert refused.status_code == 409
        data = refused.json()
        assert data["stale"] is True and data["saved"] is False
        assert data["current"] == "Anna's conclusie." and data["revision"] == 1
        assert data["fields"] == {f"answer-{first.pk}": "Anna's conclusie."}
        assert team_answer(evaluation, first).text == "Anna's conclusie."
        # Having seen the newer version, Bert saves deliberately on top of it.
        again = bert.post(url, {"field": f"answer-{first.pk}", "value": "Berts versie.", "revision": "1"})
        assert again.status_code == 200 and team_answer(evaluation, first).text == "Berts versie."

    def test_a_retried_save_whose_answer_was_lost_is_not_a_conflict(self, evaluation, two_mt, client_for):
        first, _second = conclusion_questions(evaluation)
        url = reverse("zelfevaluatie:conclusions-autosave", args=[evaluation.pk])
        anna = client_for(two_mt[0])
        body = {"field": f"answer-{first.pk}", "value": "Eén keer bedoeld.", "revision": "0"}
        assert anna.post(url, body).status_code == 200
        retry = anna.post(url, body)  # the browser never saw the first answer and sends again
        assert retry.status_code == 200 and retry.json()["revision"] == 1
        assert team_answer(evaluation, first).revision == 1

    def test_the_button_without_javascript_keeps_a_colleagues_question_and_refuses_a_stale_one(
        self, evaluation, two_mt, client_for
    ):
        first, second = conclusion_questions(evaluation)
        anna, bert = (client_for(user) for user in two_mt)
        autosave_url = reverse("zelfevaluatie:conclusions-autosave", args=[evaluation.pk])
        anna.post(autosave_url, {"field": f"answer-{first.pk}", "value": "Anna schreef dit.", "revision": "0"})
        # Bert's page was opened before Anna typed: it shows the first question empty at revision 0.
        response = bert.post(
            reverse("zelfevaluatie:conclusions", args=[evaluation.pk]),
            {
                f"answer-{first.pk}": "Bert overschrijft per ongeluk.",
                f"revision-answer-{first.pk}": "0",
                f"answer-{second.pk}": "Bert bij de tweede vraag.",
                f"revision-answer-{second.pk}": "0",
            },
        )
        assert response.status_code == 409
        page = response.content.decode()
        assert "Bert overschrijft per ongeluk." in page and "Anna schreef dit." in page  # both texts visible
        assert team_answer(evaluation, first).text == "Anna schreef dit."
        assert team_answer(evaluation, second).text == "Bert bij de tweede vraag."


class TestAgreedScoresAndActions:
    def test_a_stale_agreed_score_is_refused_and_the_colleagues_agreement_kept(self, evaluation, two_mt):
        profile = evaluation.round_profiles.first().profile
        services.participant_add(round=evaluation, user=two_mt[1])  # agreed scores: chair or participants
        services.conclusion_save(
            round=evaluation, profile=profile, agreed_score=3, justification="Eerst.", user=two_mt[0], revision=0
        )
        with pytest.raises(services.StaleEdit) as refused:
            services.conclusion_save(
                round=evaluation, profile=profile, agreed_score=4, justification="Later.", user=two_mt[1], revision=0
            )
        assert refused.value.code == "stale" and refused.value.current == "3: Eerst."
        assert ProfileConclusion.objects.get(round=evaluation, profile=profile).agreed_score == 3

    def test_the_team_page_answers_the_script_with_409_and_both_fields(self, evaluation, two_mt, client_for):
        profile = evaluation.round_profiles.first().profile
        services.participant_add(round=evaluation, user=two_mt[1])  # agreed scores: chair or participants
        services.conclusion_save(
            round=evaluation, profile=profile, agreed_score=3, justification="Eerst.", user=two_mt[0]
        )
        response = client_for(two_mt[1]).post(
            reverse("zelfevaluatie:conclusion-save", args=[evaluation.pk, profile.pk]),
            {"revision": "0", f"p{profile.pk}-agreed_score": "4", f"p{profile.pk}-justification": "Later."},
            HTTP_X_REQUESTED_WITH="fetch",
        )
        assert response.status_code == 409
        assert response.json()["fields"] == {
            f"p{profile.pk}-agreed_score": "3",
            f"p{profile.pk}-justification": "Eerst.",
        }

    def test_a_stale_action_form_is_refused_with_the_stored_version_shown(self, evaluation, two_mt, client_for):
        action = services.action_create(
            round=evaluation, what="Opleiding", measure="Iedereen", owner="Anna", deadline=datetime.date(2027, 1, 1)
        )
        services.action_update(
            action=action,
            what="Opleiding juridisch",
            measure="Iedereen",
            owner="Anna",
            deadline=datetime.date(2027, 1, 1),
            status=Action.Status.OPEN,
            revision=1,
        )
        response = client_for(two_mt[1]).post(
            reverse("zelfevaluatie:action-update", args=[evaluation.pk, action.pk]),
            {
                "revision": "1",
                "what": "Opleiding mondeling",
                "measure": "Iedereen",
                "owner": "Bert",
                "deadline": "2027-02-01",
                "status": Action.Status.OPEN,
                "profile": "",
            },
        )
        page = response.content.decode()
        assert response.status_code == 200 and "Opleiding juridisch" in page and "Opleiding mondeling" in page
        assert Action.objects.get(pk=action.pk).what == "Opleiding juridisch"
