"""Issue 30.2: every outgoing e-mail wears the organisation's house style, not only the invitations.

All e-mails are rendered by competentie/notifications/mail.py from templates that extend one base;
a context that does not name its organisation is refused, so no path can send an unthemed mail."""

from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from competentie.notifications import mail as notification_mail
from competentie.theming.tokens import DEFAULT

from .themed import assert_themed, theme_with_logo

pytestmark = pytest.mark.django_db

TEMPLATES = Path(notification_mail.__file__).parent / "templates" / "notifications" / "email"
NAMES = sorted(p.name.removesuffix(".subject.txt") for p in TEMPLATES.glob("*.subject.txt"))


def test_there_are_templates_to_check():
    assert {"fairness_questionnaire", "rejection_letter", "rater_invitation", "password_reset"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_email_template_wears_the_theme_of_the_organisation_it_names(name, org_a, users, client_as):
    theme_with_logo(org_a, client_as("beheerder"))
    message = notification_mail.render_message(
        name,
        users["hr"],
        {"organisation_id": org_a.pk, "url": "https://competentie.example.nl/", "count": 1, "open_count": 1},
    )
    assert_themed(message, org_a)


def test_an_email_that_does_not_name_its_organisation_is_refused(users):
    with pytest.raises(ValueError, match="organisation_id"):
        notification_mail.render_message("review_request", users["hr"], {"url": "https://x.example/"})
    neutral = notification_mail.render_message("review_request", users["hr"], {"organisation_id": None})
    assert f"background: {DEFAULT.header_background_color}" in neutral.alternatives[0][0]


def test_the_password_reset_mail_wears_the_persons_organisations_theme(client, org_a, users, client_as):
    theme_with_logo(org_a, client_as("beheerder"))
    users["selecteur"].email = "sara@aadorp.nl"
    users["selecteur"].save()
    mail.outbox.clear()
    response = client.post(reverse("password_reset"), {"email": "sara@aadorp.nl"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Nieuw wachtwoord voor Competentie" and message.to == ["sara@aadorp.nl"]
    assert_themed(message, org_a)
    assert "Nieuw wachtwoord kiezen" in message.alternatives[0][0]
    assert (
        "Uw gebruikersnaam is: selecteur" in message.body and "http://testserver/wachtwoord-instellen/" in message.body
    )
