import csv
import datetime
import io
import json
import subprocess

import pytest
from django.urls import reverse
from django.utils.html import escape

from frameworks.models import GuidingQuestion, ScalePoint
from zelfevaluatie import services
from zelfevaluatie.models import Answer, EvaluationRound, ProfileConclusion, Rating

from .conftest import score_everything, start_round

pytestmark = pytest.mark.django_db


def questions(round, purpose, section=None):
    qs = GuidingQuestion.objects.filter(question_set__framework=round.framework, question_set__purpose=purpose)
    if section:
        qs = qs.filter(section=section)
    return list(qs.order_by("order"))


def participant(round, user):
    return round.participants.get(user=user)


class TestGuidingQuestionsComeFromTheFixtures:
    def test_rating_page_shows_the_nine_hulpvragen_verbatim(self, evaluation, client_as):
        profile = evaluation.round_profiles.first().profile
        content = (
            client_as("selecteur")
            .get(reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]))
            .content.decode()
        )
        hulpvragen = questions(evaluation, "self_evaluation")
        assert len(hulpvragen) == 9
        for question in hulpvragen:
            assert escape(question.text) in content

    def test_rating_page_asks_the_score_form_questions_of_the_profile(self, evaluation, client_as):
        profile = evaluation.round_profiles.get(profile__name="Vergunningverlener").profile
        content = (
            client_as("selecteur")
            .get(reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]))
            .content.decode()
        )
        for question in GuidingQuestion.objects.filter(question_set__purpose="score_form", profile=profile):
            assert escape(question.text) in content

    def test_rating_page_shows_every_scale_point_with_label_and_description(self, evaluation, client_as):
        profile = evaluation.round_profiles.first().profile
        content = (
            client_as("selecteur")
            .get(reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]))
            .content.decode()
        )
        for point in ScalePoint.objects.filter(scale=evaluation.scale):
            assert escape(point.label) in content
            assert escape(point.description) in content

    def test_rating_page_shows_the_scale_in_dutch_only_and_its_english_names_in_english(
        self, evaluation, client_as, settings
    ):
        profile = evaluation.round_profiles.first().profile
        url = reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk])
        points = list(ScalePoint.objects.filter(scale=evaluation.scale).exclude(label_en=""))
        assert [p.label_en for p in points][:1] == ["unsatisfactory"]
        client = client_as("selecteur")
        dutch = client.get(url).content.decode()
        for point in points:
            assert escape(point.label) in dutch
            assert f"({escape(point.label_en)})" not in dutch
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        english = client.get(url).content.decode()
        for point in points:
            assert f"({escape(point.label_en)})" in english

    def test_rating_page_has_the_profile_one_click_away(self, evaluation, client_as):
        profile = evaluation.round_profiles.get(profile__name="Casemanager").profile
        content = (
            client_as("selecteur")
            .get(reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]))
            .content.decode()
        )
        assert reverse("frameworks:profile-detail", args=[profile.pk]) in content
        assert "Wederzijds begrip creëren." in content
        assert "<script>" not in content and "onclick" not in content

    def test_peer_notes_page_shows_the_step_2_hulpvragen_verbatim(self, evaluation, peer_review, client_for, reviewer):
        content = (
            client_for(reviewer)
            .get(reverse("zelfevaluatie:peer-notes", args=[evaluation.pk, peer_review.pk]))
            .content.decode()
        )
        step2 = questions(evaluation, "peer_review")
        assert len(step2) == 7
        for question in step2:
            assert escape(question.text) in content

    def test_conclusions_page_shows_the_conclusion_questions_verbatim(self, evaluation, client_as):
        content = client_as("mt").get(reverse("zelfevaluatie:conclusions", args=[evaluation.pk])).content.decode()
        conclusions = questions(evaluation, "conclusions", section="Conclusies")
        assert len(conclusions) == 5
        for question in conclusions + questions(evaluation, "conclusions", section="Actieplan"):
            assert escape(question.text) in content


class TestScoring:
    def test_autosave_stores_one_field_at_a_time(self, evaluation, client_as, users):
        profile = evaluation.round_profiles.first().profile
        url = reverse("zelfevaluatie:rating-autosave", args=[evaluation.pk, profile.pk])
        client = client_as("selecteur")
        assert client.post(url, {"field": "score", "value": "4"}).json()["saved"] is True
        client.post(url, {"field": "justification", "value": "Goed op weg."})
        hulpvraag = questions(evaluation, "self_evaluation")[0]
        client.post(url, {"field": f"answer-{hulpvraag.pk}", "value": "Zes casemanagers."})
        rating = Rating.objects.get(participant__user=users["selecteur"], profile=profile)
        assert (rating.score, rating.justification) == (4, "Goed op weg.")
        assert Answer.objects.get(question=hulpvraag, profile=profile).text == "Zes casemanagers."

    def test_autosave_refuses_a_score_outside_the_scale_with_a_dutch_message(self, evaluation, client_as):
        profile = evaluation.round_profiles.first().profile
        url = reverse("zelfevaluatie:rating-autosave", args=[evaluation.pk, profile.pk])
        response = client_as("selecteur").post(url, {"field": "score", "value": "9"})
        assert response.status_code == 400
        assert "Kies een score op de schaal" in response.json()["error"]
        assert not Rating.objects.filter(score=9).exists()

    def test_the_whole_form_saves_without_javascript(self, evaluation, client_as, users):
        profiles = [rp.profile for rp in evaluation.round_profiles.all()]
        hulpvraag = questions(evaluation, "self_evaluation")[2]
        response = client_as("selecteur").post(
            reverse("zelfevaluatie:rating", args=[evaluation.pk, profiles[0].pk]),
            {
                "score": "2",
                "justification": "Nog niet overal.",
                f"answer-{hulpvraag.pk}": "Blijkt uit audits.",
                "next_profile": profiles[1].pk,
            },
        )
        assert response.url == reverse("zelfevaluatie:rating", args=[evaluation.pk, profiles[1].pk])
        assert Rating.objects.get(participant__user=users["selecteur"], profile=profiles[0]).score == 2
        assert Answer.objects.get(question=hulpvraag).text == "Blijkt uit audits."

    def test_the_form_refuses_a_score_outside_the_scale_and_writes_nothing(self, evaluation, client_as):
        profile = evaluation.round_profiles.first().profile
        client_as("selecteur").post(
            reverse("zelfevaluatie:rating", args=[evaluation.pk, profile.pk]), {"score": "0", "justification": "x"}
        )
        assert not Rating.objects.exists()

    def test_team_view_shows_scores_and_the_spread_after_the_own_hand_in(self, evaluation, client_as, users):
        profile = evaluation.round_profiles.first().profile
        services.rating_save(
            participant=participant(evaluation, users["mt"]),
            profile=profile,
            score=2,
            justification="Te weinig mensen.",
        )
        services.rating_submit(participant=participant(evaluation, users["mt"]), profile=profile)
        url = reverse("zelfevaluatie:team", args=[evaluation.pk])
        before = client_as("selecteur").get(url).content.decode()
        assert "Te weinig mensen." not in before
        assert "1 van 2 deelnemers hebben ingeleverd." in before
        services.rating_save(
            participant=participant(evaluation, users["selecteur"]), profile=profile, score=4, justification="Sterk."
        )
        services.rating_submit(participant=participant(evaluation, users["selecteur"]), profile=profile)
        content = client_as("selecteur").get(url).content.decode()
        assert "Te weinig mensen." in content and "Sterk." in content
        assert "Spreiding van de ingeleverde scores: laagste 2, hoogste 4." in content
        assert "gemiddeld" not in content.lower()

    def test_management_records_the_agreed_score_with_onderbouwing(self, evaluation, client_as):
        profile = evaluation.round_profiles.first().profile
        response = client_as("mt").post(
            reverse("zelfevaluatie:conclusion-save", args=[evaluation.pk, profile.pk]),
            {f"p{profile.pk}-agreed_score": "3", f"p{profile.pk}-justification": "Na bespreking."},
        )
        assert response.status_code == 302
        conclusion = ProfileConclusion.objects.get(round=evaluation, profile=profile)
        assert (conclusion.agreed_score, conclusion.justification) == (3, "Na bespreking.")

    def test_an_agreed_score_without_onderbouwing_is_refused_on_the_form(self, evaluation, client_as):
        profile = evaluation.round_profiles.first().profile
        response = client_as("mt").post(
            reverse("zelfevaluatie:conclusion-save", args=[evaluation.pk, profile.pk]),
            {f"p{profile.pk}-agreed_score": "3", f"p{profile.pk}-justification": ""},
        )
        assert response.status_code == 400
        assert "Dit veld is verplicht" in response.content.decode()
        assert not ProfileConclusion.objects.exists()


class TestFinishedRound:
    @pytest.fixture
    def finished(self, evaluation, users):
        score_everything(evaluation)
        services.action_create(
            round=evaluation, what="Actie", measure="m", owner="o", deadline=datetime.date(2027, 1, 1)
        )
        services.round_advance(round=evaluation)
        return evaluation

    def test_views_refuse_every_change(self, finished, client_as):
        profile = finished.round_profiles.first().profile
        action = finished.actions.get()
        client = client_as("mt")
        hulpvraag = questions(finished, "conclusions")[0]
        posts = [
            (reverse("zelfevaluatie:rating", args=[finished.pk, profile.pk]), {"score": "5"}),
            (
                reverse("zelfevaluatie:rating-autosave", args=[finished.pk, profile.pk]),
                {"field": "score", "value": "5"},
            ),
            (
                reverse("zelfevaluatie:conclusion-save", args=[finished.pk, profile.pk]),
                {f"p{profile.pk}-agreed_score": "5", f"p{profile.pk}-justification": "x"},
            ),
            (reverse("zelfevaluatie:conclusions", args=[finished.pk]), {f"answer-{hulpvraag.pk}": "x"}),
            (
                reverse("zelfevaluatie:conclusions-autosave", args=[finished.pk]),
                {"field": f"answer-{hulpvraag.pk}", "value": "x"},
            ),
            (reverse("zelfevaluatie:action-create", args=[finished.pk]), {"what": "x"}),
            (reverse("zelfevaluatie:action-update", args=[finished.pk, action.pk]), {"what": "x"}),
            (reverse("zelfevaluatie:action-delete", args=[finished.pk, action.pk]), {}),
            (reverse("zelfevaluatie:round-update", args=[finished.pk]), {"period": "x"}),
            (reverse("zelfevaluatie:round-advance", args=[finished.pk]), {}),
            (reverse("zelfevaluatie:peer-reviews", args=[finished.pk]), {"username": "hr_beekdal"}),
        ]
        for url, data in posts:
            assert client.post(url, data).status_code == 403, url
        assert not Rating.objects.filter(score=5).exists()
        assert not ProfileConclusion.objects.filter(agreed_score=5).exists()
        assert finished.actions.get().what == "Actie"
        assert not Answer.objects.filter(text="x").exists()

    def test_pages_show_the_round_read_only(self, finished, client_as):
        profile = finished.round_profiles.first().profile
        content = client_as("mt").get(reverse("zelfevaluatie:rating", args=[finished.pk, profile.pk])).content.decode()
        assert "is afgerond en kan niet meer worden gewijzigd" in content
        assert "data-autosave-url" not in content
        team = client_as("mt").get(reverse("zelfevaluatie:team", args=[finished.pk])).content.decode()
        assert "Afgesproken score vastleggen" not in team


class TestNextRoundPages:
    @pytest.fixture
    def second(self, evaluation, users, org_a, vth):
        casemanager = evaluation.round_profiles.get(profile__name="Casemanager").profile
        services.action_create(
            round=evaluation,
            what="Intervisie voor casemanagers",
            measure="4 sessies per jaar",
            owner="Teamleider",
            deadline=datetime.date(2027, 6, 30),
            profile=casemanager,
        )
        score_everything(evaluation, score=2, agreed=2)
        services.round_advance(round=evaluation)
        return evaluation

    def test_starting_a_new_round_shows_the_previous_scores_and_actions(self, second, client_as):
        content = client_as("mt").get(reverse("zelfevaluatie:round-create")).content.decode()
        assert "De vorige zelfevaluatie" in content
        assert "Intervisie voor casemanagers" in content
        assert '<th scope="row">Casemanager</th><td>2</td>' in content

    def test_the_new_round_compares_with_the_previous_one(self, second, client_as, users, org_a, vth):
        response = client_as("mt").post(
            reverse("zelfevaluatie:round-create"),
            {"organisation": org_a.pk, "framework": vth.pk, "period": "2027–2028", "contact_name": "Piet"},
        )
        new = EvaluationRound.objects.get(period="2027–2028")
        assert response.url == reverse("zelfevaluatie:round-detail", args=[new.pk])
        content = client_as("mt").get(response.url).content.decode()
        assert "Vergeleken met de vorige ronde (2025–2026)" in content
        assert "ongewijzigd sinds de vorige ronde" in content
        assert "Intervisie voor casemanagers" in content
        carried = new.actions.get()
        assert carried.carried_from.round == second
        conclusions = client_as("mt").get(reverse("zelfevaluatie:conclusions", args=[new.pk])).content.decode()
        assert "Overgenomen uit 2025–2026" in conclusions

    def test_profile_history_shows_a_chart_and_a_table(self, second, client_as, users, org_a, vth):
        new = start_round(org_a, users["mt"], vth, period="2027–2028")
        profile = new.round_profiles.get(profile__name="Casemanager").profile
        services.conclusion_save(
            round=new, profile=profile, agreed_score=4, justification="Gegroeid.", user=users["mt"]
        )
        content = (
            client_as("mt").get(reverse("zelfevaluatie:profile-history", args=[new.pk, profile.pk])).content.decode()
        )
        assert "<svg" in content and 'role="img"' in content
        assert '<th scope="row">Casemanager</th><td>2</td><td>4</td>' in content
        assert "Gegroeid." in content

    def test_round_overview_shows_the_growth_chart(self, second, client_as):
        content = client_as("mt").get(reverse("zelfevaluatie:round-list")).content.decode()
        assert "<svg" in content
        assert "Afgesproken scores van Gemeente Aadorp per ronde" in content


class TestExports:
    @pytest.fixture
    def complete(self, evaluation, users, peer_review):
        score_everything(evaluation, score=4, agreed=4)
        services.conclusion_answer_save(
            round=evaluation,
            question_id=questions(evaluation, "conclusions")[0].pk,
            text="We staan er goed voor.",
            user=users["mt"],
        )
        services.peer_note_save(
            peer_review=peer_review,
            question_id=questions(evaluation, "peer_review")[0].pk,
            text="Heldere onderbouwing.",
        )
        services.action_create(
            round=evaluation,
            what="Kennissessies Omgevingswet",
            measure="6 sessies",
            owner="Teamleider",
            deadline=datetime.date(2027, 3, 1),
        )
        return evaluation

    def test_json_export_holds_the_whole_round(self, complete, client_as):
        response = client_as("selecteur").get(reverse("zelfevaluatie:round-json", args=[complete.pk]))
        data = json.loads(response.content)
        assert response["Content-Disposition"].startswith("attachment;")
        assert data["organisation"] == "Gemeente Aadorp"
        assert [p["agreed_score"] for p in data["profiles"]] == [4] * 5
        assert data["conclusions"][0]["answer"] == "We staan er goed voor."
        assert data["peer_reviews"][0]["organisation"] == "Gemeente Beekdal"
        assert data["actions"][0]["what"] == "Kennissessies Omgevingswet"

    def test_csv_export_has_a_row_per_score_note_and_action(self, complete, client_as):
        text = client_as("mt").get(reverse("zelfevaluatie:round-csv", args=[complete.pk])).content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert rows[0][:3] == ["onderdeel", "profiel", "vraag"]
        assert sum(1 for row in rows if row[0] == "Afgesproken score") == 5
        assert sum(1 for row in rows if row[0] == "Individuele score") == 10
        assert [
            "Actieplan",
            "Overkoepelend",
            "Kennissessies Omgevingswet",
            "",
            "",
            "6 sessies",
            "Teamleider",
            "2027-03-01",
            "Open",
        ] in rows

    def test_pdf_contains_scores_notes_conclusions_and_actions(self, complete, client_as, tmp_path):
        response = client_as("mt").get(reverse("zelfevaluatie:round-pdf", args=[complete.pk]))
        assert response["Content-Type"] == "application/pdf"
        path = tmp_path / "verslag.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.split())  # table cells wrap; compare words, not line breaks
        for expected in [
            "Gemeente Aadorp",
            "Anna de Vries",
            "Casemanager",
            "We staan er goed voor.",
            "Heldere onderbouwing.",
            "Kennissessies Omgevingswet",
            "Groei",
        ]:
            assert expected in text, expected


class TestTeamViewOneProfileAtATime:
    """The team view shows one profile, chosen from links to all of them (as the meeting mode does)."""

    def test_the_team_view_shows_the_chosen_profile_and_links_to_every_profile(self, evaluation, client_as, users):
        profiles = [rp.profile for rp in evaluation.round_profiles.select_related("profile")]
        first, second = profiles[0], profiles[1]
        for user, text in [(users["mt"], "Oordeel-van-mt"), (users["selecteur"], "Oordeel-van-selecteur")]:
            for profile in (first, second):
                services.rating_save(
                    participant=participant(evaluation, user),
                    profile=profile,
                    score=3,
                    justification=f"{text}-{profile.pk}",
                )
                services.rating_submit(participant=participant(evaluation, user), profile=profile)
        url = reverse("zelfevaluatie:team", args=[evaluation.pk])
        client = client_as("selecteur")
        page = client.get(url).content.decode()
        # Opens on the first profile; the others are one link away, none of their judgements on this page.
        assert f"Oordeel-van-mt-{first.pk}" in page
        assert f"Oordeel-van-mt-{second.pk}" not in page
        assert page.count('class="border-top pt-3 mt-3"') == 1
        for profile in profiles:
            assert f'href="{url}?profiel={profile.pk}#profiel-{profile.pk}"' in page
        assert "2 van 2 ingeleverd" in page and "0 van 2 ingeleverd" in page
        chosen = client.get(url, {"profiel": second.pk})
        assert chosen.status_code == 200
        chosen = chosen.content.decode()
        assert f"Oordeel-van-mt-{second.pk}" in chosen and f"Oordeel-van-selecteur-{second.pk}" in chosen
        assert f"Oordeel-van-mt-{first.pk}" not in chosen
        assert 'aria-current="page"' in chosen

    def test_the_chooser_counts_the_hand_ins_of_each_profiles_own_scorers(self, evaluation, client_as, users):
        first, second = [rp.profile for rp in evaluation.round_profiles.select_related("profile")][:2]
        mt, selecteur = participant(evaluation, users["mt"]), participant(evaluation, users["selecteur"])
        client_as("mt").post(
            reverse("zelfevaluatie:scorers", args=[evaluation.pk]), {f"scorers-{first.pk}": [str(mt.pk)]}
        )
        services.rating_save(participant=mt, profile=first, score=2, justification="Eigen oordeel.")
        services.rating_submit(participant=mt, profile=first)
        for who in (mt, selecteur):
            services.rating_save(participant=who, profile=second, score=3, justification="Eigen oordeel.")
            services.rating_submit(participant=who, profile=second)
        page = client_as("selecteur").get(reverse("zelfevaluatie:team", args=[evaluation.pk])).content.decode()
        # The first profile has one scorer (the MT member), the others both participants.
        assert "1 van 1 ingeleverd" in page and "2 van 2 ingeleverd" in page
        assert page.count("0 van 2 ingeleverd") == len(evaluation.round_profiles.all()) - 2

    def test_a_profile_outside_the_round_is_not_found(self, evaluation, client_as, vth):
        outside = vth.profiles.exclude(pk__in=evaluation.round_profiles.values("profile")).first()
        url = reverse("zelfevaluatie:team", args=[evaluation.pk])
        if outside is not None:
            assert client_as("mt").get(url, {"profiel": outside.pk}).status_code == 404
        assert client_as("mt").get(url, {"profiel": 999999}).status_code == 404

    def test_recording_an_agreed_score_returns_to_that_profile(self, evaluation, client_as):
        second = evaluation.round_profiles.all()[1].profile
        response = client_as("mt").post(
            reverse("zelfevaluatie:conclusion-save", args=[evaluation.pk, second.pk]),
            {f"p{second.pk}-agreed_score": "3", f"p{second.pk}-justification": "Na bespreking."},
        )
        assert response.status_code == 302
        assert response.url == (
            reverse("zelfevaluatie:team", args=[evaluation.pk]) + f"?profiel={second.pk}#profiel-{second.pk}"
        )
        page = client_as("mt").get(response.url).content.decode()
        assert "Na bespreking." in page
