"""Browser tests: Python Playwright driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

from .quality import PageAudit

# Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests
# make to arrange data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# How long a step may wait for the page to reach a state (a navigation, a text, a saved status):
# a ceiling, not a measurement. Generous, so that a busy machine makes a journey slower, never red.
WAIT_MS = 20_000

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    """A browser page on the live server. Every HTML document it receives must pass axe-core
    (WCAG 2.0/2.1 A and AA) and the Nu Html Checker, checked after the test."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    audit = PageAudit()
    page.on("response", audit.capture)
    yield page
    page.remove_listener("response", audit.capture)
    try:
        problems = audit.accessibility_violations(context)
        problems += audit.html_errors(ARTIFACTS / "html" / request.node.name)
    finally:
        context.close()
    if problems:
        pytest.fail("Pages visited by this test fail the quality gates:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def screenshot(page):
    """Save a screenshot under test-artifacts/ to look at the page as a person would."""

    def take(name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return take


def log_in(page, username: str, password: str = "wachtwoord-123"):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    # The next page's scripts must have run before a test clicks a control they drive (on a busy
    # machine a click can otherwise land before Bootstrap or the autosave module is listening).
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Inloggen").click()


def wait_all_saved(page):
    """Wait until the autosave status says everything typed so far is stored on the server.

    The state is set in the same event as a change (static/js/autosave.js), so after a keystroke or
    click this cannot see an earlier save's "saved": it waits for state, never for time.
    """
    from playwright.sync_api import expect

    expect(page.locator("[data-autosave-status]")).to_have_attribute("data-state", "success")


def answer_questionnaire(page, pick="first"):
    """Choose the first (or last) option of every question on a measurement form and hand it in.

    `locator.all()` does not wait: right after the click that opened the form it can see the previous
    page, or half of this one. The submit button is the form's last element, so once it is visible every
    question is in the DOM.
    """
    from playwright.sync_api import expect

    submit = page.get_by_role("button", name="Antwoorden versturen")
    expect(submit).to_be_visible()
    for fieldset in page.locator("form fieldset").all():
        radios = fieldset.locator("input[type=radio]")
        (radios.first if pick == "first" else radios.last).check()
    submit.click()
    expect(page.get_by_role("status").first).to_contain_text("Uw antwoorden zijn opgeslagen")
