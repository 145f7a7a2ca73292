"""A small selection day in the browser: set-up by HR, scoring by two selecteurs, calibration,
consensus, decision and the candidate's feedback PDF."""

import re
import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from selectie.models import Candidate

from ..factories import make_user
from .conftest import ARTIFACTS, log_in, wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CSV = (
    "naam,e-mail,notities\nAnna de Vries,anna@example.nl,\nBram Jansen,bram@example.nl,\nCees Bakker,cees@example.nl,\n"
)


def log_out(page):
    page.goto("/")
    if page.get_by_role("button", name="Menu tonen").is_visible():
        page.get_by_role("button", name="Menu tonen").click()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/inloggen/"))


def score_block(page, index: int, value: int, evidence: str):
    block = page.locator("fieldset.score-block").nth(index)
    block.get_by_role("checkbox").first.check()
    wait_all_saved(page)
    block.get_by_role("radio", name=re.compile(rf"^{value} –")).check()
    wait_all_saved(page)
    block.get_by_label("Wat zag en hoorde u?").fill(evidence)
    wait_all_saved(page)
    expect(page.locator("[data-autosave-status]")).to_have_text(
        re.compile(r"Alles is opgeslagen \(laatst om \d\d:\d\d\)")
    )


def score_exercise(page, values: list[int], label: str, reload_after: int | None = None):
    for index, value in enumerate(values):
        score_block(page, index, value, f"{label}: gedrag bij competentie {index + 1}")
        if reload_after == index:
            wait_all_saved(page)
            page.reload()
            block = page.locator("fieldset.score-block").nth(index)
            expect(block.get_by_role("radio", name=re.compile(rf"^{value} –"))).to_be_checked()
            expect(block.get_by_role("checkbox").first).to_be_checked()
            expect(block.get_by_label("Wat zag en hoorde u?")).to_have_value(
                f"{label}: gedrag bij competentie {index + 1}"
            )


def test_a_small_selection_day(page, screenshot, users, seeded):
    make_user("selecteur2", organisation=users["hr"].memberships.first().organisation, role=Membership.Role.SELECTEUR)

    # --- HR sets up the procedure -------------------------------------------------------------
    log_in(page, "hr")
    page.goto("/selectie/")
    page.get_by_role("link", name="Nieuwe procedure").click()
    page.get_by_label("Naam").fill("Vergunningverlener 2026")
    page.get_by_label("Competentieprofiel").select_option(label="VTH competentieprofielen: Vergunningverlener")
    expect(page.get_by_label("Beoordelingsschaal")).to_contain_text("Selectieschaal 1–5")
    screenshot("selectie-01-new-procedure")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Oefeningen en competenties")).to_be_visible()

    for name, kind in [("Interview", "Interview"), ("Casus", "Casus")]:
        page.get_by_label("Naam").fill(name)
        page.get_by_label("Soort").select_option(label=kind)
        page.get_by_role("button", name="Oefening toevoegen").click()
        expect(page.get_by_role("status").first).to_contain_text(f"Oefening “{name}” is toegevoegd")
    for competency in ["Omgevingsbewust", "Verbinden", "Integraal (samen)werken"]:
        page.get_by_label(f"Interview: {competency}").check()
    for competency in ["Integraal (samen)werken", "Verantwoordelijkheid", "Oordeelsvorming"]:
        page.get_by_label(f"Casus: {competency}").check()
    page.get_by_role("button", name="Verdeling opslaan").click()
    expect(page.get_by_label("Casus: Oordeelsvorming")).to_be_checked()
    screenshot("selectie-02-matrix")

    page.get_by_role("link", name="Kandidaten", exact=True).click()
    page.get_by_role("link", name="Kandidaten importeren").click()
    page.get_by_label("CSV-bestand").set_input_files(
        files=[{"name": "kandidaten.csv", "mimeType": "text/csv", "buffer": CSV.encode()}]
    )
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("3 kandidaten geïmporteerd (K-001 t/m K-003)")).to_be_visible()
    expect(page.get_by_role("cell", name="Anna de Vries")).to_be_visible()

    page.get_by_role("link", name="Toewijzingen", exact=True).click()
    for label in ["selecteur", "selecteur2", "K-001", "K-002", "K-003", "Interview", "Casus"]:
        page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_text("12 nieuwe toewijzingen.")).to_be_visible()
    screenshot("selectie-03-assignments")

    page.get_by_role("link", name="Overzicht").click()
    page.get_by_role("button", name="Naar “Open”").click()
    page.get_by_role("button", name="Naar “Scoren”").click()
    expect(page.get_by_text("De procedure staat nu op “Scoren”.")).to_be_visible()
    screenshot("selectie-03b-overview")
    log_out(page)

    # --- Selecteur 1 scores K-001, with a reload half-way ---------------------------------------
    log_in(page, "selecteur")
    page.goto("/selectie/")
    page.get_by_role("link", name="Vergunningverlener 2026").click()
    expect(page.get_by_text("Anna de Vries")).to_have_count(0)
    page.get_by_role("row", name=re.compile("K-001")).get_by_role("link", name="Interview").click()
    expect(page.get_by_role("heading", name="K-001 – Interview")).to_be_visible()
    score_exercise(page, [2, 2, 2], "Selecteur 1", reload_after=1)
    screenshot("selectie-04-scoring-screen")
    page.get_by_role("link", name="Casus").click()
    score_exercise(page, [2, 3, 3], "Selecteur 1")
    page.get_by_role("link", name="Klaar: scores voor K-001 indienen").click()
    page.get_by_role("button", name="Definitief indienen").click()
    expect(page.get_by_text("Uw scores voor K-001 zijn ingediend.")).to_be_visible()
    log_out(page)

    # --- Selecteur 2 scores K-001 differently and cannot peek before submitting ---------------
    page.set_viewport_size({"width": 768, "height": 1024})  # a tablet
    log_in(page, "selecteur2")
    page.goto("/selectie/")
    page.get_by_role("link", name="Vergunningverlener 2026").click()
    screenshot("selectie-04b-my-candidates-tablet")
    page.get_by_role("row", name=re.compile("K-001")).get_by_role("link", name="Interview").click()
    score_exercise(page, [4, 2, 2], "Selecteur 2")
    screenshot("selectie-04c-scoring-tablet")
    page.get_by_role("link", name="Casus").click()
    score_exercise(page, [2, 3, 3], "Selecteur 2")
    expect(page.get_by_text("Selecteur 1:")).to_have_count(0)
    page.get_by_role("link", name="Terug naar mijn kandidaten").click()
    page.get_by_role("link", name="Naar de kalibratie").click()
    expect(page.get_by_role("link", name="K-001")).to_have_count(0)
    k001 = Candidate.objects.get(code="K-001", procedure__name="Vergunningverlener 2026")
    response = page.goto(reverse("selectie:calibration-candidate", args=[k001.procedure_id, k001.pk]))
    assert response.status == 403  # not before handing in
    page.goto("/selectie/")
    page.get_by_role("link", name="Vergunningverlener 2026").click()
    page.get_by_role("link", name="Scores voor K-001 indienen").click()
    page.get_by_role("button", name="Definitief indienen").click()
    page.get_by_role("link", name="Naar kalibratie").click()
    expect(page.get_by_text("Selecteur 1: gedrag bij competentie 1").first).to_be_visible()
    page.set_viewport_size({"width": 1024, "height": 768})
    log_out(page)

    # --- HR calibrates, agrees a consensus and decides ------------------------------------------
    log_in(page, "hr")
    page.goto("/selectie/")
    page.get_by_role("link", name="Vergunningverlener 2026").click()
    page.get_by_role("link", name="Kalibratie").click()
    expect(page.get_by_text("⚠ verschil 2")).to_be_visible()
    screenshot("selectie-05-calibration")
    page.get_by_role("link", name="K-001").click()
    consensus = [
        ("Omgevingsbewust", "3 – Voldoende"),
        ("Verbinden", "3 – Voldoende"),
        ("Integraal (samen)werken", "3 – Voldoende"),
        ("Verantwoordelijkheid", "3 – Voldoende"),
        ("Oordeelsvorming", "3 – Voldoende"),
    ]  # a decision needs a consensus on every competency of the profile
    for section, value in consensus:
        card = page.get_by_role("region", name=re.compile(rf"^{re.escape(section)}"))
        card.get_by_label("Consensusscore").select_option(label=value)
        card.get_by_label("Onderbouwing").fill(f"Consensus {section}: na bespreking van het bewijs.")
        card.get_by_role("button", name="Consensus vastleggen").click()
        expect(page.get_by_text(f"Consensus voor “{section}” vastgelegd.")).to_be_visible()
    screenshot("selectie-06-consensus")
    page.get_by_role("link", name="Besluit vastleggen").click()
    page.get_by_label("Door naar de volgende ronde").check()
    page.get_by_label("Onderbouwing").fill("Goede indruk.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Onderbouw het besluit met minstens één competentie")).to_be_visible()
    page.get_by_label("Onderbouwing").fill("Sterk in oordeelsvorming; omgevingsbewust voldoende.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Het besluit over K-001 is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("link", name="Door naar de volgende ronde")).to_be_visible()
    screenshot("selectie-07-results")

    pdf_url = page.get_by_role("link", name="pdf K-001").get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.headers["content-type"] == "application/pdf"
    (ARTIFACTS / "selectie-08-candidate.pdf").write_bytes(response.body())
    pdftotext = subprocess.run(["pdftotext", "-", "-"], input=response.body(), capture_output=True, check=True)
    text = pdftotext.stdout.decode()
    text = " ".join(text.split())  # table cells wrap over lines
    assert re.search(r"Omgevingsbewust .*?Uw score: 3 Voldoende", text)
    assert re.search(r"Oordeelsvorming .*?Uw score: 3 Voldoende", text)
    assert "K-001" in text and "Consensus Omgevingsbewust: na bespreking van het bewijs." in text
    assert "Door naar de volgende ronde" in text
    assert "K-002" not in text and "K-003" not in text and "Anna de Vries" not in text

    page.get_by_role("link", name="Inzicht in selecteurs").click()
    expect(page.get_by_role("heading", name="Overeenstemming tussen de scores")).to_be_visible()
    screenshot("selectie-09-insight")
    page.get_by_role("link", name="Kandidaten", exact=True).click()
    page.get_by_role("link", name="K-001").click()
    expect(page.get_by_label("Naam")).to_have_value("Anna de Vries")
    screenshot("selectie-10-candidate-detail")
