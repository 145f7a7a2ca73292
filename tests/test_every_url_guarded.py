"""Every route of the URLconf, walked as every kind of visitor.

The routes are read from the URLconf itself, so a new URL is covered without anyone
remembering it. For each route the `world` fixture (tests/routes.py) builds a real object of
organisation A (a framework with its parts, a selection procedure with a scored candidate, a
self-evaluation round with a peer review and an action) and this test asserts:

- an anonymous visitor is sent to the login page;
- members of organisation B, in every role, and a user without organisation, get a 404
  for organisation A's objects, and pages without an object never mention organisation A;
- organisation A's own members never get a server error (which role gets a 200 or a
  403 is pinned route by route in each app's access tests);
- the Django admin turns away anyone who is not staff.

A route whose objects this test cannot name fails here with a message that says what to add.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from competentie.organisations.models import Membership

from .factories import make_user
from .routes import LOGS_OUT, PUBLIC, PUBLIC_READ, ROUTES, kinds_for, url_for, visit
from .walk import MEMBERS, walked

pytestmark = pytest.mark.django_db

ORGANISATION_A = "Gemeente Aadorp"


def test_every_route_names_objects_this_test_can_build():
    assert len(ROUTES) > 100
    for name, route in ROUTES:
        kinds_for(name, route)


@pytest.fixture
def outsiders(org_b, users):
    """Members of organisation B in every role, and a user without organisation."""
    people = {role: make_user(f"beekdal_{role}", organisation=org_b, role=role) for role in Membership.Role.values}
    people["nobody"] = users["nobody"]
    return people


def test_anonymous_visitors_are_sent_to_the_login_page_everywhere(client, world):
    for name, route in ROUTES:
        if name in PUBLIC:
            continue
        url = url_for(name, route, world)
        if name in PUBLIC_READ:
            response = client.get(url)
            if kinds_for(name, route):
                assert response.status_code == 404, (name, url, response.status_code)
            assert ORGANISATION_A not in response.content.decode(), (name, url)
            assert client.post(url).status_code == 405, (name, url)
            continue
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, (name, url, response.status_code)
            assert response.url.startswith(reverse("login")), (name, url, response.url)


def test_other_organisations_find_nothing_of_organisation_a(client, world, outsiders):
    for persona, user in outsiders.items():
        client.force_login(user)
        for name, route in ROUTES:
            if name in PUBLIC | LOGS_OUT:
                continue
            url = url_for(name, route, world)
            response = visit(client, url)
            if kinds_for(name, route):
                assert response.status_code == 404, (persona, name, url, response.status_code)
            else:
                assert response.status_code < 500, (persona, name, url, response.status_code)
                assert ORGANISATION_A not in response.content.decode(errors="replace"), (persona, name, url)


def test_members_of_organisation_a_never_get_a_server_error(walk_of_organisation_a):
    errors = [
        f"{answer.persona} {answer.route} {answer.url}: {answer.status}\n{answer.error}"
        for answer in walked(walk_of_organisation_a, MEMBERS)
        if answer.status >= 500
    ]
    assert not errors, "\n".join(errors)


def test_the_admin_turns_away_everyone_who_is_not_staff(client, users):
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") for model in admin.site._registry
    ]
    for persona in ("hr", "selecteur", "mt"):
        client.force_login(users[persona])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302 and "/beheer/login/" in response.url, (persona, url)
    client.force_login(users["beheerder"])
    users["beheerder"].is_staff = users["beheerder"].is_superuser = True
    users["beheerder"].save()
    for url in urls:
        assert client.get(url).status_code == 200, url
