"""A new colleague joins through the invitation e-mail; each role finds its own work on the home page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from frameworks.models import Framework

from ..test_home import build_work
from .conftest import ARTIFACTS, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SCREENS = ARTIFACTS / "home"


def test_invitation_email_link_gives_a_new_colleague_a_working_account_with_the_right_role(page, users, seeded):
    mail.outbox.clear()
    log_in(page, "beheerder")
    page.get_by_role("link", name="Leden", exact=True).click()
    page.get_by_label("Voornaam").fill("Nora")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("E-mailadres").fill("nora.bakker@aadorp.nl")
    page.locator("#id_role").select_option(label="Selecteur")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("status").filter(has_text="Nora Bakker is toegevoegd")).to_be_visible()
    expect(page.get_by_text("uitgenodigd, nog geen wachtwoord")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    assert [m.to for m in mail.outbox] == [["nora.bakker@aadorp.nl"]]
    link = re.search(r"https?://\S+(/uitnodiging/\S+/)", mail.outbox[0].body).group(1)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom: kies uw wachtwoord")
    page.locator("#id_new_password1").fill("Tulpenveld-2027!")
    page.locator("#id_new_password2").fill("Tulpenveld-2027!")
    page.get_by_role("button", name="Wachtwoord opslaan en beginnen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    expect(page.get_by_text("Welkom, Nora Bakker.")).to_be_visible()
    expect(page.get_by_role("heading", name="Kandidaten om te beoordelen")).to_be_visible()
    expect(page.get_by_role("link", name="Selectie", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Zelfevaluatie", exact=True)).to_have_count(0)

    # The link worked once; the new password works from now on.
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(link)
    expect(page.get_by_text("Deze link werkt niet meer")).to_be_visible()
    log_in(page, "nora.bakker@aadorp.nl", password="Tulpenveld-2027!")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")


NAMES = {
    "hr": ("Hanna", "Rutten"),
    "selecteur": ("Sara", "El Amrani"),
    "mt": ("Mark", "Teunissen"),
    "beheerder": ("Bas", "Hendriks"),
}
SECTIONS = {
    "hr": "Selectieprocedures die op u wachten",
    "selecteur": "Kandidaten om te beoordelen",
    "mt": "Zelfevaluatie",
    "beheerder": "Leden van uw organisatie",
}


def test_each_role_sees_its_own_work_on_the_home_page(page, users, org_a, org_b, seeded):
    for persona, (first, last) in NAMES.items():
        users[persona].first_name, users[persona].last_name = first, last
        users[persona].save()
    vth = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    _day, evaluation = build_work(users, org_a, org_b, vth, vth.profiles.get(name="Vergunningverlener"))
    SCREENS.mkdir(parents=True, exist_ok=True)
    for persona, section in SECTIONS.items():
        log_in(page, persona)
        expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
        expect(page.get_by_role("heading", level=2, name=section)).to_be_visible()
        for width in (1366, 1024):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=SCREENS / f"home-{persona}-{width}.png", full_page=True)
        page.get_by_role("button", name="Uitloggen").click()
    # A peer of another organisation sees the invitation to a collegiale toetsing.
    peer = evaluation.peer_reviews.get().reviewer
    peer.first_name, peer.last_name = "Petra", "Jansen"
    peer.set_password("wachtwoord-123")
    peer.save()
    log_in(page, peer.username)
    expect(page.get_by_role("heading", level=2, name="Uitnodigingen voor collegiale toetsing")).to_be_visible()
    for width in (1366, 1024):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENS / f"home-peer-{width}.png", full_page=True)
