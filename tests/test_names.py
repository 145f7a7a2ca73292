"""People appear by name, never by login name: every page, export and form of a full journey.

The URL-guard test's world (a framework in review, a scored selection day, a round with a peer
review) is built, then every account gets a login name that can be found anywhere
("login-17-x") and a real name. Every GET route is rendered for every role of organisation A
and scanned for login names. Only the members page shows them, to the administrator, on purpose.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from .routes import LOGS_OUT, ROUTES, url_for, visit

pytestmark = pytest.mark.django_db

LOGIN = re.compile(r"login-\d+-x")
# Pages that show login names on purpose: the administrator needs them to help a colleague log in.
SHOWS_LOGIN_NAMES = {"member-list"}
FIRST = ["Hanna", "Sara", "Mark", "Bas", "Petra", "Sem", "Ilse", "Joost", "Fatima", "Ruud"]


@pytest.fixture
def named_world(world, users):
    for n, user in enumerate(get_user_model().objects.order_by("pk")):
        user.username = f"login-{user.pk}-x"
        user.first_name, user.last_name = FIRST[n % len(FIRST)], f"Achternaam{n}"
        user.save()
    for user in users.values():
        user.refresh_from_db()
    return world


def test_no_page_or_export_shows_a_login_name(client, named_world, users):
    found = []
    for persona in ("hr", "selecteur", "mt", "beheerder"):
        client.force_login(users[persona])
        for name, route in ROUTES:
            if name in LOGS_OUT or name in SHOWS_LOGIN_NAMES:
                continue
            response = visit(client, url_for(name, route, named_world))
            if response.status_code != 200 or response.get("Content-Type", "").startswith("application/pdf"):
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            # What people read: the text, not the tags (a form may still send a login name as a value).
            text = re.sub(r"<[^>]+>", " ", body.decode(errors="replace"))
            for match in set(LOGIN.findall(text)):
                found.append((persona, name, match))
    assert found == [], "\n".join(map(str, found))


def test_the_scan_would_notice_a_login_name(client, named_world, users):
    """The members page shows login names on purpose; the scan finds them there."""
    client.force_login(users["beheerder"])
    from django.urls import reverse

    assert LOGIN.search(client.get(reverse("member-list")).content.decode())
