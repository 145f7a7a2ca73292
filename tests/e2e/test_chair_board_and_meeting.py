"""The chair's day in the browser: the live board refreshes itself, the calibration meeting goes
through one candidate × competency at a time, and a selecteur on a tablet sees the candidate code,
progress and links from the submit page to the place to fix. Screenshots at 1024×768."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from frameworks.models import Profile
from selectie import selectors, services
from selectie.models import Candidate, ConsensusScore, Score

from ..factories import make_user
from ..selectie.conftest import build_day, score_all
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENS = Path("/work/helpers/screens-12")


def shot(page, name: str):
    """What a 1024×768 tablet shows (the viewport, not the whole page)."""
    if SCREENS.parent.exists():
        SCREENS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENS / f"{name}.png")


@pytest.fixture
def day(users, seeded):
    organisation = users["hr"].memberships.first().organisation
    second = make_user("selecteur2", organisation=organisation, role=Membership.Role.SELECTEUR)
    profile = Profile.objects.get(
        name="Vergunningverlener", framework__name="VTH competentieprofielen", framework__organisation__isnull=True
    )
    day = build_day(hr=users["hr"], organisation=organisation, profile=profile, assessors=[users["selecteur"], second])
    first, other = day.candidates[:2]
    score_all(day, users["selecteur"], first, value=2, submit=True)
    score_all(day, second, first, value=4, values={"Verbinden": 2}, submit=True)
    indicators = selectors.indicators_for(
        profile_ids=day.competencies[0].profile_ids, competency_ids=[c.pk for c in day.competencies]
    )
    for n, score in enumerate(Score.objects.filter(assignment__candidate=first)):
        score.observed_indicators.add(*indicators[score.competency_id][n % 2 : n % 2 + 2])
    assignment = day.procedure.assignments.get(selecteur=users["selecteur"], candidate=other, exercise=day.interview)
    competency = day.interview.competencies.order_by("order").first()
    services.score_save(
        assignment=assignment, competency=competency, user=users["selecteur"], value=3, evidence="Zag het."
    )
    day.second = second
    return day


def test_the_board_refreshes_itself_and_the_meeting_records_consensus(page, day, users, monkeypatch):
    from selectie.views import chair

    monkeypatch.setattr(chair, "BOARD_REFRESH_SECONDS", 2)
    log_in(page, "hr")
    page.goto(f"/selectie/{day.procedure.pk}/")
    page.get_by_role("link", name="Bord van de dag").click()
    board = page.locator("#board")
    k001 = board.get_by_role("row", name=re.compile("^K-001"))
    k002 = board.get_by_role("row", name=re.compile("^K-002"))
    expect(k001).to_contain_text("✓ ingediend")
    expect(k001).to_contain_text("⚠ 4")  # four competencies 2 points apart, Verbinden agreed
    expect(k002).to_contain_text("1 van 3")
    expect(board).to_contain_text("schuif opzij")
    shot(page, "board")

    # A selecteur completes another score elsewhere: the board shows it without a reload.
    assignment = day.procedure.assignments.get(
        selecteur=users["selecteur"], candidate=day.candidates[1], exercise=day.interview
    )
    competency = day.interview.competencies.order_by("order")[1]
    services.score_save(assignment=assignment, competency=competency, user=users["selecteur"], value=3, evidence="Ook.")
    expect(k002).to_contain_text("2 van 3", timeout=8000)

    page.get_by_role("link", name="Kalibratieoverleg starten").click()
    expect(page.get_by_role("heading", name="K-001 – Omgevingsbewust")).to_be_visible()
    expect(page.get_by_text("Competentie 1 van 5")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Scores op de schaal"))).to_be_visible()
    expect(page.get_by_text("Vraagt door naar de belangen.").first).to_be_visible()
    expect(page.get_by_role("table", name="Welk gedrag elke selecteur zag")).to_be_visible()
    shot(page, "meeting")
    page.screenshot(path=SCREENS / "meeting-full.png", full_page=True) if SCREENS.exists() else None
    for position, name in enumerate(["Omgevingsbewust", "Verbinden", "Integraal (samen)werken"], start=1):
        expect(page.get_by_text(f"Competentie {position} van 5")).to_be_visible()
        page.get_by_label("Consensusscore").select_option(label="3 – Voldoende")
        page.get_by_label("Onderbouwing").fill(f"{name}: besproken, 3 past bij het bewijs.")
        page.get_by_role("button", name="Consensus vastleggen en verder").click()
        expect(page.get_by_text(f"Consensus voor “{name}” vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Competentie 4 van 5")).to_be_visible()
    k001_pk = Candidate.objects.get(code="K-001", procedure=day.procedure).pk
    assert ConsensusScore.objects.filter(candidate_id=k001_pk).count() == 3

    page.get_by_role("link", name="Terug naar het bord").click()
    expect(page.locator("#board").get_by_role("row", name=re.compile("^K-001"))).to_contain_text("3 van 5")


def test_a_selecteur_on_a_tablet_keeps_the_code_in_view_and_fixes_what_the_submit_page_lists(page, day, users):
    log_in(page, "selecteur")
    page.goto(f"/selectie/{day.procedure.pk}/")
    row = page.get_by_role("row", name=re.compile("K-002"))
    expect(row).to_contain_text("1 van 3 compleet")
    expect(row).to_contain_text("1 van 6 compleet")
    row.get_by_role("link", name="Interview").click()
    expect(page.get_by_role("heading", name="K-002 – Interview")).to_be_visible()
    page.mouse.wheel(0, 1500)
    expect(page.get_by_role("heading", name="K-002 – Interview")).to_be_in_viewport()
    expect(page.get_by_text("1 van 3 compleet")).to_be_in_viewport()
    page.get_by_role("group", name="Integraal (samen)werken").get_by_role("checkbox").first.check()
    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text("Alles is opgeslagen")
    expect(status).to_be_in_viewport()  # the save status rides along with the candidate code
    shot(page, "scoring-screen")

    page.goto(f"/selectie/{day.procedure.pk}/kandidaten/{day.candidates[1].pk}/indienen/")
    expect(page.get_by_text("U kunt nog niet indienen:")).to_be_visible()
    expect(page.get_by_text("1 van 6 compleet")).to_be_visible()
    shot(page, "submit-page")
    page.get_by_role("link", name=re.compile("Interview – Verbinden: er is nog geen score gekozen")).click()
    expect(page).to_have_url(re.compile(r"/beoordelen/\d+/#comp-\d+$"))
    expect(page.get_by_role("group", name="Verbinden")).to_be_in_viewport()
