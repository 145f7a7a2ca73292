"""The round page's list of colleagues to invite: every member who does not take part yet, by name,
written as plain values (the list grows with the organisation, the page's work should not)."""

import re

import pytest
from django.urls import reverse

from competentie.organisations.models import Membership
from tests.factories import make_user
from zelfevaluatie.models import Participant

from .conftest import start_round

pytestmark = pytest.mark.django_db


def invite_options(html: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="user"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1)) if select else []


def test_the_list_names_every_member_not_yet_taking_part_and_the_choice_is_accepted(
    client_as, users, org_a, org_b, vth
):
    named = make_user("lid_met_naam", organisation=org_a, first_name="Noor", last_name="Bakker")
    unnamed = make_user("lid_zonder_naam", organisation=org_a, role=Membership.Role.SELECTEUR)
    elsewhere = make_user("lid_elders", organisation=org_b)
    round = start_round(org_a, users["mt"], vth, participants=[users["selecteur"]])
    client = client_as("mt")
    url = reverse("zelfevaluatie:round-detail", args=[round.pk])
    options = invite_options(client.get(url).content.decode())
    assert options[0] == ("", "Maak een keuze")
    assert (str(named.pk), "Noor Bakker") in options and (str(unnamed.pk), "lid_zonder_naam") in options
    taking_part = {str(p.user_id) for p in Participant.objects.filter(round=round)}
    assert not taking_part & {value for value, _name in options}
    assert all(name != "lid_elders" for _value, name in options)  # another organisation's member
    add = reverse("zelfevaluatie:participant-add", args=[round.pk])
    before = Participant.objects.filter(round=round).count()
    for nonsense in (elsewhere.pk, "", "iemand"):  # not in the list: refused in Dutch, nobody added
        page = client.post(add, {"user": nonsense}, follow=True).content.decode()
        assert "Kies een collega uit de lijst." in page
    assert Participant.objects.filter(round=round).count() == before
    client.post(add, {"user": named.pk})
    assert Participant.objects.filter(round=round, user=named).exists()
    assert (str(named.pk), "Noor Bakker") not in invite_options(client.get(url).content.decode())


def test_when_everyone_takes_part_the_page_says_so_instead_of_an_empty_list(client_as, users, org_a, vth):
    from django.contrib.auth import get_user_model

    members = get_user_model().objects.filter(memberships__organisation=org_a).distinct()
    round = start_round(org_a, users["mt"], vth, participants=[m for m in members if m != users["mt"]])
    html = client_as("mt").get(reverse("zelfevaluatie:round-detail", args=[round.pk])).content.decode()
    assert invite_options(html) == []
    assert "Iedereen van de organisatie doet al mee: er is niemand meer om uit te nodigen." in html
