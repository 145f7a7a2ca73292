"""The MT meeting mode in a browser: one profile per screen, the spread as a chart, the
justifications side by side, the agreed score recorded in place; every page through axe and vnu."""

import re

import pytest
from playwright.sync_api import expect

from frameworks.models import Framework
from zelfevaluatie import services
from zelfevaluatie.models import ProfileConclusion

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_team_walks_through_the_profiles_in_meeting_mode(page, screenshot, users, seeded, org_a):
    vth = Framework.objects.libraries().get(name="VTH competentieprofielen")
    round = services.round_create(
        organisation=org_a, framework=vth, period="2025–2026", user=users["mt"], participants=[users["selecteur"]]
    )
    profiles = [rp.profile for rp in round.round_profiles.select_related("profile")]
    first, second = profiles[0], profiles[1]
    for user, score, text in [(users["mt"], 2, "Te weinig capaciteit."), (users["selecteur"], 4, "Sterke dossiers.")]:
        participant = round.participants.get(user=user)
        services.rating_save(participant=participant, profile=first, score=score, justification=text)
        services.rating_submit(participant=participant, profile=first)
    # For the second profile only the colleague handed in: MT still sees nothing of it.
    colleague = round.participants.get(user=users["selecteur"])
    services.rating_save(participant=colleague, profile=second, score=5, justification="Nog-geheim-oordeel.")
    services.rating_submit(participant=colleague, profile=second)

    log_in(page, "mt")
    page.goto(f"/zelfevaluatie/{round.pk}/team/")
    page.get_by_role("link", name="Vergadermodus: één profiel per scherm").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(first.name)
    expect(page.get_by_text("Profiel 1 van 5")).to_be_visible()
    expect(page.locator("svg.spread-chart")).to_be_visible()
    expect(page.get_by_role("article", name="mt")).to_contain_text("Te weinig capaciteit.")
    expect(page.get_by_role("article", name="selecteur")).to_contain_text("Sterke dossiers.")
    screenshot("zelfevaluatie-vergadering-1")

    page.get_by_label(re.compile(r"^\s*3 – ")).check()
    page.get_by_label("Onderbouwing").fill("Samen besproken: capaciteit is het knelpunt, kwaliteit is goed.")
    page.get_by_role("button", name=re.compile("Afgesproken score vastleggen")).click()
    expect(
        page.get_by_role("status").filter(has_text=f"De afgesproken score voor {first.name} is vastgelegd.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(first.name)  # recorded in place
    conclusion = ProfileConclusion.objects.get(round=round, profile=first)
    assert conclusion.agreed_score == 3 and conclusion.recorded_by == users["mt"]

    page.get_by_role("link", name=re.compile("Volgend profiel")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(second.name)
    expect(page.get_by_text("zodra u uw eigen score hebt ingeleverd")).to_be_visible()
    expect(page.get_by_text("Nog-geheim-oordeel.")).to_have_count(0)
    screenshot("zelfevaluatie-vergadering-2")

    # A failed recording keeps the meeting screen (no score chosen).
    page.get_by_label("Onderbouwing").fill("Zonder score.")
    page.get_by_role("button", name=re.compile("Afgesproken score vastleggen")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(second.name)
    expect(page.get_by_label("Onderbouwing")).to_have_value("Zonder score.")
