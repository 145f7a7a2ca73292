"""Issue 30.4 in the browser: the beheerder's access review (BIO). Roles and last login on one page,
an account unused for 90 days flagged, a role confirmed, the unused account switched off in one step
after ticking the confirmation, and that person can no longer log in."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from competentie.audit.models import AuditEvent

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beheerder_reviews_access_confirms_a_role_and_switches_off_an_unused_account(browser, page, users, seeded):
    now = timezone.now()
    selecteur, mt = users["selecteur"], users["mt"]
    selecteur.last_login = now - timedelta(days=120)  # unused: more than 90 days without login
    selecteur.save(update_fields=["last_login"])
    mt.last_login = now - timedelta(days=2)
    mt.save(update_fields=["last_login"])
    unused, recent = selecteur.memberships.get(), mt.memberships.get()

    log_in(page, "beheerder")
    page.get_by_role("link", name="Leden", exact=True).click()
    page.get_by_role("link", name="Toegangscontrole: rollen bevestigen en ongebruikte accounts uitzetten").click()
    expect(page.get_by_role("heading", name="Toegangscontrole")).to_be_visible()

    unused_row = page.locator(f'tr[data-toegang="{unused.pk}"]')
    recent_row = page.locator(f'tr[data-toegang="{recent.pk}"]')
    expect(unused_row.get_by_role("rowheader")).to_have_text("selecteur")
    expect(unused_row).to_contain_text("Selecteur")  # the role
    expect(unused_row).to_contain_text("niet gebruikt")  # flagged
    expect(recent_row).to_contain_text("Managementteam")
    expect(recent_row).not_to_contain_text("niet gebruikt")
    last_login = timezone.localtime(mt.last_login)
    expect(recent_row.get_by_role("cell").nth(2)).to_have_text(
        re.compile(rf"^\s*{last_login.day} \w+ {last_login.year}\s*$")
    )
    expect(recent_row).to_contain_text("bevestigen")  # never confirmed: due

    recent_row.get_by_role("button", name="Rol bevestigen van mt").click()
    expect(page.get_by_text("De rol van mt is bevestigd.")).to_be_visible()
    recent.refresh_from_db()
    assert recent.reviewed_by == users["beheerder"] and recent.reviewed_at is not None
    expect(page.locator(f'tr[data-toegang="{recent.pk}"]')).not_to_have_attribute("data-te-bevestigen", "")

    # One step, with a confirmation: without the box ticked the browser does not send the form.
    unused_row = page.locator(f'tr[data-toegang="{unused.pk}"]')
    unused_row.get_by_role("button", name="Account uitzetten").click()
    confirm = unused_row.get_by_label("Ja, selecteur kan niet meer inloggen")
    assert confirm.evaluate("box => box.validity.valueMissing")
    selecteur.refresh_from_db()
    assert selecteur.is_active
    confirm.check()
    unused_row.get_by_role("button", name="Account uitzetten").click()
    expect(page.get_by_text("selecteur kan niet meer inloggen.")).to_be_visible()
    expect(page.locator(f'tr[data-toegang="{unused.pk}"]')).to_contain_text("uitgezet")
    selecteur.refresh_from_db()
    assert not selecteur.is_active
    line = AuditEvent.objects.get(action="membership.deactivated")
    assert (line.actor, line.content_id, line.params) == (users["beheerder"], unused.pk, {"role": "selecteur"})

    # The switched-off person tries to log in, in a browser of their own.
    context = browser.new_context(base_url=page.url.split("/organisatie")[0], locale="nl-NL")
    try:
        theirs = context.new_page()
        log_in(theirs, "selecteur")
        expect(theirs.get_by_text("Voer een juiste gebruikersnaam")).to_be_visible()
        assert theirs.url.endswith("/inloggen/")
        theirs.goto("/")
        expect(theirs.get_by_role("heading", name="Inloggen")).to_be_visible()
    finally:
        context.close()
