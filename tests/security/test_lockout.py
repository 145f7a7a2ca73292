"""Login lockout cannot be turned against colleagues: it holds one username from one address only."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from competentie.security.lockout import client_ip

pytestmark = pytest.mark.django_db

WITH_AXES = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
OFFICE, HOME = "203.0.113.10", "198.51.100.7"
PASSWORD = "wachtwoord-123"


def attempt(username, password, address, **headers):
    return Client(REMOTE_ADDR=address, **headers).post(reverse("login"), {"username": username, "password": password})


def lock(username="hr", address=OFFICE, **headers):
    for _ in range(5):
        response = attempt(username, "fout", address, **headers)
    assert response.status_code == 429


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES, AXES_FAILURE_LIMIT=5)
def test_wrong_passwords_for_a_colleague_lock_only_that_colleague_from_that_address(users):
    lock("hr", OFFICE)
    assert attempt("hr", PASSWORD, OFFICE).status_code == 429  # the attacked user, same address: locked
    assert attempt("mt", PASSWORD, OFFICE).status_code == 302  # a colleague on the same connection: not locked
    assert attempt("hr", PASSWORD, HOME).status_code == 302  # the attacked user from elsewhere: not locked


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_lockout_follows_the_forwarded_client_address(users):
    proxy = "10.0.0.2"
    lock("hr", proxy, HTTP_X_FORWARDED_FOR=OFFICE)
    assert attempt("hr", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 429
    assert attempt("hr", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=HOME).status_code == 302


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forged_forwarded_header_changes_nothing(users):
    lock("hr", OFFICE, HTTP_X_FORWARDED_FOR=HOME)
    assert attempt("hr", PASSWORD, OFFICE, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


@pytest.mark.parametrize(
    "proxies, forwarded, remote, expected",
    [
        (0, "1.1.1.1", "9.9.9.9", "9.9.9.9"),
        (1, "1.1.1.1", "9.9.9.9", "1.1.1.1"),
        (1, "6.6.6.6, 1.1.1.1", "9.9.9.9", "1.1.1.1"),  # the client forged the left part
        (2, "6.6.6.6, 1.1.1.1, 10.0.0.1", "9.9.9.9", "1.1.1.1"),
        (2, "1.1.1.1", "9.9.9.9", "9.9.9.9"),  # fewer hops than proxies: do not trust the header
        (1, "", "9.9.9.9", "9.9.9.9"),
    ],
)
def test_client_address_trusts_exactly_the_configured_proxies(settings, proxies, forwarded, remote, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES, AXES_FAILURE_LIMIT=5)
def test_an_organisation_administrator_lifts_a_members_lockout(users, client_as):
    lock("hr", OFFICE)
    beheerder = client_as("beheerder")
    page = beheerder.get(reverse("member-list"))
    assert page.status_code == 200
    assert "geblokkeerd" in page.content.decode()
    membership = users["hr"].memberships.get()
    response = beheerder.post(reverse("member-unlock", args=[membership.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="hr").exists()
    assert attempt("hr", PASSWORD, OFFICE).status_code == 302


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES, AXES_FAILURE_LIMIT=5)
def test_only_administrators_of_the_members_organisation_may_unlock(users, client_as):
    lock("hr", OFFICE)
    membership = users["hr"].memberships.get()
    for persona in ["hr", "selecteur", "mt"]:
        assert client_as(persona).get(reverse("member-list")).status_code == 403
        assert client_as(persona).post(reverse("member-unlock", args=[membership.pk])).status_code == 403
    outsider_membership = users["outsider"].memberships.get()
    assert client_as("beheerder").post(reverse("member-unlock", args=[outsider_membership.pk])).status_code == 404
    assert AccessAttempt.objects.filter(username="hr").exists()
