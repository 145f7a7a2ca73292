import re
import subprocess

import pytest
from playwright.sync_api import expect

from frameworks.models import GuidingQuestion
from zelfevaluatie.models import Action, Answer, EvaluationRound, ProfileConclusion, Rating

from .conftest import ARTIFACTS, log_in, wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROFILES = [
    "Casemanager",
    "Vergunningverlener",
    "Toezichthouder en handhaver",
    "Juridisch adviseur",
    "Specialistisch adviseur",
]
AGREED = {
    "Casemanager": 4,
    "Vergunningverlener": 3,
    "Toezichthouder en handhaver": 2,
    "Juridisch adviseur": 5,
    "Specialistisch adviseur": 1,
}
ACTIONS = [
    (
        "Casemanager",
        "Intervisie voor casemanagers over integrale afweging",
        "Vier sessies per jaar; evaluatie na één jaar",
        "Teamleider VTH",
        "2027-06-30",
    ),
    (
        "Overkoepelend (alle profielen)",
        "Opleidingsplan Omgevingswet voor alle medewerkers VTH",
        "Iedereen heeft de basistraining gevolgd",
        "Afdelingshoofd",
        "2027-12-31",
    ),
]


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/inloggen/"))


def score_all_profiles(page, round_pk, scores, *, hulpvragen=()):
    """Score every profile and hand it in; each hand-in opens the team view, then on to the next profile."""
    page.goto(f"/zelfevaluatie/{round_pk}/")
    page.get_by_role("link", name="Scoren Casemanager").click()
    for index, name in enumerate(PROFILES):
        expect(page.get_by_role("heading", level=1)).to_contain_text(name)
        page.get_by_label(re.compile(rf"^{scores[index]} – ")).check()
        page.locator("#id_justification").fill(f"{name}: onderbouwing bij score {scores[index]}.")
        if index == 0:
            for question, text in hulpvragen:
                page.get_by_label(re.compile(re.escape(question.text[:60]))).fill(text)
            wait_all_saved(page)
            expect(page.get_by_role("status").filter(has_text="Alles is opgeslagen")).to_be_visible()
        page.get_by_role("button", name=f"Inleveren {name}").click()
        expect(page.get_by_role("status").filter(has_text=f"Uw score voor {name} is ingeleverd.")).to_be_visible()
        if index + 1 < len(PROFILES):
            page.goto(f"/zelfevaluatie/{round_pk}/")
            page.get_by_role("link", name=f"Scoren {PROFILES[index + 1]}").click()
    page.goto(f"/zelfevaluatie/{round_pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zelfevaluatie 2025–2026")


def test_management_team_runs_a_round_and_the_next_round_builds_on_it(page, screenshot, users, seeded, tmp_path):
    # An MT member starts a round on the seeded VTH framework and invites two colleagues.
    log_in(page, "mt")
    page.get_by_role("link", name="Zelfevaluatie", exact=True).click()
    page.get_by_role("link", name="Nieuwe zelfevaluatie starten").click()
    expect(page.get_by_text("Dit is de eerste zelfevaluatie van Gemeente Aadorp.")).to_be_visible()
    expect(page.get_by_label("Profielen uit")).to_have_value(
        str(
            GuidingQuestion.objects.filter(question_set__framework__name="VTH competentieprofielen")
            .first()
            .question_set.framework_id
        )
    )
    page.get_by_label("Periode").fill("2025–2026")
    page.get_by_label("Naam contactpersoon").fill("Anna de Vries")
    page.get_by_label("Functie contactpersoon").fill("Teamleider VTH")
    page.get_by_label("selecteur").check()
    page.get_by_label("hr", exact=True).check()
    screenshot("zelfevaluatie-01-start")
    page.get_by_role("button", name="Zelfevaluatie starten").click()
    expect(page.get_by_role("status").filter(has_text="De zelfevaluatie is gestart.")).to_be_visible()
    round = EvaluationRound.objects.get(period="2025–2026")
    screenshot("zelfevaluatie-02-round")
    log_out(page)

    # Two participants score all five profiles with justifications; one also answers two hulpvragen.
    hulpvragen = list(
        GuidingQuestion.objects.filter(
            question_set__framework=round.framework, question_set__purpose="self_evaluation"
        ).order_by("order")[:2]
    )
    log_in(page, "selecteur")
    score_all_profiles(
        page,
        round.pk,
        [4, 3, 3, 4, 2],
        hulpvragen=[
            (hulpvragen[0], "Zes casemanagers in twee teams."),
            (hulpvragen[1], "Sinds 2023 werken we met intervisie."),
        ],
    )
    page.goto(f"/zelfevaluatie/{round.pk}/profielen/{round.round_profiles.first().profile_id}/")
    screenshot("zelfevaluatie-03-rating")
    log_out(page)
    log_in(page, "hr")
    score_all_profiles(page, round.pk, [3, 3, 2, 5, 1])
    log_out(page)
    assert Rating.objects.filter(participant__round=round, score__isnull=False).count() == 10
    assert Rating.objects.filter(participant__round=round, submitted_at__isnull=False).count() == 10
    assert Rating.objects.filter(participant__round=round, justification="").count() == 0
    assert Answer.objects.filter(round=round, participant__isnull=False).exclude(text="").count() == 2

    # The team compares the scores and records the agreed score per profile.
    log_in(page, "mt")
    page.goto(f"/zelfevaluatie/{round.pk}/")
    page.get_by_role("link", name="Scores van het team naast elkaar").click()
    # MT scores nothing itself in this round, so the chair opens the team view with a reason.
    expect(page.get_by_text("zodra u uw eigen score hebt ingeleverd").first).to_be_visible()
    page.get_by_text("Als voorzitter het teamoverzicht nu al openen").click()
    page.get_by_label("Reden").fill("Het MT scoort deze ronde niet zelf; het leidt het gesprek.")
    page.get_by_role("button", name="Teamoverzicht openen voor iedereen").click()
    expect(page.get_by_text("Spreiding van de ingeleverde scores: laagste 3, hoogste 4.").first).to_be_visible()
    for code, name in enumerate(PROFILES, start=1):
        # The team view shows one profile at a time: choose it from the links to all of them.
        chooser = page.get_by_role("navigation", name="Profielen van deze ronde")
        chooser.get_by_role("link", name=re.compile(rf"^{code}\. {re.escape(name)} ")).click()
        section = page.get_by_role("region", name=f"{code}. {name}")
        section.get_by_label(re.compile(rf"^\s*{AGREED[name]} – ")).check()
        section.get_by_label("Onderbouwing").fill(f"Besproken in het MT: {name} krijgt {AGREED[name]}.")
        section.get_by_role("button", name=re.compile("Afgesproken score vastleggen")).click()
        expect(
            page.get_by_role("status").filter(has_text=f"De afgesproken score voor {name} is vastgelegd.")
        ).to_be_visible()
    screenshot("zelfevaluatie-04-team")
    assert ProfileConclusion.objects.filter(round=round).count() == 5

    # Step 3: a conclusion and two SMART actions.
    page.get_by_role("link", name="Stap 3: conclusies en actieplan").click()
    first_conclusion = (
        GuidingQuestion.objects.filter(
            question_set__framework=round.framework, question_set__purpose="conclusions", section="Conclusies"
        )
        .order_by("order")
        .first()
    )
    page.get_by_label(first_conclusion.text).fill("De basis staat; juridisch advies is sterk.")
    page.get_by_role("button", name="Conclusies opslaan").click()
    wait_all_saved(page)
    expect(page.get_by_role("status").filter(has_text="Alles is opgeslagen")).to_be_visible()
    for profile, what, measure, owner, deadline in ACTIONS:
        page.get_by_role("link", name="Actie toevoegen").click()
        page.get_by_label("Profiel").select_option(label=profile)
        page.get_by_label("Wat gaan we doen?").fill(what)
        page.get_by_label("Beoogd resultaat (meetbaar)").fill(measure)
        page.get_by_label("Eigenaar").fill(owner)
        page.get_by_label("Uiterste datum").fill(deadline)
        page.get_by_role("button", name="Actie opslaan").click()
        expect(page.get_by_role("rowheader", name=what)).to_be_visible()
    screenshot("zelfevaluatie-05-actieplan")

    # Close the round: lopend → afgerond.
    page.get_by_role("link", name="Overzicht").click()
    page.get_by_role("link", name="Zelfevaluatie afronden").click()
    page.get_by_role("button", name="Ja, rond de zelfevaluatie af").click()
    expect(page.get_by_role("status").filter(has_text="De zelfevaluatie is afgerond.")).to_be_visible()
    expect(page.get_by_role("link", name="Gegevens wijzigen")).to_have_count(0)
    screenshot("zelfevaluatie-06-afgerond")

    # The PDF holds each profile's agreed score and the actions.
    pdf_link = page.get_by_role("link", name="Verslag (PDF)")
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    path = tmp_path / "verslag.pdf"
    path.write_bytes(response.body())
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    for name, score in AGREED.items():
        assert f"{name} {score} Besproken in het MT" in text, name
    for _profile, what, measure, _owner, _deadline in ACTIONS:
        assert what in text and measure in text
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(path), str(ARTIFACTS / "zelfevaluatie-09-pdf")],
        check=True,
    )

    # Two years later: the new round shows the first round's scores and actions.
    page.get_by_role("link", name="Zelfevaluatie", exact=True).click()
    expect(page.locator("svg.growth-chart")).to_be_visible()
    screenshot("zelfevaluatie-07-overzicht")
    page.get_by_role("link", name="Nieuwe zelfevaluatie starten").click()
    previous = page.get_by_role("region", name="De vorige zelfevaluatie")
    expect(previous.get_by_role("row", name="Juridisch adviseur 5")).to_be_visible()
    expect(previous.get_by_text(ACTIONS[0][1])).to_be_visible()
    page.get_by_label("Periode").fill("2027–2028")
    page.get_by_role("button", name="Zelfevaluatie starten").click()
    expect(page.get_by_role("heading", name="Vergeleken met de vorige ronde (2025–2026)")).to_be_visible()
    expect(page.get_by_text("ongewijzigd sinds de vorige ronde.").first).to_be_visible()
    comparison = page.get_by_role("region", name="Vergeleken met de vorige ronde (2025–2026)")
    for name, score in AGREED.items():
        expect(comparison.get_by_role("row", name=re.compile(rf"^{re.escape(name)} {score} "))).to_be_visible()
    for _profile, what, *_rest in ACTIONS:
        expect(comparison.get_by_text(what)).to_be_visible()
    screenshot("zelfevaluatie-08-tweede-ronde")
    page.get_by_role("link", name="Stap 3: conclusies en actieplan").click()
    expect(page.get_by_text("Overgenomen uit 2025–2026")).to_have_count(2)
    second = EvaluationRound.objects.get(period="2027–2028")
    assert second.previous_round == round
    assert Action.objects.filter(round=second, carried_from__round=round).count() == 2
