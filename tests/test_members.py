"""Members managed in the app by the organisation's administrator (beheerder)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from competentie import audit
from competentie.organisations import services
from competentie.organisations.models import Membership
from frameworks.models import Framework
from zelfevaluatie import services as round_services

from .factories import make_user
from .zelfevaluatie.conftest import start_round

pytestmark = pytest.mark.django_db
Role = Membership.Role


def invite(client, **data):
    payload = {"first_name": "Nora", "last_name": "Bakker", "email": "Nora.Bakker@aadorp.nl", "role": "mt"}
    payload.update(data)
    return client.post(reverse("member-invite"), payload)


def test_beheerder_invites_a_colleague_who_sets_a_password_and_has_the_role(
    client_as, org_a, django_capture_on_commit_callbacks
):
    beheerder = client_as("beheerder")
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(beheerder, organisation=org_a.pk)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nora.bakker@aadorp.nl")
    assert (user.first_name, user.last_name, user.has_usable_password()) == ("Nora", "Bakker", False)
    assert Membership.objects.get(user=user, organisation=org_a).role == Role.MANAGEMENT
    assert [m.to for m in mail.outbox] == [["nora.bakker@aadorp.nl"]]
    message = mail.outbox[0]
    assert message.subject == "Welkom bij Competentie van Gemeente Aadorp"
    assert "met de rol Managementteam" in message.body
    link = re.search(r"http://[^/\s]+(/uitnodiging/\S+/)", message.body).group(1)
    from django.test import Client

    newcomer = Client()
    form = newcomer.get(link, follow=True)
    assert "Welkom: kies uw wachtwoord" in form.content.decode()
    done = newcomer.post(
        form.redirect_chain[-1][0], {"new_password1": "Tulpenveld-2027!", "new_password2": "Tulpenveld-2027!"}
    )
    assert done.status_code == 302 and done.url == reverse("home")
    home = newcomer.get(reverse("home")).content.decode()
    assert "Nora Bakker" in home and reverse("zelfevaluatie:round-list") in home
    # The link works once.
    assert "Deze link werkt niet meer" in Client().get(link, follow=True).content.decode()


def test_inviting_someone_with_an_account_elsewhere_adds_that_account(client_as, org_a, org_b):
    existing = make_user("petra", organisation=org_b, role=Role.MANAGEMENT, email="petra@beekdal.nl")
    invite(client_as("beheerder"), email="PETRA@beekdal.nl", role="selecteur", organisation=org_a.pk)
    assert Membership.objects.get(user=existing, organisation=org_a).role == Role.SELECTEUR
    assert get_user_model().objects.filter(email__iexact="petra@beekdal.nl").count() == 1


def test_inviting_a_member_twice_is_refused(users, org_a):
    users["mt"].email = "mt@aadorp.nl"
    users["mt"].save()
    with pytest.raises(ValidationError) as error:
        services.member_invite(
            organisation=org_a,
            email="mt@aadorp.nl",
            first_name="M",
            last_name="T",
            role="mt",
            invited_by=users["beheerder"],
        )
    assert error.value.error_list[0].code == "already_member"


def test_role_change_and_the_last_administrator_rule(client_as, users, org_a):
    membership = Membership.objects.get(user=users["selecteur"], organisation=org_a)
    client = client_as("beheerder")
    client.post(reverse("member-role", args=[membership.pk]), {f"lid-{membership.pk}-role": "hr"})
    membership.refresh_from_db()
    assert membership.role == Role.HR
    own = Membership.objects.get(user=users["beheerder"], organisation=org_a)
    with pytest.raises(ValidationError) as error:
        services.member_role_change(membership=own, role="mt", changed_by=users["beheerder"])
    assert error.value.error_list[0].code == "last_administrator"


def test_deactivated_members_cannot_log_in_and_removed_members_lose_access(client_as, users, org_a):
    client = client_as("beheerder")
    membership = Membership.objects.get(user=users["mt"], organisation=org_a)
    client.post(reverse("member-active", args=[membership.pk]))
    users["mt"].refresh_from_db()
    assert users["mt"].is_active is False
    from django.test import Client

    assert not Client().login(username="mt", password="wachtwoord-123")
    client.post(reverse("member-active", args=[membership.pk]))
    users["mt"].refresh_from_db()
    assert users["mt"].is_active is True
    page = client.get(reverse("member-remove", args=[membership.pk]))
    assert page.status_code == 200
    client.post(reverse("member-remove", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_every_change_on_the_members_page_is_in_the_audit_log(client_as, users, org_a):
    client = client_as("beheerder")
    invite(client, organisation=org_a.pk, role="mt")
    newcomer = Membership.objects.get(user__email="nora.bakker@aadorp.nl")
    client.post(reverse("member-role", args=[newcomer.pk]), {f"lid-{newcomer.pk}-role": "hr"})
    client.post(reverse("member-remove", args=[newcomer.pk]))
    events = list(audit.history_for(org_a))
    assert [(e.action, e.actor) for e in reversed(events)] == [
        ("membership.added", users["beheerder"]),
        ("membership.role_changed", users["beheerder"]),
        ("membership.removed", users["beheerder"]),
    ]
    assert events[1].text == "Rol van nora.bakker@aadorp.nl gewijzigd van Managementteam in HR / framework-auteur."


def test_only_the_administrator_manages_members(client_as, users, org_a, outsider_membership):
    membership = Membership.objects.get(user=users["selecteur"], organisation=org_a)
    for persona in ("hr", "selecteur", "mt"):
        client = client_as(persona)
        assert client.get(reverse("member-list")).status_code == 403
        assert client.post(reverse("member-role", args=[membership.pk]), {}).status_code == 403
        assert invite(client, organisation=org_a.pk).status_code == 403
    # Another organisation's member is not found.
    assert client_as("beheerder").post(reverse("member-active", args=[outsider_membership.pk])).status_code == 404


@pytest.fixture
def outsider_membership(users):
    return Membership.objects.get(user=users["outsider"])


def test_a_peer_of_another_organisation_is_invited_by_email_address(users, org_a, org_b, seeded):
    vth = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    evaluation = start_round(org_a, users["mt"], vth)
    peer = make_user("k.devries", organisation=org_b, role=Role.MANAGEMENT, email="k.devries@beekdal.nl")
    review = round_services.peer_review_invite(
        round=evaluation, username="K.deVries@beekdal.nl", invited_by=users["mt"]
    )
    assert review.reviewer == peer and review.organisation == org_b
    with pytest.raises(ValidationError) as error:
        round_services.peer_review_invite(round=evaluation, username="niemand@beekdal.nl", invited_by=users["mt"])
    assert error.value.error_list[0].code == "unknown_reviewer"


def test_members_page_shows_pending_invitations(client_as, org_a, users):
    services.member_invite(
        organisation=org_a,
        email="nieuw@aadorp.nl",
        first_name="Nieuw",
        last_name="Lid",
        role="hr",
        invited_by=users["beheerder"],
    )
    page = client_as("beheerder").get(reverse("member-list")).content.decode()
    assert "Nieuw Lid" in page and "uitgenodigd, nog geen wachtwoord" in page
    home = client_as("beheerder").get(reverse("home")).content.decode()
    assert "1 uitnodiging nog niet geopend" in home
