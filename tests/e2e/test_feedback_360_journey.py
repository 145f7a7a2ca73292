"""360° feedback in a browser: the employee invites three colleagues and one outside rater by e-mail
(delivered by a real SMTP server), they answer through their links, and the result appears only
aggregated: the colleagues (3) as median and spread, the single outside rater hidden with the reason."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from competentie.organisations.models import Membership, Organisation
from frameworks.seeding import seed_libraries_load
from medewerkers.models import Assessment

from ..factories import make_user
from ..feedback.conftest import build_team
from .conftest import ARTIFACTS, log_in
from .test_ontwikkeling_in_use import log_out, smtp, text_of  # noqa: F401 (smtp: the SMTP server fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def link_in(received, address) -> str:
    body = text_of(next(m for m in received if m["To"] == address))
    return re.search(r"https?://[^/\s]+(/medewerkers/360/\S+/)", body).group(1)


def answer(page, team, level):
    for pc in team.competencies:
        page.locator(f"#value-{pc.pk}-{level}").check()
    page.locator(f"#evidence-{team.competencies[0].pk}").fill(f"Helder advies, niveau {level}")
    page.get_by_role("button", name="Feedback inleveren").click()
    expect(page.get_by_role("status")).to_contain_text("Uw feedback is ingeleverd")


def test_employee_invites_three_colleagues_and_one_outside_rater_and_sees_only_the_aggregate(page, smtp):  # noqa: F811
    seed_libraries_load()
    organisation = Organisation.objects.create(name="Gemeente Aadorp")
    hr = make_user("hr_aadorp", organisation=organisation, role=Membership.Role.HR)
    team = build_team(organisation, hr, colleagues=3)
    screens = ARTIFACTS / "feedback-360"
    screens.mkdir(parents=True, exist_ok=True)

    log_in(page, team.employee.user.username)
    page.goto(f"/medewerkers/360/cycli/{team.cycle.pk}/medewerkers/{team.employee.pk}/")
    for colleague in team.colleagues:
        form = page.locator("form[data-invite=colleague]")
        form.get_by_label("Gebruikersnaam van de collega").fill(colleague.username)
        form.get_by_role("button", name="Collega uitnodigen").click()
        expect(page.get_by_role("status").first).to_contain_text("De uitnodiging is verstuurd")
    form = page.locator("form[data-invite=outside]")
    form.get_by_label("Naam").fill("Karin Ketenpartner")
    form.get_by_label("E-mailadres").fill("karin@provincie.nl")
    form.get_by_role("button", name="Per e-mail uitnodigen").click()
    expect(page.get_by_role("status").first).to_contain_text("De uitnodiging is verstuurd")
    log_out(page)

    # Four e-mails went out through SMTP.
    expect_to = sorted([c.email for c in team.colleagues] + ["karin@provincie.nl"])
    for _attempt in range(50):
        if len(smtp) >= 4:
            break
        page.wait_for_timeout(200)
    assert sorted(m["To"] for m in smtp) == expect_to

    # The outside rater answers through the personal link, without an account; the link works once.
    karin = link_in(smtp, "karin@provincie.nl")
    page.goto(karin)
    answer(page, team, 2)
    page.goto(karin)
    expect(page.get_by_text("Een link werkt maar één keer")).to_be_visible()

    # The colleagues log in and answer through the link in their e-mail.
    for colleague, level in zip(team.colleagues, (3, 4, 5)):
        log_in(page, colleague.username)
        page.goto(link_in(smtp, colleague.email))
        answer(page, team, level)
        log_out(page)

    # The employee hands in the self-assessment (arranged) and sees the aggregate only.
    Assessment.objects.create(cycle=team.cycle, employee=team.employee, kind="self", submitted_at=timezone.now())
    log_in(page, team.employee.user.username)
    page.goto(f"/medewerkers/360/cycli/{team.cycle.pk}/medewerkers/{team.employee.pk}/")
    table = page.locator("[data-feedback-table]")
    expect(table).to_contain_text("mediaan 4 (spreiding 3–5, n = 3)")
    expect(page.locator("[data-hidden-group=outside]")).to_contain_text("Minder dan 3 reacties")
    expect(page.get_by_text("Helder advies, niveau 2")).to_have_count(0)  # the hidden group's text is not shown
    expect(page.get_by_text("Helder advies, niveau 4")).to_be_visible()
    page.screenshot(path=screens / "aggregate.png", full_page=True)
