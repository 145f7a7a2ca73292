"""An organisation's house style: what the beheerder may set, what is refused, and where it shows."""

import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from competentie.notifications import events
from competentie.theming.models import Theme
from competentie.theming.tokens import contrast

pytestmark = pytest.mark.django_db

DARK_BLUE = {
    "primary_color": "#1d3a6e",
    "header_background_color": "#0b2545",
    "header_text_color": "#ffffff",
    "font": "verdana",
    "heading_font": "georgia",
}


def png(width=60, height=20, colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def post_theme(client, organisation, **changes):
    data = {**DARK_BLUE, **changes}
    return client.post(reverse("theme-edit", args=[organisation.pk]), data)


def test_contrast_is_computed_as_wcag_defines_it():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
    assert contrast("#ffffff", "#ffffff") == 1.0


def test_the_beheerder_sets_the_theme_and_it_is_audited(client_as, org_a):
    from competentie.audit.models import AuditEvent

    client = client_as("beheerder")
    assert client.get(reverse("theme-edit", args=[org_a.pk])).status_code == 200
    response = post_theme(client, org_a, logo=SimpleUploadedFile("logo.png", png(), content_type="image/png"))
    assert response.status_code == 302
    theme = Theme.objects.get(organisation=org_a)
    assert (theme.primary_color, theme.font, theme.logo_content_type) == ("#1d3a6e", "verdana", "image/png")
    assert AuditEvent.objects.filter(action="theme.saved").count() == 1


@pytest.mark.parametrize("persona", ["hr", "selecteur", "mt", "deelnemer", "begeleider"])
def test_other_roles_may_not_set_the_theme(client_as, org_a, persona):
    client = client_as(persona)
    assert client.get(reverse("theme-edit", args=[org_a.pk])).status_code == 403
    assert post_theme(client, org_a).status_code == 403
    assert not Theme.objects.exists()


def test_another_organisations_beheerder_finds_nothing(client, org_a, org_b):
    from tests.factories import make_user

    client.force_login(make_user("beheerder_beekdal", organisation=org_b, role="beheerder"))
    assert client.get(reverse("theme-edit", args=[org_a.pk])).status_code == 404
    assert client.get(reverse("theme-css", args=[org_a.pk])).status_code == 404


def test_too_little_contrast_is_refused_with_a_dutch_message_and_nothing_is_written(client_as, org_a):
    client = client_as("beheerder")
    response = post_theme(client, org_a, primary_color="#7aa7d9")
    assert response.status_code == 400
    text = response.content.decode()
    assert "De hoofdkleur heeft te weinig contrast met wit" in text and "minstens 4,5:1" in text
    response = post_theme(client, org_a, header_background_color="#0b2545", header_text_color="#334466")
    assert "De tekst in de kopbalk heeft te weinig contrast" in response.content.decode()
    assert not Theme.objects.exists()


@pytest.mark.parametrize("bad", ["red", "#12345", "#gggggg", "#1234567", "url(x)", ""])
def test_a_colour_that_is_not_hexadecimal_is_refused(client_as, org_a, bad):
    response = post_theme(client_as("beheerder"), org_a, primary_color=bad)
    assert response.status_code == 400
    assert not Theme.objects.exists()


def test_a_font_outside_the_list_is_refused(client_as, org_a):
    response = post_theme(client_as("beheerder"), org_a, font="Comic Sans; } body { display:none")
    assert response.status_code == 400
    assert not Theme.objects.exists()


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("logo.png", b"not an image at all", "image/png"),
        (
            "logo.gif",
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
            b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
            "image/gif",
        ),
        ("groot.png", png(2400, 10), "image/png"),
        ("zwaar.png", b"\x89PNG" + b"0" * (201 * 1024), "image/png"),
    ],
)
def test_a_bad_logo_upload_writes_nothing(client_as, org_a, name, content, content_type):
    client = client_as("beheerder")
    post_theme(client, org_a)  # a theme without logo first
    before = Theme.objects.get(organisation=org_a)
    response = post_theme(client, org_a, primary_color="#003366", logo=SimpleUploadedFile(name, content, content_type))
    assert response.status_code == 400
    assert "Het logo" in response.content.decode()
    after = Theme.objects.get(organisation=org_a)
    assert (after.version, after.primary_color, after.logo_content_type) == (before.version, "#1d3a6e", "")


def test_pages_wear_the_theme_at_no_extra_query(client_as, org_a, django_assert_max_num_queries):
    post_theme(client_as("beheerder"), org_a, logo=SimpleUploadedFile("logo.png", png(), content_type="image/png"))
    client = client_as("hr")
    page = client.get(reverse("home")).content.decode()
    css_url = reverse("theme-css", args=[org_a.pk])
    assert f'href="{css_url}?v=1"' in page
    assert 'class="voorbeeld-theme"' in page and "utrecht-page-header" in page
    assert 'alt="Logo van Gemeente Aadorp"' in page
    css = client.get(css_url)
    assert css["Content-Type"].startswith("text/css")
    body = css.content.decode()
    assert "--competentie-color-primary: #1d3a6e;" in body and "Verdana" in body
    logo = client.get(reverse("theme-logo", args=[org_a.pk]))
    assert logo["Content-Type"] == "image/png" and logo.content == png()


def test_the_theme_adds_no_query_to_a_page(client_as, org_a, django_assert_num_queries):
    client = client_as("hr")
    url = reverse("home")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    post_theme(client_as("beheerder"), org_a)
    with CaptureQueriesContext(connection) as themed:
        assert "huisstijl.css" in client.get(url).content.decode()
    assert len(themed) == len(plain)


def test_pages_without_a_theme_use_the_default_tokens(client_as):
    page = client_as("hr").get(reverse("home")).content.decode()
    assert "huisstijl.css" not in page and "vendor/nlds/voorbeeld-tokens.css" in page


def test_the_logo_is_public_for_emails_but_absent_is_a_404(client, org_a, client_as):
    assert client.get(reverse("theme-logo", args=[org_a.pk])).status_code == 404
    post_theme(client_as("beheerder"), org_a, logo=SimpleUploadedFile("logo.png", png(), content_type="image/png"))
    assert client.get(reverse("theme-logo", args=[org_a.pk])).status_code == 200


def test_emails_wear_the_organisations_theme(client_as, org_a, users, mailoutbox, django_capture_on_commit_callbacks):
    from competentie.organisations.models import Membership

    post_theme(client_as("beheerder"), org_a, logo=SimpleUploadedFile("logo.png", png(), content_type="image/png"))
    users["selecteur"].email = "sara@aadorp.example"
    users["selecteur"].save()
    membership = Membership.objects.get(user=users["selecteur"])
    with django_capture_on_commit_callbacks(execute=True):
        events.member_invited(membership=membership, invited_by=users["beheerder"], new_account=False)
    html = mailoutbox[-1].alternatives[0][0]
    assert "background: #0b2545; color: #ffffff" in html
    assert "background: #1d3a6e" in html and "Verdana" in html
    assert f"/organisatie/{org_a.pk}/logo/?v=" in html and 'alt="Logo van Gemeente Aadorp"' in html


def test_pdfs_wear_the_organisations_theme(client_as, org_a, tmp_path):
    client = client_as("beheerder")
    url = reverse("theme-sample-pdf", args=[org_a.pk])
    plain = client.get(url).content
    post_theme(client, org_a, logo=SimpleUploadedFile("logo.png", png(), content_type="image/png"))
    themed = client.get(url).content
    assert client_as("hr").get(url).status_code == 403
    fonts = {}
    for name, content in (("plain", plain), ("themed", themed)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        fonts[name] = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Serif" not in fonts["plain"] and "DejaVu-Serif" in fonts["themed"]  # headings: Georgia → DejaVu Serif
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "themed.pdf")], capture_output=True, text=True)
    assert "image" in images.stdout.splitlines()[-1]  # the logo
