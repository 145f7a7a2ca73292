"""Sessions fit shared devices: they end when the browser closes and after the idle limit."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from competentie.security import sessions
from competentie.security.sessions import LAST_ACTIVITY

pytestmark = pytest.mark.django_db

PAGE = "/frameworks/"
NOW = 1_800_000_000


class FixedClock:
    @staticmethod
    def time() -> float:
        return NOW


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """The idle rule reads a fixed clock: "29 minutes ago" stays 29 minutes however busy the machine is."""
    monkeypatch.setattr(sessions, "time", FixedClock)


def idle(client, minutes):
    session = client.session
    session[LAST_ACTIVITY] = NOW - minutes * 60
    session.save()


def test_sessions_end_when_the_browser_closes_and_after_thirty_idle_minutes_by_default():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_IDLE_MINUTES == 30
    # The stored session does not outlive the idle limit either.
    assert settings.SESSION_COOKIE_AGE <= settings.SESSION_IDLE_MINUTES * 60 + 60


def test_the_login_cookie_is_a_browser_session_cookie(client, users):
    client.post(reverse("login"), {"username": "hr", "password": "wachtwoord-123"})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_a_user_active_within_the_limit_stays_logged_in(client_as):
    client = client_as("hr")
    client.get(PAGE)
    idle(client, 29)
    assert client.get(PAGE).status_code == 200
    assert client.session[LAST_ACTIVITY] == NOW  # the request counted as activity


def test_an_idle_user_is_logged_out_and_sent_back_after_logging_in(client_as):
    client = client_as("hr")
    client.get(PAGE)
    idle(client, 31)
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={PAGE}"
    assert "_auth_user_id" not in client.session
    login_page = client.get(response.url).content.decode()
    assert "U bent automatisch uitgelogd omdat u 30 minuten niets heeft gedaan" in login_page


def test_the_idle_limit_is_configurable(client_as, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client = client_as("hr")
    client.get(PAGE)
    idle(client, 6)
    assert client.get(PAGE).status_code == 302


def test_an_idle_htmx_request_sends_the_whole_page_to_the_login(client_as):
    client = client_as("hr")
    client.get(PAGE)
    idle(client, 31)
    response = client.post(PAGE, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/selectie/1/")
    assert response.status_code == 401
    assert response["HX-Redirect"].startswith(reverse("login") + "?next=")


def test_staying_logged_in_counts_as_activity(client_as):
    client = client_as("hr")
    client.get(PAGE)
    idle(client, 28)
    assert client.post(reverse("session-keepalive")).status_code == 204
    assert client.session[LAST_ACTIVITY] == NOW


def test_when_the_warning_runs_out_the_browser_logs_out_and_returns_after_login(client_as):
    client = client_as("hr")
    response = client.post(reverse("session-expire"), {"next": "/selectie/"})
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next=/selectie/"
    assert "_auth_user_id" not in client.session
    assert not Session.objects.filter(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).exists()
    # A foreign "next" is ignored.
    client = client_as("hr")
    response = client.post(reverse("session-expire"), {"next": "https://elders.example/"})
    assert "elders.example" not in response.url


def test_pages_carry_the_warning_with_its_texts_for_logged_in_users_only(client, client_as):
    page = client_as("selecteur").get(reverse("home")).content.decode()
    assert 'id="sessie-waarschuwing"' in page
    assert 'data-idle-seconds="1800"' in page
    assert "Ingelogd blijven" in page
    assert "js/session-timeout.js" in page
    assert 'id="sessie-waarschuwing"' not in client.get(reverse("login")).content.decode()


def test_the_warning_script_holds_no_ui_text():
    from pathlib import Path

    script = (Path(settings.BASE_DIR) / "static" / "js" / "session-timeout.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.strip().startswith(("*", "/*", "//")))
    for dutch in ["uitgelogd", "Ingelogd", "minuten", "Bent u"]:
        assert dutch not in code
