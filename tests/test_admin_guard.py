"""The Django admin as a guarded tool.

- A platform superuser reads everything there but can change nothing that carries judgement or
  history: audit rows, scores, submissions, consensus, decisions, personal data, frameworks
  (published or not) and rounds (finished or not) are read-only; the app and its services are the
  way to change them.
- The demo's `beheerder` is an organisation administrator: staff, not superuser. In `/beheer/`
  they see and manage their own organisation's memberships, and nothing of any other
  organisation (no candidates, no frameworks, no people).
"""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from competentie import audit
from competentie.audit.models import AuditEvent
from competentie.organisations.models import Membership, Organisation
from frameworks.models import Framework, Profile
from selectie import services as selectie_services
from selectie.models import CandidatePersonalData, ConsensusScore, Decision, Score, Submission
from zelfevaluatie.models import EvaluationRound

from .factories import make_user
from .selectie.conftest import build_day, score_all
from .zelfevaluatie.conftest import start_round

pytestmark = pytest.mark.django_db

EDITABLE = {Organisation, Membership}  # their writes go through competentie.organisations.services
OUR_APPS = {"audit", "organisations", "frameworks", "selectie", "zelfevaluatie", "ontwikkeling"}


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def operator():
    return make_user("platform", is_staff=True, is_superuser=True)


@pytest.fixture
def day_b(seeded, users, org_b):
    """A selection day of organisation B, calibrated and decided, with one revised score."""
    profile = Profile.objects.libraries().get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    hr_b = users["outsider"]
    selecteur_b = make_user("selecteur_beekdal", organisation=org_b, role=Membership.Role.SELECTEUR)
    day = build_day(hr=hr_b, organisation=org_b, profile=profile, assessors=[selecteur_b], name="Beekdal 2026")
    candidate = day.candidates[0]
    score_all(day, selecteur_b, candidate, submit=True)
    for status in ("scoren", "kalibratie"):
        selectie_services.procedure_transition(procedure=day.procedure, user=hr_b, status=status)
    score = Score.objects.filter(assignment__candidate=candidate).first()
    selectie_services.score_revise(score=score, user=hr_b, value=4, evidence=score.evidence, reason="Besproken")
    competency = day.competencies[0]
    for each in day.competencies:  # a decision needs a consensus on every competency (issue 12)
        selectie_services.consensus_set(
            candidate=candidate, competency=each, user=hr_b, value=3, rationale="Samen besproken."
        )
    selectie_services.decision_set(
        candidate=candidate, user=hr_b, outcome="door", justification=f"Sterk op {competency.name}."
    )
    return day


def test_every_read_only_admin_refuses_writes_even_for_a_superuser(rf, operator):
    request = rf.get("/beheer/")
    request.user = operator
    for model, model_admin in admin.site._registry.items():
        if model in EDITABLE or model._meta.app_label not in OUR_APPS:
            continue  # Django's and third parties' admins (users, lockouts, 2FA devices) keep their permissions
        assert model_admin.has_view_permission(request), model
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model


def test_change_pages_of_history_judgements_and_frozen_objects_refuse_to_save(
    day_b, operator, users, org_a, org_b, client
):
    candidate = day_b.candidates[0]
    frozen = Framework.objects.create(name="Vastgesteld", organisation=org_b, published_at=timezone.now())
    vth = Framework.objects.libraries().get(name="VTH competentieprofielen")
    finished = start_round(org_a, users["mt"], vth)
    EvaluationRound.objects.filter(pk=finished.pk).update(status=EvaluationRound.Status.FINISHED)
    finished.refresh_from_db()
    objects = [
        AuditEvent.objects.filter(action="score.revised").first(),
        Score.objects.filter(assignment__candidate=candidate).first(),
        Submission.objects.get(candidate=candidate),
        ConsensusScore.objects.filter(candidate=candidate).first(),
        Decision.objects.get(candidate=candidate),
        CandidatePersonalData.objects.get(candidate=candidate),
        frozen,
        vth,
        finished,
    ]
    client.force_login(operator)
    for obj in objects:
        url = change_url(obj)
        page = client.get(url)
        assert page.status_code == 200, url  # the operator may read it …
        assert 'name="_save"' not in page.content.decode(), url  # … with no save button
        before = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
        response = client.post(url, {"_save": "Opslaan"})
        assert response.status_code == 403, url  # … and a forged save is refused
        obj.refresh_from_db()
        assert {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields} == before, url
    delete = reverse("admin:audit_auditevent_delete", args=[objects[0].pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=objects[0].pk).exists()


def test_the_demo_beheerder_is_an_organisation_administrator_not_a_superuser(settings, seeded, org_b):
    settings.DEBUG = True
    call_command("setup_demo")
    beheerder = Membership.objects.get(user__username="beheerder").user
    assert beheerder.is_staff and not beheerder.is_superuser
    assert Membership.objects.get(user=beheerder).role == Membership.Role.BEHEERDER


def test_the_beheerder_sees_no_other_organisation_anywhere_in_the_admin(day_b, users, org_a):
    beheerder = users["beheerder"]
    beheerder.is_staff = True
    beheerder.save()
    client = Client()
    client.force_login(beheerder)
    candidate = day_b.candidates[0]
    secrets = [candidate.personal_data.name, candidate.personal_data.email, "Gemeente Beekdal", "hr_beekdal"]
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 403), url
        content = response.content.decode()
        for secret in secrets:
            assert secret not in content, (url, secret)
    for obj in [candidate, candidate.personal_data, day_b.procedure, Organisation.objects.get(name="Gemeente Beekdal")]:
        assert client.get(change_url(obj)).status_code in (302, 403), obj
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:organisations_membership_changelist") in index
    assert reverse("admin:selectie_candidate_changelist") not in index


def test_the_beheerder_manages_memberships_of_their_own_organisation_through_the_service(users, org_a, org_b):
    beheerder = users["beheerder"]
    beheerder.is_staff = True
    beheerder.save()
    newcomer = make_user("nieuwe_collega")
    client = Client()
    client.force_login(beheerder)
    add = reverse("admin:organisations_membership_add")
    response = client.post(add, {"user": newcomer.pk, "organisation": org_a.pk, "role": "selecteur"})
    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer)
    assert (membership.organisation, membership.role) == (org_a, "selecteur")
    (event,) = audit.history_for(membership)
    assert (event.action, event.actor) == ("membership.added", beheerder)
    # Another organisation is not a choice, and its members are not on the list.
    refused = client.post(add, {"user": newcomer.pk, "organisation": org_b.pk, "role": "hr"})
    assert refused.status_code == 200 and not Membership.objects.filter(organisation=org_b, user=newcomer).exists()
    assert "hr_beekdal" not in client.get(add).content.decode()
    outsider = Membership.objects.get(user=users["outsider"])
    assert client.get(change_url(outsider)).status_code in (302, 403)
    assert client.post(change_url(outsider), {"role": "beheerder"}).status_code in (302, 403)
    assert Membership.objects.get(pk=outsider.pk).role == "hr"


def test_a_membership_removed_in_the_admin_is_in_the_audit_log(users, org_a, operator):
    membership = Membership.objects.get(user=users["selecteur"])
    client = Client()
    client.force_login(operator)
    url = reverse("admin:organisations_membership_delete", args=[membership.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert [e.action for e in audit.history_for(org_a)] == ["membership.removed"]
