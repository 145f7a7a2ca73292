import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_newcomer_logs_in_and_browses_the_three_libraries(page, screenshot, users, seeded):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=/$"))
    screenshot("01-login")

    log_in(page, "hr", password="verkeerd")  # a form with errors goes through the quality gates too
    expect(page.get_by_text("Voer een juiste gebruikersnaam en wachtwoord in")).to_be_visible()
    screenshot("01b-login-error")

    log_in(page, "hr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    screenshot("02-home")

    page.get_by_role("link", name="Frameworks", exact=True).click()
    expect(page.get_by_role("heading", name="Competentieframeworks", level=1)).to_be_visible()
    for library in ["PiCompany competentiewoordenboek", "VTH competentieprofielen"]:
        expect(page.get_by_role("link", name=library)).to_be_visible()
    screenshot("03-framework-list")

    page.get_by_role("link", name="VTH competentieprofielen").click()
    page.get_by_role("link", name="1. Casemanager").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1. Casemanager")
    expect(page.get_by_text("Wederzijds begrip creëren.")).to_be_visible()
    screenshot("04-vth-casemanager")

    page.goto("/frameworks/")
    page.get_by_role("link", name=re.compile("^Divosa")).click()
    page.get_by_role("link", name=re.compile(r"Werk$")).first.click()
    expect(page.get_by_role("heading", level=2, name=re.compile("Hoofdtaak 1"))).to_be_visible()
    expect(page.get_by_text("Kenmerk: contact/interactie met klant").first).to_be_visible()
    screenshot("05-divosa-werk")

    page.get_by_role("link", name="Competentiewoordenboek").click()
    page.get_by_label("Zoekterm").fill("integriteit")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Integriteit")).to_be_visible()
    screenshot("06-dictionary")

    page.get_by_role("link", name="Integriteit").click()
    expect(page.get_by_text("moeilijk aan te leren — selecteer hierop")).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/inloggen/"))


def test_tablet_width_collapses_the_menu(page, users, seeded):
    page.set_viewport_size({"width": 768, "height": 1024})
    log_in(page, "selecteur")
    toggle = page.get_by_role("button", name="Menu tonen")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.get_by_role("link", name="Frameworks", exact=True)).to_be_visible()


def test_the_matrix_and_the_case_import_pages_pass_the_quality_gates(page, users, seeded):
    from frameworks.models import Framework

    log_in(page, "hr")
    divosa = Framework.objects.get(name__startswith="Divosa")
    page.goto(f"/frameworks/{divosa.pk}/")
    page.get_by_role("link", name="Matrix profielen × competenties").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Matrix profielen × competenties")
    expect(page.get_by_role("table")).to_be_visible()
    page.goto("/frameworks/importeren/")
    expect(page.get_by_label("CASE-pakket (1EdTech CASE 1.1, JSON)")).to_be_visible()


def test_the_progress_page_of_a_background_pdf_passes_the_quality_gates(page, users, org_a, settings, task_queue):
    from ..factories import make_framework

    settings.BACKGROUND_PDF_INDICATORS = 1
    framework = make_framework(org_a, name="Groot concept")
    log_in(page, "hr")
    page.goto(f"/frameworks/{framework.pk}/pdf/")
    expect(page.get_by_role("heading", level=1)).to_have_text("PDF van “Groot concept”")
    expect(page.get_by_text("De PDF staat in de wachtrij.")).to_be_visible()
