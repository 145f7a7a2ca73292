"""People appear by name, never by login name: every page, export and form of a full journey.

The URL-guard test's world (a framework in review, a scored selection day, a round with a peer
review) is built, then every account gets a login name that can be found anywhere
("login-17-x") and a real name. Every route is rendered for every role of organisation A (the
shared walk, tests/walk.py) and scanned for login names. Only the members page shows them, to the administrator, on purpose.
"""

import re

import pytest

from .walk import LOGIN_NAME, users_named, walked

pytestmark = pytest.mark.django_db

# Pages that show login names on purpose: the administrator needs them to help a colleague log in.
SHOWS_LOGIN_NAMES = {"member-list"}


@pytest.fixture
def named_world(world, users):
    users_named(users)
    return world


def test_no_page_or_export_shows_a_login_name(walk_of_organisation_a):
    found = []
    for answer in walked(walk_of_organisation_a, ("hr", "selecteur", "mt", "beheerder")):
        if answer.route in SHOWS_LOGIN_NAMES or answer.status != 200:
            continue
        # What people read: the text, not the tags (a form may still send a login name as a value).
        text = re.sub(r"<[^>]+>", " ", answer.body)
        for match in set(LOGIN_NAME.findall(text)):
            found.append((answer.persona, answer.route, match))
    assert found == [], "\n".join(map(str, found))


def test_the_scan_would_notice_a_login_name(client, named_world, users):
    """The members page shows login names on purpose; the scan finds them there."""
    client.force_login(users["beheerder"])
    from django.urls import reverse

    assert LOGIN_NAME.search(client.get(reverse("member-list")).content.decode())
