"""HR copies the VTH library, sees the scale and question sets travel along, and edits them in the browser."""

import re

import pytest
from playwright.sync_api import expect

from frameworks.models import Framework, GuidingQuestionSet, RatingScale

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_hr_sets_the_scale_and_the_question_sets_of_an_own_vth_copy(page, screenshot, users, seeded, org_a):
    vth = Framework.objects.libraries().get(name="VTH competentieprofielen")
    log_in(page, "hr")
    page.goto(f"/frameworks/{vth.pk}/")
    page.get_by_role("link", name="Gebruik als vertrekpunt").click()
    page.get_by_role("button", name="Eigen concept maken").click()
    copy = Framework.objects.filter(organisation=org_a, based_on=vth).get()
    expect(page).to_have_url(re.compile(rf"/frameworks/{copy.pk}/"))

    page.get_by_role("link", name="Schaal en hulpvragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schaal en hulpvragen")
    expect(
        page.get_by_role("region", name="Beoordelingsschaal").get_by_text("VTH beoordelingsschaal (1–5)").first
    ).to_be_visible()
    page.get_by_label("Naam van punt 3").fill("voldoet")
    page.get_by_role("button", name="Schaalpunten opslaan").click()
    expect(page.get_by_role("status").filter(has_text="De schaalpunten zijn opgeslagen.")).to_be_visible()
    assert RatingScale.objects.get(framework=copy).points.get(value=3).label == "voldoet"

    page.get_by_text("Een andere schaal kiezen").click()
    page.get_by_label(re.compile("Beoordelingsschema Divosa")).check()
    page.get_by_role("button", name="Deze schaal gebruiken").click()
    expect(page.get_by_role("status").filter(has_text="De beoordelingsschaal is gekozen.")).to_be_visible()
    assert RatingScale.objects.get(framework=copy).points.count() == 6
    screenshot("framework-schaal-en-hulpvragen")

    page.locator("#id_set-name").fill("Eigen vragen voor het MT-gesprek")
    page.locator("#id_set-purpose").select_option(label="Conclusies en actieplan")
    page.get_by_role("button", name="Set toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eigen vragen voor het MT-gesprek")
    page.locator("#id_new-text").fill("Waar zijn we het meest trots op?")
    page.get_by_role("button", name="Vraag toevoegen").click()
    expect(page.get_by_role("status").filter(has_text="De vraag is toegevoegd.")).to_be_visible()
    question_set = GuidingQuestionSet.objects.get(framework=copy, name="Eigen vragen voor het MT-gesprek")
    assert question_set.purpose == "conclusions"
    assert question_set.questions.get().text == "Waar zijn we het meest trots op?"
