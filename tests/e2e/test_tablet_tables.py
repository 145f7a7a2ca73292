"""The calibration and results tables on a selection day's tablet: every competency column in view.

Selecteurs and the chair use tablets in landscape (1024 px). A realistic procedure on Divosa's
profile "Management" assesses eleven competencies with long names (Organisatiesensitiviteit,
Overtuigingskracht, Besluitvaardigheid); three selecteurs with full Dutch names have scored four
candidates, with a disagreement and a consensus. At 1024 px neither page nor table scrolls sideways
(no column is hidden behind a scroll); at 320 px the page still reflows (WCAG 1.4.10: the table may
then scroll inside its own box, the page may not). Screenshots of both widths go to
test-artifacts/tablet-tables/. The `page` fixture puts every page through axe and the HTML checker.
"""

import pytest
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from frameworks.models import Profile
from selectie import services
from selectie.models import SelectionProcedure

from ..factories import make_user
from ..selectie.conftest import build_day, score_all
from .conftest import ARTIFACTS, log_in
from .quality import sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 320, "height": 640}
SELECTEURS = [
    ("annemarie", "Annemarie", "van der Heijden-Bakker"),
    ("mohammed", "Mohammed", "El Amrani"),
    ("gerrit", "Gerrit-Jan", "Oosterhuis"),
]

# Every competency column of the table inside the visible part of its box (and of the window).
HIDDEN_COLUMNS = """(selector) => {
    const table = document.querySelector(selector);
    const box = table.closest(".table-responsive") || table.parentElement;
    const edge = Math.min(box.getBoundingClientRect().right, document.documentElement.clientWidth) + 1;
    const hidden = [...table.querySelectorAll("thead th")]
        .filter((th) => th.getBoundingClientRect().right > edge)
        .map((th) => th.textContent.trim());
    return {hidden, scrolls: box.scrollWidth > box.clientWidth + 1, count: table.querySelectorAll("thead th").length};
}"""


@pytest.fixture
def management_day(users, org_a, seeded):
    profile = Profile.objects.get(name="Management", framework__name__startswith="Divosa")
    people = [
        make_user(username, organisation=org_a, role=Membership.Role.SELECTEUR, first_name=first, last_name=last)
        for username, first, last in SELECTEURS
    ]
    day = build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=profile,
        assessors=people,
        candidates=4,
        assigned=4,
        name="Teamleider Werk en Inkomen 2026",
    )
    assert len(day.competencies) >= 8
    first, second = day.competencies[0], day.competencies[1]
    for candidate in day.candidates:
        for n, selecteur in enumerate(people):
            score_all(day, selecteur, candidate, value=3, values={first.name: 1 + 2 * n}, submit=True)
    for status in (SelectionProcedure.Status.SCORING, SelectionProcedure.Status.CALIBRATION):
        services.procedure_transition(procedure=day.procedure, user=users["hr"], status=status)
    services.consensus_set(
        candidate=day.candidates[0], competency=second, user=users["hr"], value=3, rationale="Alle drie zagen 3."
    )
    return day


def check_table(page, url, table, name):
    page.set_viewport_size(TABLET)
    page.goto(url)
    expect(page.locator(table)).to_be_visible()
    ARTIFACTS.joinpath("tablet-tables").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "tablet-tables" / f"{name}-1024.png", full_page=True)
    problems = []
    if wide := sideways_scroll(page):
        problems.append(f"{name}: the page scrolls sideways at 1024 px, {wide}")
    columns = page.evaluate(HIDDEN_COLUMNS, table)
    if columns["hidden"] or columns["scrolls"]:
        problems.append(f"{name}: at 1024 px the table scrolls and hides {columns['hidden']}")
    page.set_viewport_size(PHONE)
    page.screenshot(path=ARTIFACTS / "tablet-tables" / f"{name}-320.png", full_page=True)
    if wide := sideways_scroll(page):
        problems.append(f"{name}: the page scrolls sideways at 320 px, {wide}")
    page.set_viewport_size(TABLET)
    return problems, columns["count"]


def test_calibration_and_results_show_every_competency_on_a_landscape_tablet_and_reflow_at_320(page, management_day):
    procedure = management_day.procedure
    log_in(page, "hr")
    competencies = len(management_day.competencies)
    calibration, calibration_columns = check_table(
        page, f"/selectie/{procedure.pk}/kalibratie/", "main table", "kalibratie"
    )
    results, results_columns = check_table(page, f"/selectie/{procedure.pk}/resultaten/", "main table", "resultaten")
    assert (calibration_columns, results_columns) == (2 + competencies, 5 + competencies)
    assert not calibration + results, "\n".join(calibration + results)
