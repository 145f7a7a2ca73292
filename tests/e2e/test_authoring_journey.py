"""An HR author builds a framework the way the Rotterdam guide describes it, and hands out a PDF profile."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from frameworks.models import Framework

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def pick(page, query: str, name: str):
    search = page.get_by_label("Zoek een competentie")
    search.fill(query)
    button = page.get_by_role("button", name=re.compile(rf"^Kiezen\s*:\s*{name} \(PiCompany"))
    expect(button).to_be_visible()  # arrived through htmx, without a page reload
    button.click()
    expect(page.get_by_role("status").filter(has_text=f"“{name}” overgenomen")).to_be_visible()


def test_author_builds_a_framework_and_exports_a_profile_pdf(page, screenshot, users, seeded, tmp_path):
    log_in(page, "hr")
    page.goto("/frameworks/")
    page.get_by_role("link", name="Nieuw framework").click()
    page.get_by_label("Naam").fill("Traineeship Aadorp")
    page.get_by_role("textbox", name="Doel", exact=True).fill("Gelijke kansen bij werving en selectie van trainees.")
    page.get_by_label("Doelgroep").fill("Recruiters en selecteurs van het traineeship.")
    page.get_by_role("button", name="Framework aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Traineeship Aadorp")
    expect(page.get_by_text("Stap 1: Definieer het doel en de doelgroep", exact=True)).to_be_visible()

    # Stap 1 afvinken, inline (htmx).
    page.get_by_label("Resultaat van stap 1").fill("Doel en doelgroep vastgelegd met HR en management.")
    page.get_by_label("Stap 1 afgerond").check()
    page.get_by_role("button", name="Opslaan (Stap 1: Definieer het doel en de doelgroep)").click()
    expect(page.locator("#stap-1").get_by_role("status")).to_have_text("Opgeslagen.")
    expect(page.locator("#stap-1").get_by_text("afgerond", exact=True)).to_be_visible()
    expect(page.locator("#stappenplan-voortgang")).to_contain_text("1 van 7 stappen afgerond")
    screenshot("authoring-01-framework")

    # Twee competenties uit het woordenboek.
    page.get_by_role("link", name="Kiezen uit woordenboek").click()
    pick(page, "integriteit", "Integriteit")
    pick(page, "stress", "Stressbestendigheid")
    screenshot("authoring-02-picker")

    # Eén nieuwe competentie volgens de template, met indicatoren op twee niveaus.
    page.get_by_role("link", name="Terug naar het framework").click()
    page.get_by_role("link", name="Nieuwe competentie").click()
    expect(page.get_by_label("Definitie")).to_have_attribute(
        "placeholder", "Als je [competentie] bent/hebt/bezit, dan ben/kan/werk je …"
    )
    page.get_by_label("Naam").fill("Ontwikkelingsgericht vermogen")
    page.get_by_label("Definitie").fill(
        "Als je een ontwikkelingsgericht vermogen hebt, heb je inzicht in je eigen talenten en ontwikkelpunten."
    )
    page.get_by_label("Soort").select_option(label="Attitude")
    page.get_by_role("button", name="Competentie toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontwikkelingsgericht vermogen bewerken")

    beginner = page.get_by_label("Nieuwe gedragsindicator op niveau beginner")
    beginner.fill("Is zich bewust van zijn sterke punten en is niet bang voor feedback.")
    hints = page.locator(".indicator-hints").first
    expect(hints).to_contain_text("Beschrijf gedrag dat u kunt zien of horen")
    screenshot("authoring-03-hint")
    beginner.fill("Vraagt geregeld feedback ten behoeve van persoonlijke ontwikkeling.")
    page.get_by_role("button", name="Toevoegen (Nieuwe gedragsindicator op niveau beginner)").click()
    expect(page.get_by_text("Vraagt geregeld feedback ten behoeve van persoonlijke ontwikkeling.")).to_be_visible()
    page.get_by_label("Nieuwe gedragsindicator op niveau gevorderd").fill(
        "Meldt zich aan voor projecten en activiteiten om van te leren."
    )
    page.get_by_role("button", name="Toevoegen (Nieuwe gedragsindicator op niveau gevorderd)").click()
    expect(page.get_by_text("Meldt zich aan voor projecten en activiteiten om van te leren.")).to_be_visible()
    # Inline edit of the first indicator, without leaving the page.
    page.get_by_role("link", name=re.compile(r"^Bewerken\s*:\s*Vraagt geregeld feedback")).click()
    editor = page.locator("li form textarea").first
    expect(editor).to_be_focused()
    editor.fill("Vraagt geregeld feedback voor de eigen persoonlijke ontwikkeling.")
    page.locator("li form").get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Vraagt geregeld feedback voor de eigen persoonlijke ontwikkeling.")).to_be_visible()
    screenshot("authoring-04-indicators")

    # Een profiel samenstellen.
    page.get_by_role("link", name="Traineeship Aadorp").click()
    page.get_by_role("link", name="Nieuw profiel").click()
    page.get_by_label("Naam").fill("Trainee beleid")
    page.get_by_role("button", name="Profiel aanmaken").click()
    for name, level in [("Ontwikkelingsgericht vermogen", "gevorderd"), ("Integriteit", "expert")]:
        page.locator("#id_add-competency").select_option(label=name)
        page.locator("#id_add-required_level").select_option(label=level)
        page.get_by_role("button", name="Aan profiel toevoegen").click()
        expect(page.get_by_role("heading", name=re.compile(rf"\d\. {name}"))).to_be_visible()
    expect(page.get_by_text("De handleiding adviseert er zes tot acht")).to_be_visible()
    screenshot("authoring-05-profile")

    # Publiceren.
    page.get_by_role("link", name="Traineeship Aadorp").click()
    page.get_by_role("link", name="Publiceren").click()
    page.get_by_role("button", name="Vaststellen en publiceren").click()
    expect(page.get_by_text("Versie 1 is vastgesteld op")).to_be_visible()
    expect(page.get_by_role("button", name="Nieuwe versie maken")).to_be_visible()
    screenshot("authoring-06-published")

    # PDF van het profiel.
    framework = Framework.objects.get(name="Traineeship Aadorp")
    assert framework.is_frozen
    profile = framework.profiles.get(name="Trainee beleid")
    page.get_by_role("link", name="Trainee beleid").click()
    pdf_link = page.get_by_role("link", name="PDF", exact=True)
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    path = tmp_path / "profiel.pdf"
    path.write_bytes(response.body())
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert profile.name in text and "Gemeente Aadorp" in text and "pagina 1 van" in text
    for expected in [
        "Ontwikkelingsgericht vermogen",
        "Integriteit",
        "vereist niveau: gevorderd",
        "Vraagt geregeld feedback voor de eigen persoonlijke ontwikkeling.",
        "Meldt zich aan voor projecten en activiteiten om van te leren.",
    ]:
        assert expected in text, expected
    # The print-friendly HTML view shows the same content, on a tablet too.
    page.set_viewport_size({"width": 768, "height": 1024})
    page.get_by_role("link", name="Afdrukken", exact=True).click()
    expect(page.get_by_text("Meldt zich aan voor projecten en activiteiten om van te leren.")).to_be_visible()
    screenshot("authoring-09-print")
    integrity = framework.competencies.get(name="Integriteit")
    first_indicator = integrity.indicators.order_by("order", "pk").first()
    if first_indicator is not None:
        assert " ".join(first_indicator.text.split())[:40] in text


def test_author_starts_from_a_library_and_a_reviewer_comments(page, screenshot, users, seeded):
    """Gebruik als vertrekpunt, review (stap 4: valideer), en de versiegeschiedenis."""
    log_in(page, "hr")
    page.goto("/frameworks/")
    page.get_by_role("link", name="VTH competentieprofielen").click()
    page.get_by_role("link", name="Gebruik als vertrekpunt").click()
    page.get_by_label("Naam van het nieuwe framework").fill("VTH Aadorp")
    page.get_by_role("button", name="Eigen concept maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("VTH Aadorp")
    expect(page.get_by_role("link", name="1. Casemanager")).to_be_visible()
    derived = Framework.objects.get(name="VTH Aadorp")
    assert derived.based_on.name == "VTH competentieprofielen"

    page.get_by_role("link", name="1. Casemanager").click()
    page.get_by_role("link", name="Gegevens bewerken").click()
    expect(page.get_by_label("Deskundigheidsgebieden")).not_to_be_empty()
    screenshot("authoring-11-profile-form")
    page.get_by_role("link", name="VTH Aadorp").click()
    page.get_by_role("link", name="Niveaus", exact=True).click()
    expect(page.get_by_role("heading", name="Beheersingsniveaus", level=1)).to_be_visible()
    page.locator("#id_new-name").fill("meester")
    page.get_by_role("button", name="Niveau toevoegen").click()
    expect(page.get_by_role("status").filter(has_text="Niveau toegevoegd.")).to_be_visible()
    screenshot("authoring-10-levels")
    page.get_by_role("link", name="VTH Aadorp").click()

    page.get_by_role("link", name=re.compile("^Meelezen")).click()
    page.get_by_label("Collega").select_option(label="selecteur")
    page.get_by_role("button", name="Uitnodigen als reviewer").click()
    expect(page.get_by_text("is uitgenodigd")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "selecteur")
    page.goto(f"/frameworks/{derived.pk}/review/")
    competency = derived.competencies.order_by("order", "name").first()
    page.get_by_label("Opmerking over").select_option(value=f"c-{competency.pk}")
    page.locator("#id_text").fill("Kunnen we hier een voorbeeld bij geven?")
    page.get_by_role("button", name="Opmerking plaatsen").click()
    expect(page.get_by_role("heading", name="1 open opmerking")).to_be_visible()
    screenshot("authoring-07-review")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "hr")
    page.goto(f"/frameworks/{derived.pk}/")
    expect(page.get_by_text("Kunnen we hier een voorbeeld bij geven?", exact=True)).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Afhandelen\s*:\s*Kunnen we hier")).click()
    expect(page.get_by_role("status").filter(has_text="Opmerking afgehandeld.")).to_be_visible()
    page.goto(f"/frameworks/{derived.pk}/versies/")
    expect(page.get_by_text("Aangemaakt met VTH competentieprofielen (versie 1) als vertrekpunt.")).to_be_visible()
    expect(page.get_by_text("Opmerking van een meelezer afgehandeld")).to_be_visible()
    screenshot("authoring-08-history")
