"""Subscriptions between organisations (issue 29, item 6): the diff, the adoption, the pages.

Aadorp (organisation A) shares a published framework; Beekdal (B) subscribes, edits its own copy,
and adopts Aadorp's next version: what changed shows per item, B's own changes stay.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError

from competentie.audit.models import AuditEvent
from frameworks import subscriptions as subs
from frameworks.models import BehaviouralIndicator, Competency, Framework, SubscriptionItem
from frameworks.services import framework_new_version, framework_publish

from ..factories import make_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_v1(org_a, users):
    framework = make_framework(org_a, name="Vakmanschap Aadorp", competencies=3, indicators=2, profiles=0)
    framework_publish(framework=framework, user=users["hr"])
    subs.framework_share(framework=framework, user=users["hr"], shared=True)
    return framework


def _next_version(v1, users, *, reword=None, add=None, remove=None):
    """A published version 2 of v1 with one indicator reworded, a competency added and one removed."""
    v2 = framework_new_version(framework=v1, user=users["hr"])
    if reword:
        indicator = BehaviouralIndicator.objects.get(
            competency__framework=v2, text=reword[0], competency__name=reword[2]
        )
        indicator.text = reword[1]
        indicator.save()
    if add:
        Competency.objects.create(framework=v2, name=add, definition="Nieuw in versie 2", order=9)
    if remove:
        Competency.objects.get(framework=v2, name=remove).delete()
    framework_publish(framework=v2, user=users["hr"])
    return v2


@pytest.fixture
def subscribed(shared_v1, org_b, users):
    return subs.subscription_create(organisation=org_b, user=users["outsider"], source_framework=shared_v1)


def _copy_competency(subscription, name):
    return Competency.objects.get(framework=subscription.copy, name=name)


class TestSubscribe:
    def test_a_subscription_makes_a_concept_copy_in_the_subscribers_organisation(self, subscribed, org_b):
        copy = subscribed.copy
        assert copy.organisation == org_b and not copy.is_frozen
        assert sorted(copy.competencies.values_list("name", flat=True)) == [
            "Competentie 0", "Competentie 1", "Competentie 2"
        ]  # fmt: skip
        assert BehaviouralIndicator.objects.filter(competency__framework=copy).count() == 6
        assert copy.levels.count() == 3 and copy.clusters.count() == 1
        assert subscribed.adopted_version == "1" and subscribed.pending == {}

    def test_each_copied_item_records_its_source_identifier_and_version(self, subscribed, shared_v1):
        source = Competency.objects.get(framework=shared_v1, name="Competentie 0")
        mine = _copy_competency(subscribed, "Competentie 0")
        row = SubscriptionItem.objects.get(subscription=subscribed, local_uuid=mine.uuid)
        assert row.source_identifier == str(source.uuid) and row.source_version == "1"
        assert mine.uuid != source.uuid  # the copy is other content with its own identifier

    def test_a_framework_that_is_not_shared_cannot_be_subscribed_to(self, org_a, org_b, users):
        private = make_framework(org_a, name="Intern", profiles=0)
        framework_publish(framework=private, user=users["hr"])
        with pytest.raises(ValidationError):
            subs.subscription_create(organisation=org_b, user=users["outsider"], source_framework=private)

    def test_a_library_can_be_subscribed_to(self, seeded, org_b, users):
        library = Framework.objects.libraries().get(name="VTH competentieprofielen")
        subscription = subs.subscription_create(organisation=org_b, user=users["outsider"], source_framework=library)
        assert subscription.copy.competencies.count() == library.competencies.count() > 0


class TestDiff:
    def test_no_new_version_means_nothing_pending(self, subscribed):
        assert subs.subscription_check(subscription=subscribed) == []
        assert subscribed.pending == {}

    def test_added_removed_and_reworded_per_item(self, subscribed, shared_v1, users):
        _next_version(
            shared_v1,
            users,
            reword=("Toont gedrag 0", "Vat het gesprek samen en vraagt door.", "Competentie 0"),
            add="Samenwerken",
            remove="Competentie 2",
        )
        changes = subs.subscription_check(subscription=subscribed)
        found = {(c.action, c.kind, c.label) for c in changes}
        assert ("added", "competency", "Samenwerken") in found
        assert ("removed", "competency", "Competentie 2") in found
        assert ("reworded", "indicator", "Toont gedrag 0") in found
        # The removed competency's indicators go with it; nothing else is reported.
        assert {c.action for c in changes if c.kind == "indicator" and c.action != "reworded"} == {"removed"}
        reworded = next(c for c in changes if c.action == "reworded")
        assert [(str(label), old, new) for label, old, new in reworded.fields] == [
            ("tekst", "Toont gedrag 0", "Vat het gesprek samen en vraagt door.")
        ]
        assert reworded.parent_label == "Competentie 0" and not reworded.conflict
        assert subscribed.pending["version"] == "2"

    def test_a_local_change_to_an_item_the_source_also_changed_is_a_conflict(self, subscribed, shared_v1, users):
        mine = BehaviouralIndicator.objects.get(
            competency__framework=subscribed.copy, competency__name="Competentie 0", text="Toont gedrag 0"
        )
        mine.text = "Onze eigen tekst."
        mine.save()
        _next_version(shared_v1, users, reword=("Toont gedrag 0", "Nieuwe bron.", "Competentie 0"))
        [change] = subs.subscription_check(subscription=subscribed)
        assert change.action == "reworded" and change.conflict and change.local == {"text": "Onze eigen tekst."}

    def test_a_local_change_to_an_item_the_source_removed_is_a_conflict(self, subscribed, shared_v1, users):
        mine = _copy_competency(subscribed, "Competentie 2")
        mine.definition = "Bij ons anders."
        mine.save()
        _next_version(shared_v1, users, remove="Competentie 2")
        changes = subs.subscription_check(subscription=subscribed)
        removed = next(c for c in changes if c.kind == "competency")
        assert removed.action == "removed" and removed.conflict


class TestAdopt:
    def test_adoption_applies_the_changes_and_keeps_own_changes(self, subscribed, shared_v1, users):
        own = _copy_competency(subscribed, "Competentie 1")
        own.definition = "Zo zeggen wij het in Beekdal."
        own.save()
        Competency.objects.create(framework=subscribed.copy, name="Eigen competentie Beekdal", order=20)
        conflicted = BehaviouralIndicator.objects.get(
            competency__framework=subscribed.copy, competency__name="Competentie 1", text="Toont gedrag 1"
        )
        conflicted.text = "Onze eigen indicator."
        conflicted.save()
        _next_version(
            shared_v1,
            users,
            reword=("Toont gedrag 0", "Vat het gesprek samen en vraagt door.", "Competentie 0"),
            add="Samenwerken",
            remove="Competentie 2",
        )
        # Version 2 also rewords the indicator Beekdal changed.
        v2 = Framework.objects.get(name="Vakmanschap Aadorp", version=2)
        v3 = framework_new_version(framework=v2, user=users["hr"])
        BehaviouralIndicator.objects.filter(
            competency__framework=v3, competency__name="Competentie 1", text="Toont gedrag 1"
        ).update(text="Aadorp zegt het anders.")
        framework_publish(framework=v3, user=users["hr"])

        subs.subscription_check(subscription=subscribed)
        counts = subs.subscription_adopt(subscription=subscribed, user=users["outsider"])

        copy = subscribed.copy
        names = set(copy.competencies.values_list("name", flat=True))
        assert names == {"Competentie 0", "Competentie 1", "Samenwerken", "Eigen competentie Beekdal"}
        texts = set(BehaviouralIndicator.objects.filter(competency__framework=copy).values_list("text", flat=True))
        assert "Vat het gesprek samen en vraagt door." in texts
        assert "Onze eigen indicator." in texts and "Aadorp zegt het anders." not in texts  # conflict: kept
        assert _copy_competency(subscribed, "Competentie 1").definition == "Zo zeggen wij het in Beekdal."
        assert counts == {"added": 1, "removed": 3, "reworded": 1, "kept": 1}
        added = _copy_competency(subscribed, "Samenwerken")
        row = SubscriptionItem.objects.get(subscription=subscribed, local_uuid=added.uuid)
        source = Competency.objects.get(framework__version=3, framework__name="Vakmanschap Aadorp", name="Samenwerken")
        assert row.source_version == "3" and row.source_identifier == str(source.uuid)
        subscribed.refresh_from_db()
        assert subscribed.adopted_version == "3" and subscribed.pending == {}
        event = AuditEvent.objects.filter(action="framework.subscription_adopt").latest("pk")
        assert event.params["added"] == 1 and event.params["kept"] == 1

    def test_a_conflict_is_overwritten_when_the_user_chooses_the_source(self, subscribed, shared_v1, users):
        mine = BehaviouralIndicator.objects.get(
            competency__framework=subscribed.copy, competency__name="Competentie 0", text="Toont gedrag 0"
        )
        mine.text = "Onze eigen tekst."
        mine.save()
        _next_version(shared_v1, users, reword=("Toont gedrag 0", "Nieuwe bron.", "Competentie 0"))
        [change] = subs.subscription_check(subscription=subscribed)
        subs.subscription_adopt(subscription=subscribed, user=users["outsider"], overwrite={change.key})
        mine.refresh_from_db()
        assert mine.text == "Nieuwe bron."

    def test_nothing_to_adopt_without_a_new_version(self, subscribed, users):
        with pytest.raises(ValidationError):
            subs.subscription_adopt(subscription=subscribed, user=users["outsider"])

    def test_a_published_copy_gets_a_new_concept_version_with_the_changes(self, subscribed, shared_v1, users, org_b):
        own = _copy_competency(subscribed, "Competentie 1")
        own.definition = "Zo zeggen wij het in Beekdal."
        own.save()
        framework_publish(framework=subscribed.copy, user=users["outsider"])
        _next_version(shared_v1, users, add="Samenwerken", remove="Competentie 2")
        subs.subscription_check(subscription=subscribed)
        published = subscribed.copy
        subs.subscription_adopt(subscription=subscribed, user=users["outsider"])
        subscribed.refresh_from_db()
        working = subscribed.copy
        assert working.version == 2 and not working.is_frozen and working.based_on == published
        assert set(working.competencies.values_list("name", flat=True)) == {
            "Competentie 0",
            "Competentie 1",
            "Samenwerken",
        }
        assert _copy_competency(subscribed, "Competentie 1").definition == "Zo zeggen wij het in Beekdal."
        assert set(published.competencies.values_list("name", flat=True)) == {
            "Competentie 0", "Competentie 1", "Competentie 2"
        }  # fmt: skip
        # The provenance rows still find every adopted item in the new version.
        kept = subs.subscription_provenance(subscription=subscribed)
        assert all(entry["row"] for entry in kept)


class _Package(BaseHTTPRequestHandler):
    """A stand-in CASE server: serves whatever bodies the test put in `routes`."""

    routes: dict = {}

    def do_GET(self):
        body = self.routes.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.end_headers()
        self.wfile.write(body or b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def case_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Package)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Package.routes
    finally:
        server.shutdown()
        _Package.routes.clear()


class TestRemote:
    def test_an_address_that_is_not_http_is_refused(self, org_b, users):
        with pytest.raises(ValidationError, match="http:// of https://"):
            subs.subscription_create(organisation=org_b, user=users["outsider"], source_url="file:///etc/passwd")

    def test_an_unreachable_address_gives_a_dutch_message(self, org_b, users):
        with pytest.raises(ValidationError, match="niet bereikbaar"):
            subs.subscription_create(
                organisation=org_b, user=users["outsider"], source_url="http://127.0.0.1:9/ims/case/v1p1/CFPackages/x"
            )

    def test_a_remote_package_is_copied_and_compared(self, case_server, org_b, users):
        base, routes = case_server
        package = {
            "CFDocument": {"identifier": "doc-1", "title": "Extern", "version": "1"},
            "CFItems": [
                {"identifier": "k1", "fullStatement": "Luistert goed", "abbreviatedStatement": "Luisteren"},
                {"identifier": "i1", "fullStatement": "Vat samen"},
            ],
            "CFAssociations": [
                {"associationType": "isChildOf", "originNodeURI": {"identifier": "i1"},
                 "destinationNodeURI": {"identifier": "k1"}},
            ],
        }  # fmt: skip
        routes["/case/CFPackages/doc-1"] = json.dumps(package).encode()
        subscription = subs.subscription_create(
            organisation=org_b, user=users["outsider"], source_url=f"{base}/case/CFPackages/doc-1"
        )
        competency = subscription.copy.competencies.get()
        assert (competency.name, competency.definition) == ("Luisteren", "Luistert goed")
        assert competency.indicators.get().text == "Vat samen"
        # Version 2 under a new document identifier, found through CFDocuments by the shared lineage.
        package["CFDocument"] = {"identifier": "doc-2", "title": "Extern", "version": "2"}
        package["CFItems"][1] = {"identifier": "i2", "fullStatement": "Vat samen en vraagt door"}
        package["CFAssociations"][0]["originNodeURI"] = {"identifier": "i2"}
        package["extensions"] = {"nl.competentie": {"lineage": "doc-1", "item_lineage": {"i2": "i1"}}}
        routes["/case/CFPackages/doc-2"] = json.dumps(package).encode()
        routes["/case/CFDocuments"] = json.dumps(
            {
                "CFDocuments": [
                    {"identifier": "doc-2", "version": "2", "extensions": {"nl.competentie": {"lineage": "doc-1"}}}
                ]
            }
        ).encode()
        [change] = subs.subscription_check(subscription=subscription)
        assert change.action == "reworded" and change.fields[0][1:] == ("Vat samen", "Vat samen en vraagt door")


class TestPages:
    def test_the_subscriber_sees_the_diff_and_adopts(self, client_as, subscribed, shared_v1, users):
        _next_version(shared_v1, users, add="Samenwerken")
        client = client_as("outsider")
        response = client.post(f"/frameworks/abonnementen/{subscribed.pk}/controleren/", follow=True)
        content = response.content.decode()
        assert "Er is een nieuwe versie (versie 2)" in content and "Samenwerken" in content and "Toegevoegd" in content
        response = client.post(f"/frameworks/abonnementen/{subscribed.pk}/overnemen/", {"bevestigen": "1"}, follow=True)
        assert "1 toegevoegd" in response.content.decode()
        assert subscribed.copy.competencies.filter(name="Samenwerken").exists()

    def test_adoption_needs_the_confirmation(self, client_as, subscribed, shared_v1, users):
        _next_version(shared_v1, users, add="Samenwerken")
        subs.subscription_check(subscription=subscribed)
        client_as("outsider").post(f"/frameworks/abonnementen/{subscribed.pk}/overnemen/")
        assert not subscribed.copy.competencies.filter(name="Samenwerken").exists()

    def test_another_organisation_gets_a_404_and_a_selecteur_a_403(self, client_as, subscribed, users, org_b):
        from competentie.organisations.models import Membership

        from ..factories import make_user

        assert client_as("hr").get(f"/frameworks/abonnementen/{subscribed.pk}/").status_code == 404
        make_user("selecteur_beekdal", organisation=org_b, role=Membership.Role.SELECTEUR)
        from django.test import Client

        client = Client()
        client.login(username="selecteur_beekdal", password="wachtwoord-123")
        assert client.get(f"/frameworks/abonnementen/{subscribed.pk}/").status_code == 403
        assert client.get("/frameworks/abonnementen/").status_code == 403

    def test_the_list_offers_shared_frameworks_and_the_case_address(self, client_as, shared_v1):
        content = client_as("outsider").get("/frameworks/abonnementen/").content.decode()
        assert "Vakmanschap Aadorp" in content
        own = client_as("hr").get("/frameworks/abonnementen/").content.decode()
        assert f"/ims/case/v1p1/CFPackages/{shared_v1.uuid}" in own

    def test_a_shared_framework_is_readable_anonymously_through_case(self, client, shared_v1, org_a, users):
        response = client.get(f"/ims/case/v1p1/CFPackages/{shared_v1.uuid}")
        assert response.status_code == 200
        private = make_framework(org_a, name="Intern", profiles=0)
        framework_publish(framework=private, user=users["hr"])
        assert client.get(f"/ims/case/v1p1/CFPackages/{private.uuid}").status_code == 404
        listing = client.get("/ims/case/v1p1/CFDocuments").json()["CFDocuments"]
        assert str(shared_v1.uuid) in {d["identifier"] for d in listing}
        assert str(private.uuid) not in {d["identifier"] for d in listing}

    def test_sharing_is_for_the_owners_hr(self, client_as, shared_v1):
        response = client_as("outsider").post("/frameworks/abonnementen/delen/", {"framework": shared_v1.pk})
        assert response.status_code == 404


def test_the_periodic_check_marks_subscriptions_with_a_new_version(subscribed, shared_v1, users, task_queue):
    from django.core.management import call_command

    _next_version(shared_v1, users, add="Samenwerken")
    call_command("check_subscriptions")
    task_queue()
    subscribed.refresh_from_db()
    assert subscribed.pending["version"] == "2" and subscribed.checked_at is not None


@pytest.mark.parametrize("size", [3, 12])
def test_the_subscription_page_costs_the_same_at_any_size(
    size, org_a, org_b, users, client_as, django_assert_max_num_queries
):
    framework = make_framework(org_a, name=f"Groot {size}", competencies=size, indicators=3, profiles=0)
    framework_publish(framework=framework, user=users["hr"])
    subs.framework_share(framework=framework, user=users["hr"], shared=True)
    subscription = subs.subscription_create(organisation=org_b, user=users["outsider"], source_framework=framework)
    _next_version(framework, users, add="Samenwerken", remove="Competentie 0")
    subs.subscription_check(subscription=subscription)
    client = client_as("outsider")
    # Expect at most 16 queries: session, user, roles, the subscription, provenance rows and the copy's
    # four item tables for the diff, the same again for the provenance table, messages and the layout's own.
    with django_assert_max_num_queries(16):
        response = client.get(f"/frameworks/abonnementen/{subscription.pk}/")
    assert response.status_code == 200 and "Samenwerken" in response.content.decode()


def test_an_internal_address_is_refused_unless_the_installation_allows_it(settings, org_b, users):
    settings.SUBSCRIPTIONS_ALLOW_INTERNAL_HOSTS = False
    for url in (
        "http://127.0.0.1:8000/ims/case/v1p1/CFPackages/x",
        "http://169.254.169.254/ims/case/v1p1/CFPackages/x",
    ):
        with pytest.raises(ValidationError, match="intern netwerk"):
            subs.subscription_create(organisation=org_b, user=users["outsider"], source_url=url)
