"""HR logs in with a password and an authenticator app: setup, recovery codes, and the next login."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def code(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def test_hr_sets_up_two_factor_and_uses_it_at_the_next_login(page, users, seeded, settings):
    settings.REQUIRE_2FA_FOR_ROLES = ["hr", "beheerder"]
    log_in(page, "hr")
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)

    device = TOTPDevice.objects.get(user=users["hr"])
    page.get_by_label("Code").fill(code(device))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    page.get_by_role("link", name="Ik heb de codes bewaard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")

    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, "hr")
    expect(page.get_by_role("heading", name="Code invullen")).to_be_visible()
    page.get_by_label("Code").fill(code(device, drift=1))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
