"""Organisations and memberships moved from the frameworks app to their own, without losing a row.

A new database is migrated to just before the move (every migration that does not stand on the
organisations app), filled the way main left it, and migrated to the newest version: the same rows,
the same ids, the same foreign keys, and audit events about an organisation still find it.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from competentie import audit
from competentie.organisations.models import Membership, Organisation
from frameworks.models import Framework

from .db.fresh import fresh_database

#: The last migration of each app before the move.
BEFORE = [
    ("frameworks", "0007_merge_20261201_0009"),
    ("selectie", "0006_chair_threshold_and_proposals"),
    ("zelfevaluatie", "0005_merge_round_rules_and_revisions"),
    ("ontwikkeling", "0002_guide_texts"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_existing_organisations_memberships_and_their_history_survive_the_move():
    with fresh_database():
        executor = MigrationExecutor(connection)
        # Apps born after the move (they stand on organisations) are not part of the old state.
        graph = executor.loader.graph
        newer = {
            node[0]
            for node in graph.leaf_nodes()
            if any(app == "organisations" for app, _ in graph.forwards_plan(node))
        }
        moved_apps = {"organisations"} | newer | {app for app, _name in BEFORE}
        untouched = [node for node in graph.leaf_nodes() if node[0] not in moved_apps]
        old_version = untouched + BEFORE
        plan = executor.migration_plan(old_version)
        assert plan and not any(migration.app_label == "organisations" for migration, _ in plan)
        executor.migrate(old_version)
        old = executor.loader.project_state(old_version).apps
        OldOrganisation = old.get_model("frameworks", "Organisation")
        OldMembership = old.get_model("frameworks", "Membership")
        OldFramework = old.get_model("frameworks", "Framework")
        ContentType = old.get_model("contenttypes", "ContentType")
        AuditEvent = old.get_model("audit", "AuditEvent")
        User = old.get_model("auth", "User")
        assert OldOrganisation._meta.db_table == "frameworks_organisation"
        organisation = OldOrganisation.objects.create(name="Oudorp")
        hr = User.objects.create(username="hr_oud")
        membership = OldMembership.objects.create(user=hr, organisation=organisation, role="hr")
        framework = OldFramework.objects.create(name="Oud kader", organisation=organisation)
        kind = ContentType.objects.get_or_create(app_label="frameworks", model="organisation")[0]
        AuditEvent.objects.create(
            actor=hr,
            content_type=kind,
            content_id=organisation.pk,
            action="organisation.created",
            params={"name": "Oudorp"},
        )

        migrate(graph.leaf_nodes())

        moved = Organisation.objects.get(pk=organisation.pk)
        assert moved.name == "Oudorp" and Organisation._meta.db_table == "organisations_organisation"
        assert Membership.objects.get(pk=membership.pk).organisation == moved
        assert Membership.objects.get(pk=membership.pk).user.username == "hr_oud"
        assert Framework.objects.get(pk=framework.pk).organisation == moved
        (event,) = audit.history_for(moved)
        assert (event.action, event.actor.username, event.text) == (
            "organisation.created",
            "hr_oud",
            "Organisatie “Oudorp” aangemaakt.",
        )
