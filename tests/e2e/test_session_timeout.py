"""An idle session warns before it ends, lets the user stay, and logs out when the time is up.

The browser's clock is Playwright's fake clock: half an hour passes in milliseconds.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_idle_warning_lets_the_user_stay_and_then_logs_out(page, users, seeded):
    page.clock.install()
    log_in(page, "selecteur")
    page.goto("/selectie/")
    dialog = page.get_by_role("dialog", name="Bent u er nog?")
    expect(dialog).to_be_hidden()

    page.clock.run_for("27:00")
    expect(dialog).to_be_hidden()
    page.clock.run_for("01:30")  # 28:30 idle: less than two minutes left
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(re.compile(r"Over 1:[0-5]\d minuten"))

    dialog.get_by_role("button", name="Ingelogd blijven").click()
    expect(dialog).to_be_hidden()
    page.clock.run_for("27:00")  # counted from the click, not from the page load
    expect(dialog).to_be_hidden()

    page.clock.run_for("03:05")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=/selectie/$"))
    expect(page.get_by_text("U bent automatisch uitgelogd")).to_be_visible()
    page.goto("/selectie/")
    expect(page).to_have_url(re.compile(r"/inloggen/"))  # the session is really gone


def test_text_typed_before_an_idle_logout_comes_back_after_logging_in(page, users, org_a, seeded):
    from competentie.organisations.models import Membership
    from frameworks.models import Profile

    from ..factories import make_user
    from ..selectie.conftest import build_day

    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    colleague = make_user("selecteur_twee", organisation=org_a, role=Membership.Role.SELECTEUR)
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"], colleague])
    assignment = day.procedure.assignments.filter(selecteur=users["selecteur"]).first()
    competency = assignment.exercise.competencies.order_by("pk").first()
    url = f"/selectie/{day.procedure.pk}/beoordelen/{assignment.pk}/"
    evidence = page.locator(f'fieldset[data-competency="{competency.pk}"] textarea')

    page.clock.install()
    log_in(page, "selecteur")
    page.goto(url)
    page.context.set_offline(True)  # the text cannot reach the server before the session ends
    evidence.fill("Vraagt door naar de planning van de aanvrager.")
    page.clock.run_for("28:30")
    expect(page.get_by_role("dialog", name="Bent u er nog?")).to_be_visible()
    page.context.set_offline(False)
    page.clock.run_for("02:00")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next="))

    page.get_by_label("Gebruikersnaam").fill("selecteur")  # on the login page the logout led to
    page.get_by_label("Wachtwoord").fill("wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))
    expect(evidence).to_have_value("Vraagt door naar de planning van de aanvrager.")
