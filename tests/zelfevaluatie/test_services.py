import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from frameworks.models import BehaviouralIndicator, GuidingQuestion, RatingScale, ScalePoint
from tests.factories import make_framework
from zelfevaluatie import services
from zelfevaluatie.growth import profile_changes
from zelfevaluatie.models import Action, Answer, EvaluationRound, PeerReview, Rating

from .conftest import score_everything, start_round

pytestmark = pytest.mark.django_db


def question(round, purpose):
    return GuidingQuestion.objects.filter(
        question_set__framework=round.framework, question_set__purpose=purpose
    ).first()


class TestRoundCreate:
    def test_round_on_vth_evaluates_its_five_profiles_on_the_1_to_5_scale(self, evaluation, users):
        names = [rp.profile.name for rp in evaluation.round_profiles.select_related("profile")]
        assert names == [
            "Casemanager",
            "Vergunningverlener",
            "Toezichthouder en handhaver",
            "Juridisch adviseur",
            "Specialistisch adviseur",
        ]
        assert list(evaluation.scale.points.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
        assert evaluation.status == EvaluationRound.Status.IN_PROGRESS
        assert evaluation.chair == users["mt"]
        assert evaluation.created_by == users["mt"]
        assert set(evaluation.participants.values_list("user__username", flat=True)) == {"mt", "selecteur"}

    def test_each_profile_is_recorded_with_a_snapshot_of_its_content(self, evaluation):
        casemanager = evaluation.round_profiles.get(profile__name="Casemanager")
        assert len(casemanager.fingerprint) == 64
        bullets = [b for c in casemanager.snapshot["competencies"] for b in c["indicators"]]
        assert "Wederzijds begrip creëren." in bullets

    def test_a_concept_framework_is_refused(self, org_a, users):
        framework = make_framework(org_a)
        with pytest.raises(ValidationError, match="gepubliceerde versie"):
            start_round(org_a, users["mt"], framework)
        assert not EvaluationRound.objects.exists()

    def test_a_published_framework_of_the_organisation_with_a_scale_works(self, org_a, users):
        framework = make_framework(org_a, profiles=2, published_at=timezone.now())
        scale = RatingScale.objects.create(framework=framework, name="Eigen schaal")
        for value in (1, 2, 3):
            ScalePoint.objects.create(scale=scale, value=value, label=f"niveau {value}")
        round = start_round(org_a, users["mt"], framework)
        assert round.scale == scale
        assert round.round_profiles.count() == 2  # top-level profiles, not their hoofdtaken

    def test_a_framework_without_a_scale_is_refused(self, org_a, users):
        framework = make_framework(org_a, published_at=timezone.now())
        with pytest.raises(ValidationError, match="beoordelingsschaal"):
            start_round(org_a, users["mt"], framework)

    def test_another_organisations_framework_is_refused(self, org_a, org_b, users):
        framework = make_framework(org_b, published_at=timezone.now())
        with pytest.raises(ValidationError, match="andere organisatie"):
            start_round(org_a, users["mt"], framework)

    def test_participants_must_be_members_of_the_organisation(self, evaluation, users):
        with pytest.raises(ValidationError, match="eigen organisatie"):
            services.participant_add(round=evaluation, user=users["outsider"])
        services.participant_add(round=evaluation, user=users["hr"])
        assert evaluation.participants.filter(user=users["hr"]).exists()


class TestScores:
    @pytest.mark.parametrize("score", [0, 6, -1, "abc", "3.5"])
    def test_a_score_outside_the_scale_is_refused_and_nothing_is_written(self, evaluation, users, score):
        participant = evaluation.participants.get(user=users["selecteur"])
        profile = evaluation.round_profiles.first().profile
        with pytest.raises(ValidationError):
            services.rating_save(participant=participant, profile=profile, score=score, justification="x")
        assert not Rating.objects.exists()

    def test_every_point_of_the_scale_is_accepted(self, evaluation, users):
        participant = evaluation.participants.get(user=users["selecteur"])
        profile = evaluation.round_profiles.first().profile
        for value in range(1, 6):
            assert services.rating_save(participant=participant, profile=profile, score=value).score == value

    def test_an_agreed_score_outside_the_scale_is_refused(self, evaluation, users):
        profile = evaluation.round_profiles.first().profile
        with pytest.raises(ValidationError, match="schaal"):
            services.conclusion_save(
                round=evaluation, profile=profile, agreed_score=7, justification="x", user=users["mt"]
            )
        assert not evaluation.conclusions.exists()

    def test_a_profile_of_another_framework_is_refused(self, evaluation, users, org_a):
        other = make_framework(org_a).profiles.first()
        participant = evaluation.participants.get(user=users["selecteur"])
        with pytest.raises(ValidationError, match="hoort niet bij"):
            services.rating_save(participant=participant, profile=other, score=3)

    def test_hulpvraag_answers_are_per_participant_and_profile(self, evaluation, users):
        participant = evaluation.participants.get(user=users["selecteur"])
        profiles = [rp.profile for rp in evaluation.round_profiles.all()]
        q = question(evaluation, "self_evaluation")
        services.hulpvraag_answer_save(
            participant=participant, profile=profiles[0], question_id=q.pk, text="Tien mensen."
        )
        services.hulpvraag_answer_save(participant=participant, profile=profiles[0], question_id=q.pk, text="Twaalf.")
        services.hulpvraag_answer_save(participant=participant, profile=profiles[1], question_id=q.pk, text="Vier.")
        assert Answer.objects.filter(participant=participant).count() == 2
        assert Answer.objects.get(participant=participant, profile=profiles[0]).text == "Twaalf."

    def test_a_question_of_another_step_is_refused(self, evaluation, users):
        participant = evaluation.participants.get(user=users["selecteur"])
        profile = evaluation.round_profiles.first().profile
        with pytest.raises(ValidationError, match="hoort niet bij deze stap"):
            services.hulpvraag_answer_save(
                participant=participant, profile=profile, question_id=question(evaluation, "conclusions").pk, text="x"
            )


class TestStatus:
    def test_closing_needs_an_agreed_score_for_every_profile(self, evaluation):
        with pytest.raises(ValidationError, match="Casemanager") as refused:
            services.round_advance(round=evaluation)
        assert refused.value.code == "agreed_scores_missing"
        score_everything(evaluation)
        round = services.round_advance(round=evaluation)
        assert round.status == EvaluationRound.Status.FINISHED
        assert round.finished_at is not None

    def test_a_finished_round_cannot_be_changed_by_any_service(self, evaluation, users, reviewer):
        profiles = score_everything(evaluation)
        review = services.peer_review_invite(round=evaluation, username=reviewer.username, invited_by=users["mt"])
        action = services.action_create(
            round=evaluation, what="x", measure="y", owner="z", deadline=datetime.date(2027, 1, 1)
        )
        services.round_advance(round=evaluation)
        participant = evaluation.participants.get(user=users["selecteur"])
        attempts = [
            lambda: services.rating_save(participant=participant, profile=profiles[0], score=5),
            lambda: services.rating_field_save(
                participant=participant, profile=profiles[0], field="justification", value="x"
            ),
            lambda: services.hulpvraag_answer_save(
                participant=participant,
                profile=profiles[0],
                question_id=question(evaluation, "self_evaluation").pk,
                text="x",
            ),
            lambda: services.conclusion_save(
                round=evaluation, profile=profiles[0], agreed_score=1, justification="x", user=users["mt"]
            ),
            lambda: services.conclusion_answer_save(
                round=evaluation, question_id=question(evaluation, "conclusions").pk, text="x", user=users["mt"]
            ),
            lambda: services.peer_note_save(
                peer_review=review, question_id=question(evaluation, "peer_review").pk, text="x"
            ),
            lambda: services.peer_review_remove(peer_review=review),
            lambda: services.action_create(
                round=evaluation, what="x", measure="y", owner="z", deadline=datetime.date(2027, 1, 1)
            ),
            lambda: services.action_update(
                action=action, what="a", measure="b", owner="c", deadline=datetime.date(2027, 1, 1), status="afgerond"
            ),
            lambda: services.action_delete(action=action),
            lambda: services.participant_add(round=evaluation, user=users["hr"]),
            lambda: services.participant_remove(participant=participant),
            lambda: services.round_update(round=evaluation, period="x", contact_name="", contact_function=""),
            lambda: services.round_advance(round=evaluation),
        ]
        for attempt in attempts:
            with pytest.raises(ValidationError, match="afgerond"):
                attempt()
        assert Rating.objects.filter(score=5).count() == 0
        assert Action.objects.get(pk=action.pk).status == Action.Status.OPEN
        assert evaluation.participants.count() == 2

    def test_a_stale_round_object_cannot_write_after_closing(self, evaluation, users):
        stale = EvaluationRound.objects.get(pk=evaluation.pk)
        score_everything(evaluation)
        services.round_advance(round=evaluation)
        with pytest.raises(ValidationError, match="afgerond"):
            services.action_create(round=stale, what="x", measure="y", owner="z", deadline=datetime.date(2027, 1, 1))


class TestPeerReview:
    def test_a_colleague_of_a_peer_organisation_is_invited_and_the_organisation_recorded(self, peer_review, org_b):
        assert peer_review.organisation == org_b

    def test_an_own_member_is_not_a_peer_reviewer(self, evaluation, users):
        with pytest.raises(ValidationError, match="andere organisatie"):
            services.peer_review_invite(round=evaluation, username="hr", invited_by=users["mt"])
        assert not PeerReview.objects.exists()

    def test_an_unknown_or_organisationless_user_is_refused(self, evaluation, users):
        for username in ["bestaat_niet", users["nobody"].username]:
            with pytest.raises(ValidationError):
                services.peer_review_invite(round=evaluation, username=username, invited_by=users["mt"])


class TestNextRound:
    def finish(self, round, actions):
        for what, status, profile in actions:
            services.action_create(
                round=round,
                what=what,
                measure="m",
                owner="o",
                deadline=datetime.date(2027, 12, 31),
                profile=profile,
                status=status,
            )
        score_everything(round, score=2)
        services.round_advance(round=round)

    def test_open_actions_carry_forward_with_their_status_and_a_link_to_the_original(
        self, evaluation, users, org_a, vth
    ):
        casemanager = evaluation.round_profiles.get(profile__name="Casemanager").profile
        self.finish(
            evaluation,
            [
                ("Open actie", "open", casemanager),
                ("Loopt", "in_uitvoering", None),
                ("Klaar", "afgerond", None),
                ("Vervallen", "vervallen", None),
            ],
        )
        second = start_round(org_a, users["mt"], vth, period="2027–2028")
        assert second.previous_round == evaluation
        carried = {a.what: a for a in second.actions.select_related("carried_from")}
        assert set(carried) == {"Open actie", "Loopt"}
        assert carried["Open actie"].status == "open"
        assert carried["Open actie"].profile == casemanager
        assert carried["Loopt"].status == "in_uitvoering"
        assert carried["Loopt"].carried_from.round == evaluation

    def test_the_second_round_sees_unchanged_profiles_of_the_same_framework(self, evaluation, users, org_a, vth):
        self.finish(evaluation, [])
        second = start_round(org_a, users["mt"], vth, period="2027–2028")
        changes = profile_changes(evaluation, second)
        assert [c["status"] for c in changes] == ["unchanged"] * 5

    def test_a_changed_bullet_in_a_new_framework_version_is_reported(self, org_a, users):
        def version(number, bullet):
            framework = make_framework(org_a, name="Eigen profielen", version=number, published_at=timezone.now())
            scale = RatingScale.objects.create(framework=framework, name="Schaal")
            for value in (1, 2, 3, 4, 5):
                ScalePoint.objects.create(scale=scale, value=value)
            BehaviouralIndicator.objects.filter(
                profile_competency__profile__framework=framework,
                profile_competency__competency__name="Competentie 1",
                profile_competency__profile__parent__isnull=True,
            ).update(text=bullet)
            return framework

        first = start_round(org_a, users["mt"], version(1, "Vraagt door."))
        second = start_round(org_a, users["mt"], version(2, "Vraagt door en vat samen."), period="2027–2028")
        [change] = profile_changes(first, second)
        assert change["status"] == "changed"
        assert "Competentie gewijzigd: Competentie 1." in change["details"]
