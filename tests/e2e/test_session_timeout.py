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
