"""Access review (BIO): the beheerder confirms roles yearly (privileged ones quarterly), sees unused accounts
and switches them off in one step; a monthly reminder goes through the queue."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from competentie.audit.models import AuditEvent
from competentie.notifications.reminders import reminders_send
from competentie.organisations.access_review import access_review_rows, review_row
from competentie.organisations.models import Membership

from .conftest import ROLES
from .factories import make_user

pytestmark = pytest.mark.django_db


def _membership(user):
    return user.memberships.get()


def test_only_the_beheerder_opens_the_access_review(client_as, users):
    assert client_as("beheerder").get(reverse("access-review")).status_code == 200
    for role in ROLES:
        if role != "beheerder":
            assert client_as(role).get(reverse("access-review")).status_code == 403, role


def test_the_page_shows_each_person_with_role_last_login_and_what_is_due(client_as, users, org_b):
    now = timezone.now()
    users["selecteur"].last_login = now - timedelta(days=120)
    users["selecteur"].save()
    users["mt"].last_login = now - timedelta(days=2)
    users["mt"].save()
    Membership.objects.filter(user=users["mt"]).update(reviewed_at=now - timedelta(days=100))
    Membership.objects.filter(user=users["hr"]).update(reviewed_at=now - timedelta(days=100))
    page = client_as("beheerder").get(reverse("access-review")).content.decode()
    assert "Managementteam" in page and "Laatst ingelogd" in page
    rows = {row.membership.user.username: row for row in access_review_rows(user=users["beheerder"])}
    assert rows["selecteur"].unused and rows["selecteur"].due  # never confirmed, 120 days without login
    assert not rows["mt"].due and not rows["mt"].unused  # yearly role, confirmed 100 days ago
    assert rows["hr"].due and rows["hr"].privileged  # quarterly role, confirmed 100 days ago
    assert "hr_beekdal" not in rows  # organisation B is not ours
    assert f'data-toegang="{_membership(users["selecteur"]).pk}" data-te-bevestigen data-ongebruikt' in page


def test_confirming_a_role_records_who_and_when_and_clears_the_flag(client_as, users):
    membership = _membership(users["mt"])
    response = client_as("beheerder").post(reverse("access-review-confirm", args=[membership.pk]))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.reviewed_by == users["beheerder"]
    assert not review_row(membership, now=timezone.now()).due
    line = AuditEvent.objects.filter(action="membership.confirmed").get()
    assert (line.actor, line.content_id, line.params) == (users["beheerder"], membership.pk, {"role": "mt"})


def test_an_account_is_switched_off_only_with_the_box_ticked(client_as, users):
    membership = _membership(users["selecteur"])
    client = client_as("beheerder")
    client.post(reverse("access-review-disable", args=[membership.pk]))
    users["selecteur"].refresh_from_db()
    assert users["selecteur"].is_active
    client.post(reverse("access-review-disable", args=[membership.pk]), {"confirm": "1"})
    users["selecteur"].refresh_from_db()
    assert not users["selecteur"].is_active
    line = AuditEvent.objects.filter(action="membership.deactivated").get()
    assert (line.actor, line.content_id, line.params) == (users["beheerder"], membership.pk, {"role": "selecteur"})


@pytest.mark.parametrize("role", [r for r in ROLES if r != "beheerder"])
def test_other_roles_cannot_confirm_or_switch_off(client_as, users, role):
    membership = _membership(users["mt" if role != "mt" else "selecteur"])
    client = client_as(role)
    assert client.post(reverse("access-review-confirm", args=[membership.pk])).status_code == 403
    assert client.post(reverse("access-review-disable", args=[membership.pk]), {"confirm": "1"}).status_code == 403
    membership.refresh_from_db()
    assert membership.reviewed_at is None and membership.user.is_active


def test_another_organisations_beheerder_gets_a_404(client, users, org_b):
    other = make_user("beheerder_beekdal", organisation=org_b, role=Membership.Role.BEHEERDER)
    client.force_login(other)
    membership = _membership(users["mt"])
    assert client.post(reverse("access-review-confirm", args=[membership.pk])).status_code == 404
    assert client.post(reverse("access-review-disable", args=[membership.pk]), {"confirm": "1"}).status_code == 404


def test_the_beheerder_is_reminded_once_a_month_while_something_is_due(users, task_queue):
    users["beheerder"].email = "beheerder@aadorp.example"
    users["beheerder"].save()
    today = timezone.localdate()
    assert reminders_send(today=today) >= 1
    assert reminders_send(today=today) == 0  # idempotent: the same month sends nothing twice
    task_queue()
    sent = [m for m in mail.outbox if m.to == ["beheerder@aadorp.example"]]
    assert len(sent) == 1 and "Toegangscontrole" in sent[0].subject
    assert reverse("access-review") in sent[0].body


def test_nothing_due_means_no_reminder(users, org_a):
    Membership.objects.update(reviewed_at=timezone.now())
    from competentie.organisations.reminders import access_review_reminders

    for user in users.values():
        user.last_login = timezone.now()
        user.save()
    assert [r for r in access_review_reminders(timezone.localdate()) if r.kind == "access_review_reminder"] == []
