import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

WITH_AXES = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES, AXES_FAILURE_LIMIT=5)
def test_login_is_throttled_after_five_wrong_passwords(client, users):
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "hr", "password": "fout"})
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
    # Even the right password is refused during the cool-off period.
    response = client.post(reverse("login"), {"username": "hr", "password": "wachtwoord-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AUTHENTICATION_BACKENDS=WITH_AXES)
def test_a_wrong_password_shows_a_dutch_error_and_a_right_one_logs_in(client, users):
    response = client.post(reverse("login"), {"username": "hr", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    response = client.post(reverse("login"), {"username": "hr", "password": "wachtwoord-123"})
    assert response.status_code == 302


def test_pages_forbid_inline_script_and_framing(client_as):
    response = client_as("hr").get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_templates_contain_no_inline_script():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = []
    for template in list(root.glob("templates/**/*.html")) + list(root.glob("*/templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", text):
            offenders.append(f"{template.relative_to(root)}: {match.group(0)}")
        if re.search(r"\son[a-z]+=\"", text):
            offenders.append(f"{template.relative_to(root)}: inline event handler")
    assert not offenders, "\n".join(offenders)


def test_refusals_explain_themselves_in_dutch(client_as, framework_b):
    client = client_as("selecteur")
    forbidden = client.get(reverse("frameworks:framework-create"))
    assert forbidden.status_code == 403
    assert "Geen toegang" in forbidden.content.decode()
    missing = client.get(reverse("frameworks:framework-detail", args=[framework_b.pk]))
    assert missing.status_code == 404
    assert "Pagina niet gevonden" in missing.content.decode()
