"""Login through two organisations' own identity providers: real OpenID Connect providers, real redirects.

Two processes of the npm package oidc-provider (tests/oidc/provider.mjs, installed by `make test`
into tests/oidc/node_modules) run for the session, one per organisation, on two loopback addresses
(so their cookies stay apart). Each reads its people from a JSON file that the test rewrites to
change someone's groups between logins.
"""

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from competentie.audit.models import AuditEvent
from competentie.oidc import discovery
from competentie.oidc.models import ExternalIdentity, GroupRole, IdentityProvider
from competentie.organisations.models import Membership

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
Role = Membership.Role


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_providers(live_server, tmp_path_factory):
    """Two running providers (A on 127.0.0.1, B on 127.0.0.2), killed after the session."""
    if not (OIDC_DIR / "node_modules" / "oidc-provider").exists():
        pytest.fail("oidc-provider is not installed: run `make test` (it runs npm ci in tests/oidc).")
    directory = tmp_path_factory.mktemp("oidc")
    running, processes = {}, []
    try:
        for name, host in (("a", "127.0.0.1"), ("b", "127.0.0.2")):
            port = _free_port(host)
            accounts = directory / f"accounts-{name}.json"
            accounts.write_text("{}")
            issuer = f"http://{host}:{port}"
            environment = {
                **os.environ,
                "ISSUER": issuer,
                "PORT": str(port),
                "CLIENT_ID": f"competentie-{name}",
                "CLIENT_SECRET": f"geheim-{name}-" + "x" * 32,
                "REDIRECT_URI": f"{live_server.url}/inloggen/organisatie/terug/",
                "POST_LOGOUT_REDIRECT_URI": f"{live_server.url}/inloggen/",
                "ACCOUNTS": str(accounts),
            }
            process = subprocess.Popen(
                ["node", "provider.mjs"],
                cwd=OIDC_DIR,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            processes.append(process)
            running[name] = {"issuer": issuer, "accounts": accounts, **environment}
        for process, provider in zip(processes, running.values()):
            # Ready when it answers; a provider that stopped is a failure. No clock decides: Node
            # starts slowly on a busy machine, and waiting longer is not a wrong answer.
            while True:
                try:
                    urllib.request.urlopen(provider["issuer"] + "/.well-known/openid-configuration", timeout=5)
                    break
                except OSError:
                    if process.poll() is not None:
                        raise RuntimeError(f"oidc-provider stopped with code {process.returncode}") from None
                    time.sleep(0.2)
        yield running
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def people(provider, accounts: dict) -> None:
    provider["accounts"].write_text(json.dumps(accounts))


def configure(provider, organisation, domain, monkeypatch, groups: dict, **extra) -> IdentityProvider:
    env = f"OIDC_{provider['CLIENT_ID'].upper().replace('-', '_')}"
    monkeypatch.setenv(env, provider["CLIENT_SECRET"])
    configured = IdentityProvider.objects.create(
        organisation=organisation,
        issuer=provider["issuer"],
        client_id=provider["CLIENT_ID"],
        secret_env=env,
        email_domains=domain,
        **extra,
    )
    for group, role in groups.items():
        GroupRole.objects.create(provider=configured, group=group, role=role)
    discovery.forget()
    return configured


def provider_login(page, username, password="wachtwoord"):
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Inloggen").click()


def log_out(page):
    """Out of Competentie, and on to the provider's end_session_endpoint to log out there too."""
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Uitloggen bij de testprovider")).to_be_visible()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Ja, uitloggen").click()
    expect(page.get_by_role("heading", name="Inloggen", exact=True)).to_be_visible()
    assert page.url.endswith("/inloggen/")
    page.context.clear_cookies()  # also the providers' sessions: the next login asks again


def role(user, organisation):
    return Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True).first()


def test_two_organisations_log_in_through_their_own_providers(
    page, oidc_providers, org_a, org_b, users, monkeypatch, settings
):
    settings.REQUIRE_2FA_FOR_ROLES = ["hr", "beheerder"]
    a, b = oidc_providers["a"], oidc_providers["b"]
    configure(
        a,
        org_a,
        "aadorp.nl",
        monkeypatch,
        {"hr-team": Role.HR, "selectie": Role.SELECTEUR},
        password_login_allowed=False,
    )
    configure(b, org_b, "beekdal.nl", monkeypatch, {"mt": Role.MANAGEMENT})
    ilse = {"password": "wachtwoord", "sub": "a-ilse", "email": "ilse@aadorp.nl", "given_name": "Ilse"}
    people(a, {"ilse": {**ilse, "groups": ["hr-team", "selectie"], "amr": ["pwd", "mfa"]}})
    # At B someone else uses the same e-mail address: never A's Ilse.
    people(b, {"piet": {"password": "wachtwoord", "sub": "b-piet", "email": "ilse@aadorp.nl", "groups": ["mt"]}})

    # Organisation A, found from the e-mail domain; the provider's MFA is the second step.
    page.goto("/inloggen/")
    page.get_by_label("Uw e-mailadres van het werk").fill("ilse@aadorp.nl")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Verder via uw organisatie").click()
    expect(page.get_by_role("heading", name="Inloggen bij de testprovider")).to_be_visible()
    provider_login(page, "ilse")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    account = ExternalIdentity.objects.get(issuer=a["issuer"], subject="a-ilse").user
    assert role(account, org_a) == Role.HR
    log_out(page)

    # Without the provider's MFA, HR gets our own second step (the authenticator app).
    people(a, {"ilse": {**ilse, "groups": ["hr-team", "selectie"], "amr": ["pwd"]}})
    page.goto("/inloggen/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Gemeente Aadorp").click()
    provider_login(page, "ilse")
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    page.context.clear_cookies()

    # HR is taken away at the provider: selecteur at the next login.
    people(a, {"ilse": {**ilse, "groups": ["selectie"], "amr": ["pwd"]}})
    page.goto("/inloggen/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Gemeente Aadorp").click()
    provider_login(page, "ilse")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    assert role(account, org_a) == Role.SELECTEUR
    log_out(page)

    # Every group gone: the membership goes and the login is refused, in Dutch.
    people(a, {"ilse": {**ilse, "groups": [], "amr": ["pwd"]}})
    page.goto("/inloggen/")
    page.get_by_role("link", name="Gemeente Aadorp").click()
    provider_login(page, "ilse")
    expect(page.get_by_text("Uw organisatie heeft u (nog) geen rol in Competentie gegeven")).to_be_visible()
    assert role(account, org_a) is None
    page.context.clear_cookies()

    # Organisation B through its own provider: a new account, in B only.
    page.goto("/inloggen/")
    page.get_by_role("link", name="Gemeente Beekdal").click()
    provider_login(page, "piet")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    piet = ExternalIdentity.objects.get(issuer=b["issuer"], subject="b-piet").user
    assert piet != account and role(piet, org_b) == Role.MANAGEMENT
    assert role(account, org_b) is None and role(piet, org_a) is None
    assert AuditEvent.objects.filter(action="oidc.login").count() == 4
    assert AuditEvent.objects.filter(action="membership.role_changed", params__source="oidc").count() == 1
    assert AuditEvent.objects.filter(action="membership.removed", params__source="oidc").count() == 1
    log_out(page)

    # A switched password login off: its members are told to log in through the organisation.
    log_in(page, "hr")
    expect(page.get_by_text("Uw organisatie laat inloggen met een wachtwoord niet toe")).to_be_visible()
    # B did not: B's members still log in with their password (HR then sets up our own TOTP).
    log_in(page, "hr_beekdal")
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
