"""The login page and the start of a provider login, through Django's test client."""

import re

import pytest
from django.urls import reverse

from competentie.oidc import discovery
from competentie.oidc.models import IdentityProvider
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ISSUER = "https://login.aadorp.example"
CONFIG = {
    "issuer": ISSUER,
    "authorization_endpoint": f"{ISSUER}/auth",
    "token_endpoint": f"{ISSUER}/token",
    "jwks_uri": f"{ISSUER}/jwks",
    "userinfo_endpoint": f"{ISSUER}/me",
}


@pytest.fixture
def provider(org_a):
    discovery.forget()
    discovery._CACHE[ISSUER] = (float("inf"), CONFIG)
    yield IdentityProvider.objects.create(
        organisation=org_a, issuer=ISSUER, client_id="competentie", secret_env="OIDC_A", email_domains="aadorp.nl"
    )
    discovery.forget()


def test_the_login_page_offers_the_organisations_and_allows_their_provider_as_form_target(client, provider):
    response = client.get(reverse("login"))
    assert "Gemeente Aadorp" in response.content.decode()
    assert ISSUER in response["Content-Security-Policy"].split("form-action", 1)[1].split(";")[0]


def test_the_email_domain_starts_the_flow_at_the_organisations_provider(client, provider):
    response = client.post(reverse("oidc-start"), {"email": "ilse@aadorp.nl", "next": "/selectie/"})
    assert response.status_code == 302 and response.url.startswith(f"{ISSUER}/auth?")
    assert "code_challenge=" in response.url and "client_id=competentie" in response.url
    states = client.session["oidc_states"]
    assert [entry["provider"] for entry in states.values()] == [provider.pk]
    assert client.session["oidc_login_next"] == "/selectie/"


def test_an_unknown_domain_goes_back_to_the_login_page_with_a_dutch_message(client, provider):
    response = client.post(reverse("oidc-start"), {"email": "iemand@elders.nl"}, follow=True)
    assert "geen inloggen via een organisatie ingesteld" in response.content.decode()


def test_a_callback_without_a_started_flow_logs_nobody_in(client, provider):
    response = client.get(reverse("oidc-callback"), {"code": "x", "state": "y"})
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_the_password_form_refuses_members_of_an_organisation_that_switched_it_off(client, provider, org_a):
    make_user("hanna", organisation=org_a)
    provider.password_login_allowed = False
    provider.save()
    response = client.post(reverse("login"), {"username": "hanna", "password": "wachtwoord-123"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "laat inloggen met een wachtwoord niet toe" in response.content.decode()


def test_discovery_refuses_a_document_that_names_another_issuer(monkeypatch):
    class Answer:
        def raise_for_status(self):
            pass

        def json(self):
            return {**CONFIG, "issuer": "https://evil.example"}

    discovery.forget()
    monkeypatch.setattr(discovery.requests, "get", lambda url, timeout: Answer())
    with pytest.raises(discovery.ProviderUnavailable):
        discovery.configuration(ISSUER)
    assert ISSUER not in discovery._CACHE


# --- Logging out also at the provider (RP-Initiated Logout) ------------------------------------------


def _logged_in_through(client, provider, *, id_token="header.payload.signature"):
    from competentie.oidc.views import PROVIDER_SESSION_KEY

    user = make_user("ilse", organisation=provider.organisation)
    client.force_login(user)
    session = client.session
    session[PROVIDER_SESSION_KEY] = provider.pk
    session["oidc_id_token"] = id_token
    session.save()
    return user


def test_logging_out_after_a_provider_login_goes_on_to_the_providers_end_session(client, provider):
    from urllib.parse import parse_qs, urlsplit

    discovery._CACHE[ISSUER] = (float("inf"), {**CONFIG, "end_session_endpoint": f"{ISSUER}/session/end"})
    _logged_in_through(client, provider)
    response = client.post(reverse("logout"))
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "U bent uitgelogd" in page
    link = re.search(r'<a href="([^"]+)" data-provider-logout>', page).group(1).replace("&amp;", "&")
    assert f'<meta http-equiv="refresh" content="0; url={link.replace("&", "&amp;")}">' in page
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{ISSUER}/session/end"
    assert parse_qs(parts.query) == {
        "client_id": ["competentie"],
        "post_logout_redirect_uri": ["http://testserver/inloggen/"],
        "id_token_hint": ["header.payload.signature"],
    }


def test_a_provider_set_not_to_or_without_end_session_logs_out_here_only(client, provider):
    _logged_in_through(client, provider)  # CONFIG has no end_session_endpoint
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    discovery._CACHE[ISSUER] = (float("inf"), {**CONFIG, "end_session_endpoint": f"{ISSUER}/session/end"})
    provider.logout_at_provider = False
    provider.save()
    client.force_login(make_user("joost", organisation=provider.organisation))
    session = client.session
    session["oidc_login_provider"] = provider.pk
    session.save()
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")


def test_a_password_login_logs_out_here_only(client, provider):
    discovery._CACHE[ISSUER] = (float("inf"), {**CONFIG, "end_session_endpoint": f"{ISSUER}/session/end"})
    client.force_login(make_user("hanna", organisation=provider.organisation))
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert "_auth_user_id" not in client.session


def test_a_provider_login_remembers_its_provider_for_the_logout(rf, provider):
    from django.contrib.sessions.backends.db import SessionStore

    from competentie.oidc.views import PROVIDER_SESSION_KEY, ProviderLoginCallback

    request = rf.get(reverse("oidc-callback"))
    request.session = SessionStore()
    request.oidc_provider_pk = provider.pk
    view = ProviderLoginCallback()
    view.setup(request)
    view.user = make_user("ilse", organisation=provider.organisation)
    view.user.backend = "competentie.oidc.backends.OrganisationOIDCBackend"
    view.login_success()
    assert request.session[PROVIDER_SESSION_KEY] == provider.pk
