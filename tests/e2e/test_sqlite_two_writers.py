"""Two selecteurs type at the same moment, each in their own browser: every keystroke's save lands.

This is the journey CI also runs on SQLite, the `make run` database (marked `two_writers`; the other
browser journeys run on PostgreSQL only). It proves the SQLite settings a selection day relies on
(competentie/settings.py): WAL, so one writer never blocks the other's reads, and IMMEDIATE
transactions with a busy timeout, so a second writer waits its turn instead of failing with
"database is locked". No save may be answered with an error, not even one the autosave client
would retry.
"""

import pytest
from django.db import connection
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from frameworks.models import Profile
from selectie.models import Score

from ..factories import make_user
from ..selectie.conftest import build_day
from .conftest import WAIT_MS, log_in, wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.two_writers, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1024, "height": 768})
    other = context.new_page()
    other.set_default_timeout(WAIT_MS)
    yield other
    context.close()


def save_statuses(page) -> list[int]:
    statuses = []
    page.on("response", lambda response: "/opslaan/" in response.url and statuses.append(response.status))
    return statuses


def test_two_selecteurs_typing_at_once_lose_nothing_and_get_no_error(page, second_page, users, org_a, seeded):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert connection.settings_dict["OPTIONS"]["timeout"] >= 5
    colleague = make_user("selecteur_twee", organisation=org_a, role=Membership.Role.SELECTEUR)
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"], colleague])
    candidate = day.candidates[0]
    assignments = {
        username: day.procedure.assignments.select_related("exercise").get(
            selecteur__username=username, candidate=candidate, exercise=day.interview
        )
        for username in ("selecteur", "selecteur_twee")
    }
    competencies = list(day.interview.competencies.order_by("order", "pk"))
    pages = {"selecteur": page, "selecteur_twee": second_page}
    statuses = {}
    for username, browser_page in pages.items():
        log_in(browser_page, username)
        browser_page.goto(f"/selectie/{day.procedure.pk}/beoordelen/{assignments[username].pk}/")
        statuses[username] = save_statuses(browser_page)

    # Interleaved: each field typed by one selecteur is followed by the other's, so their saves
    # reach the server at the same moments.
    for round_number in range(1, 4):
        for competency in competencies:
            for username, browser_page in pages.items():
                text = f"{username}, ronde {round_number}: vat samen en vraagt door ({competency.pk})."
                browser_page.locator(f"#evidence-{competency.pk}").fill(text)
    for browser_page in pages.values():
        wait_all_saved(browser_page)
        expect(browser_page.locator("[data-autosave-status]")).not_to_contain_text("opnieuw")

    for username, assignment in assignments.items():
        stored = dict(Score.objects.filter(assignment=assignment).values_list("competency_id", "evidence"))
        assert stored == {
            competency.pk: f"{username}, ronde 3: vat samen en vraagt door ({competency.pk})."
            for competency in competencies
        }
        assert statuses[username], "no save reached the server"
        assert set(statuses[username]) == {200}, statuses[username]
