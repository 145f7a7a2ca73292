"""The development programme end to end: HR designs, participants measure, the coach sees growth,
HR sees cohort results only from five participants."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from competentie.organisations.models import Membership, Organisation
from ontwikkeling.guide import guide_texts_load
from ontwikkeling.models import Measurement, Participant, PrincipleNote, Programme

from ..factories import make_framework, make_user
from ..ontwikkeling.conftest import fill_in
from .conftest import answer_questionnaire, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/inloggen/"))


@pytest.fixture
def people():
    # A transactional test before this one may have flushed the guide texts its migration loaded.
    guide_texts_load()
    organisation = Organisation.objects.create(name="Gemeente Aadorp")
    framework = make_framework(organisation, name="Framework Aadorp", competencies=3)
    framework.published_at = timezone.now()
    framework.status = "vastgesteld"
    framework.save()
    hr = make_user("hr_aadorp", organisation=organisation, role=Membership.Role.HR)
    coach = make_user("coach_aadorp", organisation=organisation, role=Membership.Role.BEGELEIDER)
    participants = [
        make_user(f"trainee{n}", organisation=organisation, role=Membership.Role.DEELNEMER) for n in range(1, 6)
    ]
    return {"hr": hr, "coach": coach, "participants": participants}


def save_and_next(page, number):
    page.get_by_role("button", name="Opslaan en naar de volgende stap").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Stap {number}")


def test_hr_designs_participants_measure_the_coach_sees_growth_hr_sees_cohort_results(page, people):
    # HR designs a programme on a published framework through the six steps.
    log_in(page, "hr_aadorp")
    page.get_by_role("link", name="Ontwikkeling").click()
    page.get_by_role("link", name="Nieuw programma").click()
    page.get_by_label("Naam van het programma").fill("Traineeship Aadorp")
    page.get_by_label("Competentieframework").select_option(label="Framework Aadorp (v1)")
    page.get_by_role("button", name="Programma aanmaken").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Stap 1: Definieer het doel en de randvoorwaarden")
    page.get_by_label("Waarom ontwikkelen we dit programma?").fill("Ambtenaren van de toekomst opleiden")
    page.get_by_label("Wat moet het opleveren voor de organisatie en de deelnemers?").fill("Wendbare collega's")
    page.get_by_label("Waar draagt het programma aan bij?").fill("Een sterke publieke sector")
    page.locator("[name=randvoorwaarden-0-text]").fill("Samenhang tussen interventies")
    save_and_next(page, 2)

    page.get_by_label("Sterke punten").fill("Betrokken begeleiders")
    page.get_by_label("Uitdagingen").fill("Geen rode draad")
    page.get_by_label("Ontwikkelkansen").fill("Meer van en met elkaar leren")
    save_and_next(page, 3)

    expect(page.get_by_text("Wie bepaalt het succes van het programma?")).to_be_visible()
    page.locator("[name=belanghebbenden-0-who]").fill("Directie")
    page.locator("[name=belanghebbenden-0-role]").fill("Opdrachtgever")
    page.locator("[name=belanghebbenden-0-relation]").select_option("invloed")
    page.locator("[name=designsessies-0-topic]").fill("Leervormen")
    page.locator("[name=designsessies-0-outcome]").fill("Meer intervisie")
    page.locator("[name=communicatie-0-audience]").fill("Teamleiders")
    page.locator("[name=communicatie-0-message]").fill("Opzet van het programma gedeeld")
    save_and_next(page, 4)

    page.get_by_label("Verhaallijn (storyline)").fill("Tijdreis door Aadorp")
    page.locator("[name=subthemas-0-name]").fill("Authentiek blijven")
    page.locator("[name=fasen-0-name]").fill("Halfjaar 1")
    page.locator("[name=fasen-0-theme]").fill("Verleden")
    page.locator("[name=fasen-0-competencies]").first.check()
    page.locator("[name=leerlijnen-0-level]").select_option("ik_ander")
    page.locator("[name=leerlijnen-0-name]").fill("Ervaringsgerichte trainingen")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Stap 4 is opgeslagen")
    page.locator("[name=fasen-1-name]").fill("Halfjaar 2")
    page.locator("[name=fasen-1-theme]").fill("Heden")
    page.locator("[name=fasen-1-competencies]").nth(1).check()
    page.locator("[name=interventies-0-name]").fill("Training vooroordelen")
    page.locator("[name=interventies-0-kind]").fill("training")
    page.locator("[name=interventies-0-line]").select_option(label="Ervaringsgerichte trainingen")
    page.locator("[name=interventies-0-phase]").select_option(label="Halfjaar 1")
    page.locator("[name=interventies-0-kolb_stage]").select_option("concrete_ervaring")
    page.locator("[name=interventies-0-competencies]").first.check()
    page.locator("[name=interventies-0-trainer]").fill("Trainer uit de stad")
    page.locator("[name=interventies-0-learning_goals]").fill("Vooroordelen herkennen")
    save_and_next(page, 5)

    page.get_by_label("Implementatie en communicatie voor deelnemers").fill("Kick-off met het verhaal")
    page.get_by_label("Implementatie en communicatie voor belanghebbenden").fill("Onboarding voor leidinggevenden")
    save_and_next(page, 6)
    expect(page.get_by_text("Deelnemer: leereffect, gedrag, motivatie en houding")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Transfermotivatie")).to_be_visible()

    # The checklist of design principles, with the guide's text.
    page.get_by_role("link", name="Ontwerpprincipes").first.click()
    expect(page.get_by_text("Een leerprogramma moet ondersteund worden door een betekenisvol")).to_be_visible()
    page.locator("#met-7").check()
    page.locator("#how-7").fill("De tijdreis loopt door alle onderdelen")
    page.get_by_role("button", name="Ontwerpprincipes opslaan").click()

    # The programme at a glance.
    overview = page.locator("svg.programme-overview")
    expect(overview).to_be_visible()
    expect(overview).to_contain_text("Halfjaar 1")
    expect(overview).to_contain_text("Training vooroordelen")
    expect(overview).to_contain_text("Leercyclus van Kolb")
    programme = Programme.objects.get(name="Traineeship Aadorp")
    assert PrincipleNote.objects.get(programme=programme, principle__code="7").met
    assert programme.goal_why == "Ambtenaren van de toekomst opleiden"
    pdf = page.request.get(f"/ontwikkeling/{programme.pk}/overzicht.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    # HR invites a cohort of four, each with the coach.
    page.get_by_role("link", name="Nieuwe groep").click()
    page.get_by_label("Naam van de groep").fill("Lichting 2027")
    page.get_by_role("button", name="Groep aanmaken").click()
    for user in people["participants"][:4]:
        page.locator("[name=username]").select_option(user.username)
        page.locator("[name=coach_username]").select_option("coach_aadorp")
        page.get_by_role("button", name="Toevoegen aan de groep").click()
        expect(page.get_by_role("row", name=re.compile(user.username))).to_be_visible()
    log_out(page)

    # A participant fills in the voormeting and the nameting.
    log_in(page, "trainee1")
    page.get_by_role("link", name="Ontwikkeling").click()
    page.get_by_role("link", name="Mijn ontwikkeling in Traineeship Aadorp").click()
    page.get_by_role("link", name="Vragenlijst voormeting invullen").click()
    answer_questionnaire(page, "first")
    page.get_by_role("link", name="Vragenlijst aan het einde van het programma invullen").click()
    answer_questionnaire(page, "last")
    expect(page.locator("svg.growth-chart")).to_be_visible()
    # ... and writes a personal development plan on the programme's competencies.
    page.get_by_role("link", name="Ontwikkelplan bewerken").click()
    page.get_by_role("group", name="Competentie 0").get_by_label("Mijn ontwikkeldoel").fill("Beter luisteren")
    page.get_by_role("group", name="Competentie 0").get_by_label("Hoe ik dat aanpak").fill("Buddy-gesprekken")
    page.get_by_role("button", name="Ontwikkelplan opslaan").click()
    expect(page.get_by_role("row", name=re.compile("Competentie 0 Beter luisteren Buddy-gesprekken"))).to_be_visible()
    trainee = Participant.objects.get(user__username="trainee1")
    assert set(Measurement.objects.filter(participant=trainee).values_list("moment", flat=True)) == {
        "voormeting",
        "einde",
    }
    log_out(page)
    # The other three hand in too (arranged directly: the browser part is proven above).
    for participant in Participant.objects.exclude(user__username="trainee1"):
        fill_in(participant, "voormeting")
        fill_in(participant, "einde", value=4, level_index=1)

    # The coach sees the participant's growth.
    log_in(page, "coach_aadorp")
    page.get_by_role("link", name="Ontwikkeling").click()
    page.get_by_role("link", name="trainee1 in Traineeship Aadorp (u bent begeleider)").click()
    expect(page.locator("svg.growth-chart")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"Competentie 0 .* \+2"))).to_be_visible()
    log_out(page)

    # HR sees no results for the group of four ...
    log_in(page, "hr_aadorp")
    cohort = programme.cohorts.get()
    page.goto(f"/ontwikkeling/groepen/{cohort.pk}/resultaten/")
    expect(page.get_by_text("Er zijn nog geen resultaten te tonen")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Gemiddelde per niveau"))).to_have_count(0)
    page.get_by_role("link", name="Lichting 2027").click()
    expect(page.locator("body")).not_to_contain_text("Transfermotivatie")
    # ... and results once a fifth participant has handed in.
    page.locator("[name=username]").select_option("trainee5")
    page.get_by_role("button", name="Toevoegen aan de groep").click()
    fifth = Participant.objects.get(user__username="trainee5")
    fill_in(fifth, "voormeting")
    fill_in(fifth, "einde", value=5, level_index=2)
    page.get_by_role("link", name="Resultaten van de groep").click()
    expect(page.get_by_role("table", name=re.compile("Gemiddelde per niveau"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Verandering van voormeting"))).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("trainee1")
    report = page.request.get(f"/ontwikkeling/groepen/{cohort.pk}/rapport.pdf")
    assert report.ok and report.headers["content-type"] == "application/pdf"
