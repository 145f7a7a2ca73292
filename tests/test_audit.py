"""The one audit event log: written by the services, read on the history pages, never changed."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from competentie import audit
from competentie.audit import registry
from competentie.audit.models import AuditEvent, ReadOnlyError
from frameworks import services as framework_services
from zelfevaluatie import services as round_services

from .zelfevaluatie.conftest import start_round

ROOT = Path(__file__).resolve().parent.parent
APPS = ["competentie", "frameworks", "selectie", "zelfevaluatie", "ontwikkeling", "bench"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(users, org_a):
    return framework_services.framework_create(user=users["hr"], organisation=org_a, name="Eigen kader")


def test_an_event_stores_a_code_and_parameters_not_a_sentence(framework, users):
    (event,) = audit.history_for(framework)
    assert (event.action, event.actor, event.params) == ("framework.create", users["hr"], {"name": "Eigen kader"})
    assert event.text == "Framework “Eigen kader” aangemaakt."


def test_the_sentence_is_rendered_in_the_readers_language(framework, monkeypatch):
    (event,) = audit.history_for(framework)
    monkeypatch.setitem(
        registry._EVENTS, "framework.create", lambda params: translation.get_language() + ": " + params["name"]
    )
    with translation.override("en"):
        assert event.text == "en: Eigen kader"
    with translation.override("nl"):
        assert event.text == "nl: Eigen kader"


def test_history_for_an_object_includes_events_recorded_within_it(framework, users, org_a):
    level = framework.levels.first() or framework_services.level_create(
        framework=framework, user=users["hr"], name="Basis"
    )
    audit.record(users["hr"], level, "framework.level_update", within=framework, old="Basis", name="Start")
    actions = [e.action for e in audit.history_for(framework)]
    assert actions[0] == "framework.level_update"  # newest first
    assert "framework.create" in actions
    assert [e.action for e in audit.history_for(level)] == ["framework.level_update"]


def test_audit_rows_can_be_neither_changed_nor_deleted(framework):
    event = AuditEvent.objects.get()
    event.action = "framework.publish"
    with pytest.raises(ReadOnlyError):
        event.save()
    with pytest.raises(ReadOnlyError):
        event.delete()
    with pytest.raises(ReadOnlyError):
        AuditEvent.objects.update(action="x")
    with pytest.raises(ReadOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "framework.create"


def _recorded_codes() -> set[str]:
    """Every action code passed as a literal to audit.record(...) or audit.event(...) in the apps."""
    codes = set()
    for package in APPS:
        for path in (ROOT / package).rglob("*.py"):
            if "/migrations/" in path.as_posix():
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"record", "event"}
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "audit"
                ):
                    for arg in node.args[2:3]:
                        if isinstance(arg, ast.Constant):
                            codes.add(arg.value)
                        elif isinstance(arg, ast.IfExp):
                            codes |= {arg.body.value, arg.orelse.value}
    return codes


def test_every_recorded_action_has_words():
    codes = _recorded_codes()
    assert len(codes) > 30
    assert not {code for code in codes if not registry.is_registered(code)}


def test_the_framework_history_page_reads_the_audit_log(framework, users, client_as):
    framework_services.competency_create(framework=framework, user=users["hr"], name="Samenwerken")
    framework_services.framework_publish(framework=framework, user=users["hr"])
    content = client_as("hr").get(reverse("frameworks:framework-history", args=[framework.pk])).content.decode()
    assert "Framework “Eigen kader” aangemaakt." in content
    assert "Versie 1 vastgesteld en gepubliceerd." in content


def test_a_round_transition_is_recorded_and_shown_on_the_rounds_history(seeded, users, org_a, client_as):
    from frameworks.models import Framework

    vth = Framework.objects.libraries().get(name="VTH competentieprofielen")
    round = start_round(org_a, users["mt"], vth)
    for round_profile in round.round_profiles.select_related("profile"):  # closing needs every agreed score
        round_services.conclusion_save(
            round=round, profile=round_profile.profile, agreed_score=3, justification="Besproken.", user=users["mt"]
        )
    round_services.round_advance(round=round, user=users["mt"])
    assert [e.action for e in audit.history_for(round)] == ["round.status", "round.created"]
    content = client_as("mt").get(reverse("zelfevaluatie:round-history", args=[round.pk])).content.decode()
    assert "Status gewijzigd van “Lopend” in “Afgerond”." in content
    assert "Zelfevaluatie 2025–2026 gestart op VTH competentieprofielen" in content


@pytest.mark.django_db(transaction=True)
def test_the_old_history_tables_are_copied_into_the_audit_log():
    """An installation from before the audit log, with one framework change in the old history table,
    migrated to the newest version: the change is an event in the one audit log."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from frameworks.models import Framework as CurrentFramework

    from .db.fresh import fresh_database

    before = [("audit", "0001_audit_event"), ("frameworks", "0003_cluster_revision"), ("selectie", "0001_initial")]
    after = [("audit", "0002_from_old_logs"), ("frameworks", "0005_history_moves_to_audit_log")]
    after += [("selectie", "0003_history_moves_to_audit_log")]
    with fresh_database():
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        Organisation = old.get_model("frameworks", "Organisation")
        Framework = old.get_model("frameworks", "Framework")
        FrameworkChange = old.get_model("frameworks", "FrameworkChange")
        User = old.get_model("auth", "User")
        hr = User.objects.create(username="hr_oud")
        framework = Framework.objects.create(name="Oud kader", organisation=Organisation.objects.create(name="Oudorp"))
        FrameworkChange.objects.create(
            framework=framework, user=hr, action="framework_create", description="Framework “Oud kader” aangemaakt."
        )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

        (event,) = audit.history_for(CurrentFramework.objects.get(name="Oud kader"))
        assert (event.action, event.actor.username, event.text) == (
            "framework.create",
            "hr_oud",
            "Framework “Oud kader” aangemaakt.",
        )
