"""Every page of the URLconf, as every role that can open it, through the quality gates.

The journeys check the pages they pass; this sweep checks all the others too. The routes and
their real objects come from tests/routes.py (the URL guard's world). Django's test client first
finds, per role, which GET routes answer with a full HTML page (a quick pass without a browser).
Then one browser context per role opens each of those pages (the roles in two halves, GROUPS, so
two test processes share the sweep) and checks:

- reflow (WCAG 1.4.10): at 320 CSS pixels wide the page does not scroll sideways (a wide table
  may scroll inside its own box, the page may not); a page that does leaves a screenshot in
  test-artifacts/reflow/;
- a title of its own (WCAG 2.4.2): no two routes share a <title>, so a person with several tabs
  or a screen reader knows which page is which;
- once per route, with the role whose version of the page has the most on it: no sideways
  scrolling on a tablet held upright (768 px) either, and axe-core (WCAG 2.0/2.1 A and AA) on a
  landscape tablet (1024 px, as the journeys do);
- the Nu Html Checker, on every document the browser received (once for documents that differ only
  in the menu and the form tokens).

The 403 and 404 pages go through the same gates. Pages that need a state the world does not
have (two-factor verification with a device) are checked by their own journeys.
"""

import datetime
import html
import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from ontwikkeling.models import Participant
from zelfevaluatie.models import PeerReview

from ..routes import LOGS_OUT, PUBLIC, ROUTES, url_for
from .conftest import ARTIFACTS
from .quality import PageAudit, axe_violations, sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 % zoom
TABLET_UPRIGHT = {"width": 768, "height": 1024}
TABLET_LANDSCAPE = {"width": 1024, "height": 768}

HEADER = re.compile(r"<header.*?</header>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)

# The roles in two halves of about equal work, so two test processes share the sweep.
GROUPS = {
    "hr-en-anderen": ["anonymous", "hr", "peer", "begeleider"],
    "mt-selecteur-beheerder": ["mt", "selecteur", "beheerder", "deelnemer"],
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
# The theme's own files: a 404 before the theme exists, its stylesheet or logo after (no error page to check).
THEME_FILES = {"theme-css", "theme-logo"}
# An organisation's theme adds one stylesheet line to the <head> (and its logo to the header).
THEME_LINK = re.compile(r'<link rel="stylesheet" href="/organisatie/\d+/huisstijl\.css\?v=[^"]*">')


def without_repeats(audit: PageAudit) -> PageAudit:
    """The documents to validate: most pages differ between roles only in the menu and the form tokens,
    and between themes only in the header and the theme's stylesheet line. Every distinct header and
    every distinct rest of a page is validated once (the first themed page carries its stylesheet line)."""
    distinct, seen = PageAudit(), set()
    for digest, document in audit.documents.items():
        body = THEME_LINK.sub("", CSRF.sub("", document.body))
        header = HEADER.search(body)
        parts = {header.group() if header else "", HEADER.sub("", body)}
        if not parts <= seen:
            distinct.documents[digest] = document
            seen |= parts
    return distinct


@dataclass
class Visit:
    persona: str
    route: str
    url: str
    size: int  # bytes of HTML: the role that sees the most of a page is the one axe checks
    title: str = ""


def personas(world, users):
    """Every kind of person who opens pages of organisation A, with the account they use."""
    participant = Participant.objects.select_related("user", "coach").get(pk=world["development_participant"])
    return {
        "anonymous": None,
        "hr": users["hr"],
        "selecteur": users["selecteur"],
        "mt": users["mt"],
        "beheerder": users["beheerder"],
        "peer": PeerReview.objects.select_related("reviewer").get(pk=world["peer_review"]).reviewer,
        "deelnemer": participant.user,
        "begeleider": participant.coach,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def full_pages(world, people) -> list[Visit]:
    """Per role, every GET route that answers with a whole HTML page (not a fragment, file or redirect);
    public routes (login, password reset) for anonymous visitors only. Plus one 403 and one 404 page."""
    visits, errors, not_pages = [], {}, set()
    for persona, user in people.items():
        client = client_for(user)
        for name, route in ROUTES:
            if name in LOGS_OUT or name in not_pages or (user is None) != (name in PUBLIC):
                continue
            url = url_for(name, route, world)
            response = client.get(url)
            if response.status_code == 405 or not response.get("Content-Type", "").startswith("text/html"):
                if response.status_code in (200, 405):
                    # POST only, or a file (PDF, export): the same for every role, so asked once.
                    not_pages.add(name)
                continue
            body = response.content.decode()
            if not body.lstrip().lower().startswith("<!doctype html"):
                continue  # an htmx fragment: checked inside the page that loads it
            title = TITLE.search(body)
            title = " ".join(html.unescape(title.group(1)).split()) if title else ""
            if response.status_code == 200:
                visits.append(Visit(persona, name, url, len(body), title))
            elif response.status_code in (403, 404) and name not in THEME_FILES:
                errors.setdefault(
                    response.status_code, Visit(persona, str(response.status_code), url, len(body), title)
                )
    return visits + list(errors.values())


def shared_titles(visits: list[Visit]) -> list[str]:
    """WCAG 2.4.2: every page has a title, and no two routes share one."""
    titles = defaultdict(set)
    problems = [f"{v.persona} {v.route} {v.url}: no <title>" for v in visits if not v.title]
    for visit in visits:
        titles[visit.title].add(visit.route)
    return problems + [
        f"{len(routes)} pages share the title “{title}”: {', '.join(sorted(routes))}"
        for title, routes in titles.items()
        if len(routes) > 1
    ]


# The default NL Design System theme, and organisation A in a house style of its own (issue 30):
# a dark-blue header with white text, another main colour, other fonts and a logo.
THEMES = {
    "standaard": None,
    "donkerblauw": {
        "primary_color": "#1d3a6e",
        "header_background_color": "#0b2545",
        "header_text_color": "#ffffff",
        "font": "verdana",
        "heading_font": "georgia",
    },
}


def theme_apply(organisation, tokens: dict) -> None:
    import io

    from PIL import Image

    from competentie.theming.models import Theme

    logo = io.BytesIO()
    Image.new("RGB", (120, 40), (11, 37, 69)).save(logo, format="PNG")
    Theme.objects.create(organisation=organisation, logo=logo.getvalue(), logo_content_type="image/png", **tokens)


@pytest.mark.parametrize("group", GROUPS)
def test_every_page_passes_the_gates_for_every_role_in_both_themes(browser, live_server, world, users, org_a, group):
    """Both themes in one test: the pages and their roles are found once, and the documents of the
    second theme that differ from the first only in the theme's stylesheet line are validated once."""
    people = personas(world, users)
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the walk asks for many pages a role may not open: 403s are expected
    try:
        visits = full_pages(world, people)
    finally:
        logger.setLevel(level)
    # axe once per route and theme: the version of the page with the most on it.
    for_axe = {}
    for visit in visits:
        if visit.route not in for_axe or visit.size > for_axe[visit.route].size:
            for_axe[visit.route] = visit

    audit = PageAudit()
    axe = Axe()
    accessibility: list[str] = []
    # The titles come from the HTML of every role's pages: checked once, with the first half.
    problems = shared_titles(visits) if group == next(iter(GROUPS)) else []
    for theme, tokens in THEMES.items():
        if tokens:
            theme_apply(org_a, tokens)
        for persona in GROUPS[group]:
            user = people[persona]
            mine = [visit for visit in visits if visit.persona == persona]
            if not mine:
                continue
            context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE)
            if user is not None:
                session = client_for(user).cookies[settings.SESSION_COOKIE_NAME].value
                context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.on("response", audit.capture)
            try:
                for visit in mine:
                    label = f"{theme} {persona} {visit.route} {visit.url}"
                    if page.viewport_size != PHONE:
                        page.set_viewport_size(PHONE)
                    page.goto(visit.url)
                    if wide := sideways_scroll(page):
                        problems.append(f"{label}: scrolls sideways at 320 px, {wide}")
                        shot = ARTIFACTS / "reflow" / f"{theme}-{persona}-{visit.route.replace(':', '-')}.png"
                        shot.parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=shot, full_page=True)
                    if for_axe[visit.route] is visit:
                        # The tablet, once per route: the layout changes with the width, hardly with the role.
                        page.set_viewport_size(TABLET_UPRIGHT)
                        if wide := sideways_scroll(page):
                            problems.append(f"{label}: scrolls sideways on an upright tablet (768 px), {wide}")
                        page.set_viewport_size(TABLET_LANDSCAPE)
                        found = axe_violations(page, axe, label=label)
                        problems += found
                        accessibility += found
            finally:
                context.close()
    problems += without_repeats(audit).html_errors(ARTIFACTS / "html" / f"every-page-{group}")
    print(
        f"\n{len(visits)} pages ({len(for_axe)} routes, {len(people)} roles) in {len(THEMES)} themes, of which {group}"
    )
    # What `manage.py draft_document toegankelijkheid` builds the accessibility statement from.
    summary = ARTIFACTS / "accessibility" / f"sweep-{group}.json"
    summary.parent.mkdir(parents=True, exist_ok=True)
    axed = {visit.route for visit in for_axe.values() if visit.persona in GROUPS[group]}
    summary.write_text(
        json.dumps(
            {
                "group": group,
                "date": datetime.date.today().isoformat(),
                "standard": "WCAG 2.0/2.1 A en AA",
                "themes": list(THEMES),
                "routes": len(axed),
                "pages": len([visit for visit in visits if visit.persona in GROUPS[group]]),
                "axe_violations": accessibility,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )

    assert not problems, "Pages fail the quality gates:\n" + "\n".join(problems)
    assert len(for_axe) > 90, "the sweep lost most of its routes: does the world still fill them?"
