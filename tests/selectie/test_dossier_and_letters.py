"""Issue 28, points 3 and 4: the dossier of a procedure and the letter to a rejected candidate.

The dossier is built in the background (the framework PDF's mechanism, competentie/pdfbuild.py)
for HR and the chair; the letter cites the consensus and the behaviour it rests on, names no
selecteur and no other candidate, and goes through the e-mail queue. Both are read back as text.
"""

import subprocess
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from competentie import audit
from competentie.notifications.models import SentReminder
from competentie.notifications.reminders import reminders_send
from selectie import selectors, services
from selectie.models import RejectionLetter, Score, Submission

from .conftest import score_all

pytestmark = pytest.mark.django_db


def pdf_words(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def read(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def decided(day, selecteurs, users):
    """K-001 and K-002 handed in by both selecteurs, consensus everywhere; K-001 rejected, K-002 through."""
    hr = users["hr"]
    first, second = day.candidates[:2]
    indicators = selectors.indicators_for(
        profile_ids=day.competencies[0].profile_ids, competency_ids=[c.pk for c in day.competencies]
    )
    for candidate, value in ((first, 2), (second, 4)):
        for selecteur in (selecteurs["selecteur"], selecteurs["selecteur2"]):
            score_all(day, selecteur, candidate, value=value, evidence="Vatte de belangen samen.")
            for score in Score.objects.filter(assignment__candidate=candidate, assignment__selecteur=selecteur):
                score.observed_indicators.add(indicators[score.competency_id][0])
            services.candidate_submit(candidate=candidate, user=selecteur)
        for competency in day.competencies:
            services.consensus_set(
                candidate=candidate,
                competency=competency,
                user=hr,
                value=value,
                rationale=f"Het panel zag {value}: Sem de Boer noemde het gesprek met {second.code} sterker.",
            )
    name = day.competencies[0].name
    services.decision_set(candidate=first, user=hr, outcome="afgewezen", justification=f"{name} onvoldoende.")
    services.decision_set(candidate=second, user=hr, outcome="door", justification=f"{name} goed.")
    return day


def test_the_draft_cites_consensus_and_behaviour_and_leaves_out_names_and_other_candidates(decided, selecteurs):
    first, second = decided.candidates[:2]
    selecteurs["selecteur2"].first_name, selecteurs["selecteur2"].last_name = "Sem", "de Boer"
    selecteurs["selecteur2"].save()
    draft = services.letter_draft(candidate=first)
    assert draft.startswith("Beste Persoon 1,")
    competency = decided.competencies[0]
    assert f"{competency.name}: score 2" in draft and "Wat de selecteurs zagen:" in draft
    assert "Sem de Boer" not in draft and second.code not in draft and "Persoon 2" not in draft
    assert services.letter_problems(candidate=first, body=draft) == []
    bad = draft + f"\nUw collega-kandidaat {second.code} en selecteur Sem de Boer waren het oneens."
    problems = services.letter_problems(candidate=first, body=bad)
    assert any(second.code in p for p in problems) and any("de Boer" in p for p in problems)


def test_hr_edits_the_letter_and_sends_it_through_the_queue_once(
    decided, users, client_for, django_capture_on_commit_callbacks
):
    first = decided.candidates[0]
    client = client_for("hr")
    url = reverse("selectie:letter", args=[decided.procedure.pk, first.pk])
    page = client.get(url).content.decode()
    assert "Beste Persoon 1," in page and 'data-autosave-url="' in page
    body = services.letter_draft(candidate=first) + "\nU mag ons altijd bellen."
    saved = client.post(url, {"field": "body", "value": body, "revision": "0"}, headers={"X-Requested-With": "fetch"})
    assert saved.status_code == 200 and saved.json()["revision"] == 1
    stale = client.post(url, {"field": "body", "value": "Oud", "revision": "0"}, headers={"X-Requested-With": "fetch"})
    assert stale.status_code == 409
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("selectie:letter-send", args=[decided.procedure.pk, first.pk]), follow=True)
    assert "staat in de wachtrij" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["persoon1@example.nl"] and "U mag ons altijd bellen." in message.body
    assert "een account in Competentie" not in message.body and "selecteur" not in message.body.split("Beste")[0]
    letter = RejectionLetter.objects.get(candidate=first)
    assert letter.sent_at and letter.sent_by == users["hr"]
    assert [e.text for e in audit.history_for(first, actions=["letter.sent"])] == [
        "Afwijzingsbrief aan K-001 verstuurd."
    ]
    with pytest.raises(ValidationError, match="al verstuurd"):
        services.letter_send(candidate=first, user=users["hr"])
    assert len(mail.outbox) == 1


def test_a_letter_naming_a_selecteur_or_another_candidate_is_refused_and_nothing_is_sent(decided, users, client_for):
    first, second = decided.candidates[:2]
    services.letter_save(candidate=first, user=users["hr"], body=f"Beste Persoon 1,\n{second.code} was beter.")
    mail.outbox.clear()
    response = client_for("hr").post(
        reverse("selectie:letter-send", args=[decided.procedure.pk, first.pk]), follow=True
    )
    assert "noemt een andere kandidaat (K-002)" in response.content.decode()
    assert mail.outbox == [] and RejectionLetter.objects.get(candidate=first).sent_at is None
    with pytest.raises(ValidationError) as refused:
        services.letter_save(candidate=second, user=users["hr"], body="Beste Persoon 2")
    assert refused.value.error_list[0].code == "not_rejected"


def test_the_letter_pdf_holds_only_this_candidate(decided, selecteurs, client_for):
    first, second = decided.candidates[:2]
    for user, (given, family) in zip(
        (selecteurs["selecteur"], selecteurs["selecteur2"]), (("Sara", "El Amrani"), ("Sem", "de Boer")), strict=True
    ):
        user.first_name, user.last_name = given, family
        user.save()
    url = reverse("selectie:letter-pdf", args=[decided.procedure.pk, first.pk])
    text = pdf_words(read(client_for("hr").get(url)))
    assert "Beste Persoon 1," in text and "K-001" in text and "Wat de selecteurs zagen:" in text
    assert second.code not in text and "Persoon 2" not in text
    for name in ("Sara El Amrani", "El Amrani", "Sem de Boer", "de Boer"):
        assert name not in text


def test_hr_is_reminded_once_when_a_rejected_candidate_has_no_answer_two_weeks_after_the_day(
    decided, users, django_capture_on_commit_callbacks
):
    users["hr"].email = "hr@aadorp.example"
    users["hr"].save()
    procedure = decided.procedure
    procedure.selection_date = date(2026, 3, 2)
    procedure.save(update_fields=["selection_date"])
    assert reminders_send(today=date(2026, 3, 15)) == 0  # thirteen days: not yet
    mail.outbox.clear()
    assert reminders_send(today=date(2026, 3, 16)) == 1
    assert "1 afgewezen kandidaat heeft nog geen brief gekregen" in mail.outbox[0].body
    assert mail.outbox[0].to == [users["hr"].email]
    assert reminders_send(today=date(2026, 3, 17)) == 0  # idempotent
    assert SentReminder.objects.filter(kind="rejection_letter_reminder").count() == 1
    services.letter_save(candidate=decided.candidates[0], user=users["hr"], body="Beste Persoon 1, helaas.")
    services.letter_send(candidate=decided.candidates[0], user=users["hr"])
    procedure.selection_date = date(2026, 3, 3)  # a new date would earn a new reminder — but all have an answer
    procedure.save(update_fields=["selection_date"])
    assert reminders_send(today=date(2026, 3, 20)) == 0


def test_the_dossier_is_built_in_the_background_and_holds_what_defends_the_outcome(
    decided, selecteurs, users, client_for, task_queue
):
    first, second = decided.candidates[:2]
    client = client_for("hr")
    client.get(reverse("selectie:calibration-candidate", args=[decided.procedure.pk, first.pk]))  # HR sees scores
    services.candidate_purge(candidate=decided.candidates[2], user=users["hr"], via="verzoek")
    response = client.get(reverse("selectie:dossier", args=[decided.procedure.pk]))
    assert response.status_code == 302
    progress = response.url
    assert "De PDF staat in de wachtrij." in client.get(progress).content.decode()
    assert task_queue() == 1
    assert "PDF downloaden" in client.get(progress).content.decode()
    text = pdf_words(read(client.get(progress + "?download=1")))
    assert "Verantwoording: Vergunningverlener 2026" in text
    assert "Versie 1" in text and "Vastgelegd op" in text and "Interview" in text
    assert "Ieder oordeelde eerst zelf" in text and "ja" in text
    assert "Vatte de belangen samen." in text and "Consensus: 2." in text and "Afgewezen" in text
    assert "Gemiddelde van het panel: 2 (uit 2 selecteurs)" in text
    assert "K-003" in text and "verwijderd" in text.lower()
    for personal in ("Persoon 1", "Persoon 2", "persoon1@example.nl"):
        assert personal not in text
    # The chair who is no HR gets a copy without fairness figures; HR's build is not theirs.
    services.procedure_update(procedure=decided.procedure, user=users["hr"], chair=selecteurs["selecteur3"])
    chair = client_for("selecteur3")
    assert chair.get(progress).status_code == 404
    assert chair.get(reverse("selectie:dossier", args=[decided.procedure.pk])).status_code == 302
    assert client_for("selecteur").get(reverse("selectie:dossier", args=[decided.procedure.pk])).status_code == 403


def test_the_first_sight_of_colleagues_scores_is_recorded_once_per_person_and_candidate(decided, client_for, users):
    first = decided.candidates[0]
    client = client_for("selecteur")
    url = reverse("selectie:calibration-candidate", args=[decided.procedure.pk, first.pk])
    client.get(url)
    client.get(url)
    client.get(reverse("selectie:calibration", args=[decided.procedure.pk]))
    events = audit.history_for(decided.procedure, actions=["scores.first_seen"]).filter(actor__username="selecteur")
    seen = [e for e in events if e.params["candidate"] == first.pk]
    assert len(seen) == 1 and seen[0].params["code"] == "K-001"  # three visits, one first sight
    assert not audit.history_for(first, actions=["scores.first_seen"]).exists()  # the candidate's history stays clean
    submitted = Submission.objects.get(candidate=first, selecteur__username="selecteur").submitted_at
    assert seen[0].at >= submitted
    rows = selectors.dossier(procedure=decided.procedure)["independence"]
    mine = next(r for r in rows if r["candidate"] == first and r["selecteur"] == "selecteur")
    assert mine["independent"] and mine["first_seen"] == seen[0].at


def test_a_purge_removes_the_letter_and_any_queued_mail_to_the_candidate(
    decided, users, task_queue, django_capture_on_commit_callbacks
):
    first = decided.candidates[0]
    services.letter_save(candidate=first, user=users["hr"], body="Beste Persoon 1, helaas.")
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send(candidate=first, user=users["hr"])
    assert DBTaskResult.objects.filter(args_kwargs__icontains="persoon1@example.nl").exists()
    services.candidate_purge(candidate=first, user=users["hr"], via="verzoek")
    assert not RejectionLetter.objects.filter(candidate=first).exists()
    assert not DBTaskResult.objects.filter(args_kwargs__icontains="persoon1@example.nl").exists()


def test_hrs_dossier_holds_fairness_figures_only_as_groups_of_five_or_more(decided, users, org_a, client_for):
    from selectie.models import FairnessInvitation

    services.fairness_setup_save(organisation=org_a, characteristics=["gender"])
    for candidate in decided.candidates:
        token = services.fairness_invitation_create(candidate=candidate)
        invitation = FairnessInvitation.objects.get(token_hash=services.token_hash(token))
        services.fairness_answers_save(invitation=invitation, answers={"gender": "vrouw"})
    response = client_for("hr").get(reverse("selectie:dossier", args=[decided.procedure.pk]))  # built at once
    text = pdf_words(read(response))
    assert "5. Gelijke kansen" in text and "minder dan 5 kandidaten: niet getoond" in text
    assert "Vrouw 2" not in text and "Vrouw 1" not in text  # no count of a group under five
