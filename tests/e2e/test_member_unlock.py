"""An organisation administrator lifts a colleague's login lockout under "Leden"."""

import pytest
from axes.models import AccessAttempt
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beheerder_lifts_a_lockout(page, users, seeded):
    AccessAttempt.objects.create(
        username="hr",
        ip_address="203.0.113.10",
        user_agent="Tablet",
        http_accept="*/*",
        path_info="/inloggen/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    log_in(page, "beheerder")
    page.get_by_role("link", name="Leden", exact=True).click()
    expect(page.get_by_role("heading", name="Leden van uw organisatie")).to_be_visible()
    page.get_by_role("button", name="Blokkade van hr opheffen").click()
    expect(page.get_by_text("De inlogblokkade van hr is opgeheven.")).to_be_visible()
    assert not AccessAttempt.objects.filter(username="hr").exists()
