"""Issue 28 in the browser: a selection that holds up afterwards.

HR meets each refusal as a user would (no consensus without a handed-in score, no change of criteria
after the first score unless versioned), opens a new version with a reason, edits and sends the
letter to a rejected candidate; a selecteur practises a case and sees what they missed; a candidate
answers the voluntary questions through their own link, without an account; HR sees the figures
with small groups suppressed. Every page passes axe and the Nu Html Checker (conftest)."""

import re

import pytest
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from frameworks.models import Profile
from selectie import selectors, services
from selectie.models import ConsensusScore, CriteriaVersion, FairnessAnswer, RejectionLetter

from ..factories import make_user
from ..selectie.conftest import build_day, score_all
from .conftest import log_in, wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def day(users, seeded):
    organisation = users["hr"].memberships.first().organisation
    second = make_user("selecteur2", organisation=organisation, role=Membership.Role.SELECTEUR)
    profile = Profile.objects.get(
        name="Vergunningverlener", framework__name="VTH competentieprofielen", framework__organisation__isnull=True
    )
    day = build_day(hr=users["hr"], organisation=organisation, profile=profile, assessors=[users["selecteur"], second])
    first = day.candidates[0]
    score_all(day, users["selecteur"], first, value=2, submit=True)
    score_all(day, second, first, value=2, submit=True)
    day.second, day.organisation = second, organisation
    return day


def test_hr_meets_the_refusals_versions_the_criteria_and_sends_the_letter(page, day, users):
    procedure, first, unscored = day.procedure, day.candidates[0], day.candidates[1]
    log_in(page, "hr")

    # No consensus without a handed-in score: the page says so instead of offering a form.
    page.goto(f"/selectie/{procedure.pk}/kalibratie/{unscored.pk}/")
    expect(page.get_by_text("Er is voor deze competentie nog geen ingediende score.").first).to_be_visible()
    expect(page.get_by_role("button", name="Consensus vastleggen")).to_have_count(0)
    assert not ConsensusScore.objects.filter(candidate=unscored).exists()

    # The criteria are fixed since the first score: a change is refused in Dutch, nothing changes.
    page.goto(f"/selectie/{procedure.pk}/oefeningen/")
    expect(page.get_by_role("status").filter(has_text="liggen vast sinds de eerste score")).to_be_visible()
    page.get_by_role("row", name=re.compile("^Interview")).get_by_role("checkbox").first.uncheck()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Maak dan eerst een nieuwe versie van de criteria")).to_be_visible()
    assert day.interview.competencies.count() == 3
    page.get_by_role("link", name="Nieuwe versie maken").click()
    page.get_by_role("button", name="Nieuwe versie maken").click()
    expect(page.get_by_text("Dit veld is verplicht.")).to_be_visible()
    page.get_by_label("Waarom veranderen de criteria?").fill("Het interview observeerde te veel tegelijk.")
    page.get_by_role("button", name="Nieuwe versie maken").click()
    expect(page.get_by_text("Versie 2 van de criteria is geopend.")).to_be_visible()
    page.get_by_role("row", name=re.compile("^Interview")).get_by_role("checkbox").first.uncheck()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De verdeling van competenties over de oefeningen is opgeslagen.")).to_be_visible()
    assert day.interview.competencies.count() == 2 and CriteriaVersion.objects.filter(procedure=procedure).count() == 2

    # The chair records consensus (the note says it reaches the candidate), then a rejection.
    page.goto(f"/selectie/{procedure.pk}/kalibratie/{first.pk}/")
    expect(page.get_by_text("Let op: deze tekst komt in de brief aan de kandidaat").first).to_be_visible()
    expect(page.get_by_text("Gemiddelde van het panel: 2").first).to_be_visible()
    for competency in day.competencies:
        services.consensus_set(
            candidate=first, competency=competency, user=users["hr"], value=2, rationale="Vatte weinig samen."
        )
    services.decision_set(
        candidate=first, user=users["hr"], outcome="afgewezen", justification=f"{day.competencies[0].name} te laag."
    )
    page.goto(f"/selectie/{procedure.pk}/resultaten/")
    page.get_by_role("link", name="brief aan K-001").click()
    letter = page.get_by_label("Tekst van de brief")
    expect(letter).to_contain_text("Beste Persoon 1,")
    letter.fill(letter.input_value() + "\nMet vriendelijke groet van het hele team.")
    wait_all_saved(page)
    assert "het hele team" in RejectionLetter.objects.get(candidate=first).body
    page.get_by_role("button", name="Brief per e-mail versturen").click()
    expect(page.get_by_text("De brief aan K-001 staat in de wachtrij en wordt verstuurd.")).to_be_visible()
    expect(page.get_by_text(re.compile("Verstuurd op"))).to_be_visible()


def test_a_selecteur_practises_and_a_candidate_answers_through_their_own_link(page, day, users, client):
    competency = day.competencies[0]
    indicators = selectors.indicators_for(profile_ids=competency.profile_ids, competency_ids=[competency.pk])
    case = services.practice_case_save(
        procedure=day.procedure, title="De buurman belt", description="De kandidaat vatte de klacht samen."
    )
    services.practice_expert_save(
        case=case, values={competency.pk: 4}, indicators={competency.pk: [indicators[competency.pk][0].pk]}
    )
    log_in(page, "selecteur")
    page.goto(f"/selectie/{day.procedure.pk}/")
    page.get_by_role("link", name="Oefenen vóór de selectiedag").click()
    expect(page.get_by_text("U hebt 0 van de 1 casussen geoefend.")).to_be_visible()
    page.get_by_role("link", name="De buurman belt").click()
    page.get_by_role("button", name="Klaar: vergelijk met de expert").click()
    expect(page.get_by_role("alert")).to_contain_text("Geef bij elke competentie een score.")
    page.get_by_label("Uw score").select_option("2")
    page.get_by_role("button", name="Klaar: vergelijk met de expert").click()
    expect(page.get_by_text("Uw score: 2. Expert: 4.")).to_be_visible()
    expect(page.get_by_text("Gedrag dat de expert zag en u niet aanvinkte:")).to_be_visible()

    # A candidate, without an account, answers the voluntary questions through their own link.
    services.fairness_setup_save(organisation=day.organisation, characteristics=["gender"])
    token = services.fairness_invitation_create(candidate=day.candidates[0])
    page.context.clear_cookies()
    page.goto(f"/selectie/vragenlijst/{token}/")
    expect(page.get_by_role("radio", name="Zeg ik liever niet")).to_be_checked()
    page.get_by_role("radio", name="Vrouw").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Dank u wel. Uw antwoorden zijn opgeslagen.")).to_be_visible()
    assert FairnessAnswer.objects.filter(answer="vrouw").count() == 1

    # HR sees how many answered, never who answered what.
    log_in(page, "hr")
    page.goto(f"/selectie/{day.procedure.pk}/gelijke-kansen/")
    expect(page.get_by_text("1 van de 3 kandidaten vulden de vrijwillige vragen in.")).to_be_visible()
    page.get_by_role("link", name="Instellingen en alle procedures samen").click()
    expect(page.get_by_role("checkbox", name="Geslacht")).to_be_checked()
