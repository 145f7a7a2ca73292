"""Every response carries the same security headers: pages, redirects, refusals and error pages.

A middleware that answers early (the two-factor step, the idle-session logout, the CSRF refusal)
skips the response phase of every middleware below it, so the header middlewares sit above them.
The test walks the way a person signs in and out, and every kind of refusal, and compares the
headers of each response with those of an ordinary page.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import path, reverse

from competentie import urls as project_urls
from competentie.security.sessions import LAST_ACTIVITY

pytestmark = pytest.mark.django_db

PASSWORD = "wachtwoord-123"
HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


def broken(request):
    raise RuntimeError("a page that breaks")


urlpatterns = [path("kapot/", broken), *project_urls.urlpatterns]


def security_headers(response) -> dict:
    return {name: response.headers.get(name) for name in HEADERS}


@pytest.fixture
def reference(client_as):
    headers = security_headers(client_as("hr").get(reverse("home")))
    assert all(headers.values()), headers
    return headers


@pytest.fixture
def two_factor(settings):
    settings.REQUIRE_2FA_FOR_ROLES = ["hr", "beheerder"]
    settings.REQUIRE_2FA_FOR_SUPERUSERS = True


def assert_same(response, reference, what):
    assert security_headers(response) == reference, f"{what} ({response.status_code})"


def test_the_sign_in_and_out_flow_carries_the_headers_on_every_step(users, reference, two_factor):
    client = Client()
    assert_same(client.get("/selectie/"), reference, "redirect to the login page")
    assert_same(client.get(reverse("login")), reference, "login page")
    assert_same(client.post(reverse("login"), {"username": "hr", "password": "fout"}), reference, "wrong password")
    signed_in = client.post(reverse("login"), {"username": "hr", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert_same(signed_in, reference, "login redirect")
    to_second_step = client.get("/selectie/")
    assert to_second_step.status_code == 302
    assert to_second_step.url.startswith(reverse("twofactor-setup"))
    assert_same(to_second_step, reference, "redirect to the two-factor step")
    assert_same(client.get(to_second_step.url), reference, "two-factor setup page")
    signed_out = client.post(reverse("logout"))
    assert signed_out.status_code == 302
    assert_same(signed_out, reference, "logout redirect")


def test_the_password_reset_flow_carries_the_headers_on_every_step(users, reference):
    users["hr"].email = "hr@aadorp.nl"
    users["hr"].save()
    client = Client()
    assert_same(client.get(reverse("password_reset")), reference, "password reset form")
    sent = client.post(reverse("password_reset"), {"email": "hr@aadorp.nl"})
    assert sent.status_code == 302
    assert_same(sent, reference, "password reset redirect")
    assert_same(client.get(sent.url), reference, "password reset sent page")
    link = re.search(r"https?://[^/\s]+(/wachtwoord-instellen/\S+/)", mail.outbox[-1].body).group(1)
    to_form = client.get(link)
    assert to_form.status_code == 302
    assert_same(to_form, reference, "redirect to the new password form")
    assert_same(client.get(to_form.url), reference, "new password form")
    new = "Zonnebloem-veld-2026"
    done = client.post(to_form.url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert_same(done, reference, "redirect after the new password")
    assert_same(client.get(done.url), reference, "password changed page")
    assert_same(client.get("/wachtwoord-instellen/MQ/ongeldig/"), reference, "invalid reset link")


def test_refusals_and_error_pages_carry_the_headers(client_as, users, reference, framework_b, settings):
    settings.ROOT_URLCONF = __name__
    selecteur = client_as("selecteur")
    forbidden = selecteur.get(reverse("frameworks:framework-create"))
    assert forbidden.status_code == 403
    assert_same(forbidden, reference, "403 page")
    missing = selecteur.get(reverse("frameworks:framework-detail", args=[framework_b.pk]))
    assert missing.status_code == 404
    assert_same(missing, reference, "404 page")
    unknown = selecteur.get("/bestaat-niet/")
    assert unknown.status_code == 404
    assert_same(unknown, reference, "404 of an unknown address")

    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(reverse("login"), {"username": "hr", "password": PASSWORD})
    assert refused.status_code == 403
    assert_same(refused, reference, "CSRF failure")

    crashing = client_as("hr")
    crashing.raise_request_exception = False
    error = crashing.get("/kapot/")
    assert error.status_code == 500
    assert_same(error, reference, "500 page")


def test_the_idle_session_logout_carries_the_headers(client_as, reference):
    client = client_as("hr")
    client.get(reverse("home"))
    session = client.session
    session[LAST_ACTIVITY] = 0
    session.save()
    expired = client.get(reverse("home"))
    assert expired.status_code == 302
    assert_same(expired, reference, "idle-session logout redirect")
