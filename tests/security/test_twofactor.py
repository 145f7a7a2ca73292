"""Two-factor authentication for the roles that see personal data or administer (django-otp, TOTP)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "wachtwoord-123"
PAGE = "/selectie/"


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA_FOR_ROLES = ["hr", "beheerder"]
    settings.REQUIRE_2FA_FOR_SUPERUSERS = True


def log_in(username):
    client = Client()
    assert client.post(reverse("login"), {"username": username, "password": PASSWORD}).status_code == 302
    return client


def code(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def set_up(client) -> tuple[TOTPDevice, list[str]]:
    """Walk through the setup page like a person with an authenticator app."""
    page = client.get(reverse("twofactor-setup") + f"?next={PAGE}")
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.filter(confirmed=False).latest("pk")
    response = client.post(reverse("twofactor-setup"), {"code": code(device), "next": PAGE})
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())
    return device, codes


def test_two_factor_is_off_in_the_demo_and_in_tests_by_default(users):
    from django.conf import settings as django_settings

    assert django_settings.REQUIRE_2FA_FOR_ROLES == []
    assert django_settings.REQUIRE_2FA_FOR_SUPERUSERS is False
    assert log_in("hr").get(PAGE).status_code == 200


def test_production_defaults_require_it_for_hr_beheerder_and_superusers():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "REQUIRE_2FA_FOR_ROLES"}}
    env.update(DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="competentie.example.nl")
    result = subprocess.run(
        [sys.executable, "manage.py", "diffsettings"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "REQUIRE_2FA_FOR_ROLES = ['hr', 'beheerder']" in result.stdout, result.stderr
    assert "REQUIRE_2FA_FOR_SUPERUSERS = True" in result.stdout


def test_hr_sets_up_an_app_on_first_login_and_gets_recovery_codes(users, required):
    client = log_in("hr")
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("twofactor-setup"))
    # Nothing else opens before the second step.
    assert client.get(reverse("selectie:procedure-list")).status_code == 302
    device, codes = set_up(client)
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(PAGE).status_code == 200


def test_a_wrong_code_during_setup_is_refused_with_a_dutch_message(users, required):
    client = log_in("beheerder")
    client.get(reverse("twofactor-setup"))
    response = client.post(reverse("twofactor-setup"), {"code": "000000"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(PAGE).status_code == 302


def test_next_login_asks_for_the_app_code_and_a_recovery_code_works_once(users, required):
    device, codes = set_up(log_in("hr"))
    client = log_in("hr")
    response = client.get(PAGE)
    assert response.url.startswith(reverse("twofactor-verify"))
    wrong = client.post(reverse("twofactor-verify"), {"code": "123456", "next": PAGE})
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    # django-otp throttles after a wrong code (1 s, then doubling); a person simply tries again later.
    for model in (TOTPDevice, StaticDevice):
        model.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert client.post(reverse("twofactor-verify"), {"code": code(device, drift=1), "next": PAGE}).url == PAGE
    assert client.get(PAGE).status_code == 200

    with_recovery = log_in("hr")
    response = with_recovery.post(reverse("twofactor-verify"), {"code": codes[0], "next": PAGE})
    assert response.status_code == 302
    assert with_recovery.get(PAGE).status_code == 200
    again = log_in("hr")
    assert again.post(reverse("twofactor-verify"), {"code": codes[0], "next": PAGE}).status_code == 400


def test_roles_without_personal_data_are_not_asked(users, required):
    for persona in ["selecteur", "mt"]:
        assert log_in(persona).get(PAGE).status_code == 200


def test_platform_superusers_need_it_for_the_admin(db, required):
    get_user_model().objects.create_superuser("operator", "ops@example.nl", PASSWORD)
    client = log_in("operator")
    response = client.get("/beheer/")
    assert response.status_code == 302 and response.url.startswith(reverse("twofactor-setup"))
    set_up(client)
    assert client.get("/beheer/").status_code == 200


def test_a_verified_user_can_replace_the_recovery_codes(users, required):
    client = log_in("hr")
    _device, old = set_up(client)
    assert "nog 10 ongebruikte herstelcodes" in client.get(reverse("twofactor-recovery-codes")).content.decode()
    new = re.findall(r"<li>([a-z2-7]{8})</li>", client.post(reverse("twofactor-recovery-codes")).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert log_in("hr").post(reverse("twofactor-verify"), {"code": old[1]}).status_code == 400


def test_the_second_step_refuses_a_foreign_next_address(users, required):
    device, _codes = set_up(log_in("hr"))
    client = log_in("hr")
    response = client.post(
        reverse("twofactor-verify"), {"code": code(device, drift=1), "next": "https://elders.example/"}
    )
    assert response.status_code == 302 and "elders" not in response.url
