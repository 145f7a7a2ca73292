"""/.well-known/security.txt follows RFC 9116 and SECURITY.md describes the disclosure procedure."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.strip().splitlines())


def test_anyone_reads_the_security_contact_without_logging_in(client, settings):
    settings.SECURITY_CONTACT = "security@gemeente.example"
    settings.SITE_URL = "https://competentie.gemeente.example"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response.content.decode())
    assert found["Contact"] == "mailto:security@gemeente.example"
    assert found["Preferred-Languages"] == "nl, en"
    assert found["Canonical"] == "https://competentie.gemeente.example/.well-known/security.txt"
    expires = datetime.strptime(found["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert 0 < (expires - datetime.now(UTC)).days <= 366  # RFC 9116: less than a year ahead
    assert client.post("/.well-known/security.txt").status_code == 405


def test_the_expiry_date_comes_from_the_environment(client, settings):
    settings.SECURITY_TXT_EXPIRES = "2027-06-30"
    assert fields(client.get("/.well-known/security.txt").content.decode())["Expires"] == "2027-06-30T23:59:59Z"


def test_security_md_has_a_coordinated_disclosure_section_naming_the_file():
    text = (Path(settings.BASE_DIR) / "SECURITY.md").read_text(encoding="utf-8")
    section = re.search(r"## Gecoördineerde melding van kwetsbaarheden\n(.*?)\n## ", text, re.S).group(1)
    assert "/.well-known/security.txt" in section and "SECURITY_CONTACT" in section
    assert "90 dagen" in section and "vijf werkdagen" in section
