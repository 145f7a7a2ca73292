"""The whole assessment year in a browser: HR opens a cycle; the employee self-assesses (autosave) and
hands in; the manager assesses and hands in, then records the agreed levels; the employee marks
"akkoord"; the POP gets a goal; the team overview shows the agreed levels; both PDFs download."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from competentie.organisations.models import Membership, Organisation
from frameworks.seeding import seed_libraries_load
from medewerkers.models import AssessmentCycle

from ..factories import make_user
from ..medewerkers.conftest import build_team
from ..medewerkers.test_team_overview_pdf import pdf_text
from .conftest import ARTIFACTS, log_in, wait_all_saved
from .test_ontwikkeling_in_use import log_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assess(page, competencies, level, evidence):
    for pc in competencies:
        page.locator(f"#value-{pc.pk}-{level}").check()
        wait_all_saved(page)
    page.locator(f"#evidence-{competencies[0].pk}").fill(evidence)
    wait_all_saved(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Beoordeling inleveren").click()
    expect(page.get_by_role("status").first).to_contain_text("Uw beoordeling is ingeleverd")


def test_a_cycle_from_opening_to_agreed_levels_a_pop_goal_and_both_pdfs(page):
    seed_libraries_load()
    organisation = Organisation.objects.create(name="Gemeente Aadorp")
    make_user("hr_aadorp", organisation=organisation, role=Membership.Role.HR)
    manager = make_user("chef_aadorp", organisation=organisation, role=Membership.Role.MANAGEMENT)
    team, _manager, (employee,) = build_team(organisation, size=1, manager=manager, name="Team Werk en Inkomen")
    competencies = list(employee.profile.profile_competencies.order_by("order", "pk"))
    screens = ARTIFACTS / "medewerkers-journey"
    screens.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()

    # HR opens the cycle for the team.
    log_in(page, "hr_aadorp")
    page.goto("/medewerkers/cycli/nieuw/")
    page.get_by_label("Team").select_option(label=team.name)
    page.get_by_label("Naam").fill("Beoordelingscyclus 2027")
    for label, days in (
        ("Periode van", -300),
        ("Periode tot en met", 60),
        ("Zelfbeoordeling uiterlijk op", 10),
        ("Beoordeling leidinggevende uiterlijk op", 20),
        ("Gesprek uiterlijk op", 30),
    ):
        page.get_by_label(label, exact=True).fill((today + timedelta(days=days)).isoformat())
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Cyclus openen").click()
    expect(page.get_by_role("status").first).to_contain_text("De beoordelingscyclus is geopend")
    cycle = AssessmentCycle.objects.get(name="Beoordelingscyclus 2027")
    log_out(page)

    # The employee finds the cycle under "Mijn werk", self-assesses (autosaved) and hands in.
    log_in(page, employee.user.username)
    expect(page.locator("[data-werk=medewerkers]")).to_contain_text("Beoordelingscyclus 2027")
    page.goto(f"/medewerkers/cycli/{cycle.pk}/beoordeling/{employee.pk}/")
    assess(page, competencies, 5, "Ik leidde het overleg met de ketenpartners")
    log_out(page)

    # The manager assesses and hands in; then sees both side by side and records the agreed levels.
    log_in(page, "chef_aadorp")
    page.goto(f"/medewerkers/cycli/{cycle.pk}/beoordeling/{employee.pk}/")
    assess(page, competencies, 3, "Liet in het overleg goed zien wat nodig was")
    for pc in competencies:
        page.locator(f"#agreed-{pc.pk}").select_option("3")
    page.get_by_label("Samenvatting").fill("Samen afgesproken: niveau 3, groei naar 4")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Afspraken opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Het gesprek is bijgewerkt")
    log_out(page)

    # The employee marks the conversation "akkoord": then it is frozen.
    log_in(page, employee.user.username)
    page.goto(f"/medewerkers/cycli/{cycle.pk}/gesprek/{employee.pk}/")
    page.get_by_label("Opmerking (niet verplicht)").fill("Ik herken mij hierin")
    page.get_by_label("Akkoord").check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Reactie opslaan").click()
    expect(page.get_by_text("Vastgezet (versie 1)")).to_be_visible()

    # The POP gets a goal.
    page.goto(f"/medewerkers/{employee.pk}/ontwikkelplan/")
    page.get_by_label("Competentie", exact=True).select_option(str(competencies[0].competency_id))
    page.get_by_label("Ontwikkeldoel").fill("Zelfstandig een ketenoverleg voorzitten")
    page.locator("#approach-coaching").check()
    page.get_by_label("Deadline").fill((today + timedelta(days=120)).isoformat())
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Het ontwikkeldoel is opgeslagen")
    expect(page.get_by_text("Zelfstandig een ketenoverleg voorzitten")).to_be_visible()
    page.screenshot(path=screens / "pop.png", full_page=True)
    log_out(page)

    # The manager's team overview shows the agreed levels; both PDFs download.
    log_in(page, "chef_aadorp")
    page.goto(f"/medewerkers/cycli/{cycle.pk}/team/")
    section = page.locator("section").filter(has_text=employee.name)
    expect(section.locator("tbody tr")).to_have_count(len(competencies))
    expect(section.locator("tbody tr").first).to_contain_text("3")
    expect(section).to_contain_text("onder het vereiste niveau")
    page.screenshot(path=screens / "team-overview.png", full_page=True)
    expected = {
        f"/medewerkers/cycli/{cycle.pk}/team.pdf": "3/4",  # agreed / required, per person
        f"/medewerkers/360/cycli/{cycle.pk}/medewerkers/{employee.pk}/verslag.pdf": "Coaching",  # the POP goal's learning approach
    }
    for url, words in expected.items():
        response = page.request.get(url)
        assert response.status == 200, url
        assert response.headers["content-type"] == "application/pdf", url
        text = "".join(pdf_text(response.body()).split())
        assert employee.name.replace(" ", "") in text and words in text, url
