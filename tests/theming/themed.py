"""What a themed e-mail carries (the DARK_BLUE theme of tests/theming/test_theme.py), for tests elsewhere."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .test_theme import DARK_BLUE, png


def theme_with_logo(organisation, client):
    """The beheerder's client sets the dark-blue theme with a logo, as on the theme page."""
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    response = client.post(reverse("theme-edit", args=[organisation.pk]), {**DARK_BLUE, "logo": logo})
    assert response.status_code == 302, response.content.decode()[:500]


def assert_themed(message, organisation):
    """The HTML part wears the organisation's colours, font and logo."""
    html = message.alternatives[0][0]
    assert "background: #0b2545; color: #ffffff" in html, message.subject
    assert "Verdana" in html and "Georgia" in html, message.subject
    if "<a href=" in html:  # the button, when the message has a link: the primary colour
        assert "background: #1d3a6e" in html, message.subject
    assert f"/organisatie/{organisation.pk}/logo/?v=" in html, message.subject
    assert f'alt="Logo van {organisation.name}"' in html, message.subject
