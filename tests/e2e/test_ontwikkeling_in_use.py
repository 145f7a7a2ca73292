"""The development programme in use: the owner invites two participants and a coach by e-mail (delivered
by a real SMTP server), each sets a password through the link, finds their work on "Mijn werk" and hands
it in; a removed participant disappears from the cohort's figures."""

import email
import re
import socket
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from competentie.organisations.models import Membership, Organisation
from ontwikkeling import services
from ontwikkeling.guide import guide_texts_load
from ontwikkeling.models import Participant

from ..factories import make_user
from ..ontwikkeling.conftest import build_programme, fill_in
from .conftest import ARTIFACTS, answer_questionnaire, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free port; the app talks to it as in production (EMAIL_HOST)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received = []

    class Collect(Message):
        def handle_message(self, message):
            received.append(message)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Collect(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield received
    controller.stop()


def text_of(message: email.message.Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def mail_to(received, address):
    return next(m for m in received if m["To"] == address)


def accept(page, received, address, password):
    """Open the invitation link from the e-mail and choose a password: the home page follows."""
    body = text_of(mail_to(received, address))
    link = re.search(r"https?://\S+(/uitnodiging/\S+/)", body).group(1)
    page.goto(link)
    page.locator("#id_new_password1").fill(password)
    page.locator("#id_new_password2").fill(password)
    page.get_by_role("button", name="Wachtwoord opslaan en beginnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/inloggen/"))


def invite(page, address, first, last, role, coach=None):
    form = page.locator("form[action$='uitnodigen-per-e-mail/']")
    form.get_by_label("E-mailadres").fill(address)
    form.get_by_label("Voornaam").fill(first)
    form.get_by_label("Achternaam").fill(last)
    form.get_by_role("radio", name=role).check()
    if coach:
        form.locator("select[name=coach]").select_option(label=coach)
    form.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("status").filter(has_text=f"{first} {last} is uitgenodigd per e-mail")).to_be_visible()


def test_owner_invites_by_email_each_finds_their_work_and_a_removed_participant_leaves_the_figures(page, smtp):
    guide_texts_load()
    organisation = Organisation.objects.create(name="Gemeente Aadorp")
    owner = make_user("hr_aadorp", organisation=organisation, role=Membership.Role.HR)
    programme = build_programme(organisation, owner)
    cohort = services.cohort_create(programme=programme, name="Lichting 2027", user=owner)
    services.windows_save(
        cohort=cohort,
        windows={
            "voormeting": (TODAY - timedelta(days=2), TODAY + timedelta(days=12)),
            "einde": (TODAY - timedelta(days=1), TODAY + timedelta(days=30)),
        },
    )
    # Four colleagues already took part (arranged): with the two invited, six pairs for the effect.
    arranged = []
    for number in range(4):
        user = make_user(f"eerder{number}", organisation=organisation, role=Membership.Role.DEELNEMER)
        participant = services.participant_invite(cohort=cohort, username=user.username)
        fill_in(participant, "voormeting")
        fill_in(participant, "einde", level_index=1 + number % 2)
        arranged.append(participant)
    SCREENS = ARTIFACTS / "ontwikkeling-in-use"
    SCREENS.mkdir(parents=True, exist_ok=True)

    # The owner invites a coach and two participants by e-mail from the cohort page.
    log_in(page, "hr_aadorp")
    page.goto(f"/ontwikkeling/groepen/{cohort.pk}/")
    invite(page, "coach@aadorp.nl", "Chris", "Coach", "Begeleider")
    invite(page, "noor@aadorp.nl", "Noor", "Visser", "Deelnemer", coach="Chris Coach")
    invite(page, "sam@aadorp.nl", "Sam", "de Jong", "Deelnemer", coach="Chris Coach")
    page.screenshot(path=SCREENS / "cohort.png", full_page=True)
    log_out(page)

    # Three e-mails went out through SMTP, each naming the programme and the first measurement.
    assert sorted(m["To"] for m in smtp) == ["coach@aadorp.nl", "noor@aadorp.nl", "sam@aadorp.nl"]
    noor_mail = " ".join(text_of(mail_to(smtp, "noor@aadorp.nl")).split())
    assert mail_to(smtp, "noor@aadorp.nl")["Subject"] == "Uitnodiging: ontwikkelprogramma Traineeship Aadorp"
    assert "Uw eerste meting is de voormeting" in noor_mail and "Traineeship Aadorp" in noor_mail
    assert "als begeleider" in text_of(mail_to(smtp, "coach@aadorp.nl"))

    # Each participant sets a password, finds the open voormeting with its deadline and hands it in.
    for address, password in (("noor@aadorp.nl", "Tulpenveld-2027!"), ("sam@aadorp.nl", "Havenkade-2027!")):
        accept(page, smtp, address, password)
        card = page.locator("[data-werk=ontwikkeling]")
        expect(card.get_by_role("heading", name="Mijn metingen")).to_be_visible()
        expect(card).to_contain_text("uiterlijk")
        page.screenshot(path=SCREENS / f"home-{address.split('@')[0]}.png", full_page=True)
        card.get_by_role("link", name="Vragenlijst voormeting invullen").click()
        answer_questionnaire(page, "first")
        page.goto("/")
        expect(page.locator("[data-werk=ontwikkeling]")).to_contain_text("Vragenlijst aan het einde van het programma")
        page.locator("[data-werk=ontwikkeling]").get_by_role("link", name=re.compile("aan het einde")).click()
        answer_questionnaire(page, "last")
        log_out(page)

    # The coach sets a password and sees both participants with their status.
    accept(page, smtp, "coach@aadorp.nl", "Kastanje-2027!")
    card = page.locator("[data-werk=begeleiden]")
    for name in ("Noor Visser", "Sam de Jong"):
        expect(card.get_by_role("listitem").filter(has_text=name)).to_contain_text("Ingeleverd")
    page.screenshot(path=SCREENS / "home-coach.png", full_page=True)
    card.get_by_role("link", name="Noor Visser").click()
    expect(page.locator("svg.growth-chart")).to_be_visible()
    log_out(page)

    # The owner sees the progress, the effect of six pairs, removes Sam, and the figures follow.
    log_in(page, "hr_aadorp")
    expect(page.locator("[data-werk=voortgang]")).to_contain_text("6 van 6 ingeleverd")
    page.goto(f"/ontwikkeling/groepen/{cohort.pk}/resultaten/")
    effect = page.get_by_role("table", name="Effect per competentie en per niveau")
    expect(effect.get_by_role("row", name=re.compile(r"^voormeting → einde 6 "))).to_have_count(4)
    page.goto(f"/ontwikkeling/groepen/{cohort.pk}/")
    page.get_by_role("row", name=re.compile("Sam de Jong")).get_by_role("link").click()
    page.get_by_role("radio", name=re.compile("^Verwijderen")).check()
    page.get_by_role("button", name="Uit de groep halen").click()
    expect(page.get_by_role("status").filter(has_text="uit de groep gehaald")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Sam de Jong"))).to_have_count(0)
    expect(page.get_by_text("Voormeting: 5")).to_be_visible()
    page.goto(f"/ontwikkeling/groepen/{cohort.pk}/resultaten/")
    expect(effect.get_by_role("row", name=re.compile(r"^voormeting → einde 5 "))).to_have_count(4)
    page.screenshot(path=SCREENS / "results.png", full_page=True)
    assert not Participant.objects.filter(user__email="sam@aadorp.nl").exists()
    report = page.request.get(f"/ontwikkeling/groepen/{cohort.pk}/rapport.pdf")
    assert report.ok and report.headers["content-type"] == "application/pdf"
