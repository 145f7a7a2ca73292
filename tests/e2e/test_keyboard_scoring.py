"""A selecteur scores a competency with the keyboard alone: Tab to move, Space to tick,
arrow keys to choose a score, typing for the evidence; every change is saved."""

import pytest
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from frameworks.models import Profile
from selectie.models import Score

from ..factories import make_user
from ..selectie.conftest import build_day
from .conftest import log_in, wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def tab_until(page, selector: str, limit: int = 80):
    """Press Tab until the element matching the selector has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_scoring_screen_works_with_the_keyboard_alone(page, users, org_a, seeded, screenshot):
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    colleague = make_user("selecteur_twee", organisation=org_a, role=Membership.Role.SELECTEUR)
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"], colleague])
    assignment = day.procedure.assignments.filter(selecteur=users["selecteur"]).select_related("exercise").first()
    competency = assignment.exercise.competencies.order_by("pk").first()

    log_in(page, "selecteur")
    page.goto(f"/selectie/{day.procedure.pk}/beoordelen/{assignment.pk}/")
    block = f'fieldset[data-competency="{competency.pk}"]'
    expect(page.locator(block)).to_be_visible()

    tab_until(page, f"{block} input[type=checkbox]")
    page.keyboard.press("Space")
    expect(page.locator(f"{block} input[type=checkbox]").first).to_be_checked()

    tab_until(page, f"{block} textarea")
    page.keyboard.type("Vat de vraag van de aanvrager samen en vraagt door naar de planning.")

    tab_until(page, f"{block} input[type=radio]")
    page.keyboard.press("Space")  # the first point; arrows move through the others
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"{block} input[type=radio]:checked")).to_have_value("3")
    # Wait for the server to confirm every change (the last one too), not for a fixed time: an
    # earlier version waited for any "Opgeslagen" and reloaded while the final score was in flight.
    wait_all_saved(page)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Alles is opgeslagen")
    screenshot("keyboard-scoring")

    page.reload()
    expect(page.locator(f"{block} input[type=radio]:checked")).to_have_value("3")
    score = Score.objects.get(assignment=assignment, competency=competency)
    assert score.value == 3
    assert score.evidence.startswith("Vat de vraag van de aanvrager samen")
    assert score.observed_indicators.count() == 1
