"""The audit log is a hash chain: a changed, removed or inserted line is named by verify_audit_log."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from competentie import audit
from competentie.audit.chain import chain_verify
from competentie.audit.models import AuditEvent, ChainHead
from competentie.security.retention import logs_prune
from frameworks import services as framework_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(users, org_a):
    framework = framework_services.framework_create(user=users["hr"], organisation=org_a, name="Keten")
    for number in range(5):
        audit.record(users["hr"], framework, "framework.update", name=f"Keten {number}")
    return list(AuditEvent.objects.order_by("seq"))


def _raw_update(pk, **fields):
    """What an intruder with database access does: past the model's read-only guard."""
    AuditEvent._base_manager.filter(pk=pk).update(**fields)


def verify() -> str:
    out = StringIO()
    call_command("verify_audit_log", stdout=out)
    return out.getvalue()


def test_lines_follow_each_other_and_the_chain_verifies(lines):
    assert [line.seq for line in lines] == list(range(1, len(lines) + 1))
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(lines, lines[1:], strict=False))
    assert ChainHead.objects.get().seq == len(lines)
    assert "intact: 6 lines" in verify()


@pytest.mark.parametrize(
    "tamper",
    [
        {"action": "framework.publish"},
        {"actor": None},
        {"at": timezone.now() - timedelta(days=3)},
        {"params": {"name": "Iets anders"}},
        {"user_agent": "Vervalst"},
        {"result": "refused"},
    ],
    ids=["action", "actor", "time", "params", "origin", "result"],
)
def test_a_tampered_line_is_named(lines, tamper):
    victim = lines[3]
    _raw_update(victim.pk, **tamper)
    with pytest.raises(CommandError, match=f"line {victim.seq} \\(id {victim.pk}\\)"):
        verify()


def test_a_deleted_line_is_named_by_the_line_after_it(lines):
    AuditEvent._base_manager.filter(pk=lines[2].pk).delete()
    verdict = chain_verify()
    assert (verdict.ok, verdict.broken_seq) == (False, lines[3].seq)


def test_a_removed_last_line_is_noticed_through_the_head(lines):
    AuditEvent._base_manager.filter(pk=lines[-1].pk).delete()
    assert not chain_verify().ok


def test_a_redaction_without_a_purge_is_noticed(lines):
    _raw_update(lines[1].pk, params={"name": "[verwijderd]"}, params_salt="")
    verdict = chain_verify()
    assert (verdict.ok, verdict.broken_seq) == (False, lines[1].seq)
    assert "redacted" in verdict.reason


def test_scrubbing_a_name_keeps_the_chain_and_leaves_no_trace_of_the_name(lines, users):
    framework = lines[0].subject
    audit.record(users["hr"], framework, "framework.update", name="Quirijn Moerbeek-Tjon")
    assert audit.api.scrub(needles=["Quirijn Moerbeek-Tjon"], replacement="[verwijderd]") == 1
    verdict = chain_verify()
    assert verdict.ok and verdict.redacted == 1, verdict
    redacted = AuditEvent.objects.get(action="audit.redacted")
    assert redacted.params == {"lines": [7]}
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM audit_auditevent")
        assert "Quirijn" not in json.dumps([list(map(str, row)) for row in cursor.fetchall()])


def test_retention_cuts_only_the_oldest_lines_and_the_chain_still_verifies(lines, settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=40)
    # Back-date the first three lines as they were written then (the hash seals the time, so the
    # chain is rebuilt by writing them afresh in a clean log).
    AuditEvent._base_manager.all().delete()
    ChainHead.objects.all().delete()
    framework = lines[0].subject
    audit.record_many(audit.event(None, framework, "framework.update", at=old, name=str(n)) for n in range(3))
    audit.record(None, framework, "framework.update", name="recent")
    audit.record_many([audit.event(None, framework, "framework.update", at=old, name="back-dated")])
    assert chain_verify().ok
    counts = logs_prune()
    assert counts["audit.AuditEvent"] == 3
    # The back-dated line after a recent one stays: retention never cuts a hole.
    assert list(AuditEvent.objects.order_by("seq").values_list("action", flat=True)) == [
        "framework.update",
        "framework.update",
        "audit.pruned",
    ]
    assert ChainHead.objects.get().pruned_seq == 3
    assert chain_verify().ok
    assert logs_prune()["audit.AuditEvent"] == 0


def test_export_writes_json_lines_per_period_without_parameters(lines, tmp_path):
    target = tmp_path / "logboek.jsonl"
    today = timezone.localdate()
    call_command(
        "export_audit_log",
        "--from",
        str(today),
        "--to",
        str(today + timedelta(days=1)),
        "--output",
        str(target),
        stderr=StringIO(),
    )
    exported = [json.loads(line) for line in target.read_text().splitlines()]
    assert [line["seq"] for line in exported] == [line.seq for line in lines]
    assert exported[-1]["hash"] == ChainHead.objects.get().hash
    assert "params" not in exported[0] and "Keten" not in target.read_text()
    out = StringIO()
    call_command("export_audit_log", "--from", str(today + timedelta(days=1)), stdout=out, stderr=StringIO())
    assert out.getvalue() == ""


def test_an_export_line_can_be_verified_without_the_database(lines, tmp_path):
    from competentie.audit.chain import line_hash

    out = StringIO()
    call_command("export_audit_log", stdout=out, stderr=StringIO())
    previous = ""
    for raw in out.getvalue().splitlines():
        line = json.loads(raw)
        from datetime import datetime

        recomputed = line_hash(
            seq=line["seq"],
            prev_hash=previous,
            at=datetime.fromisoformat(line["at"]),
            actor_id=line["actor"],
            content_type=line["object_type"],
            content_id=line["object_id"],
            within_type=line["within_type"],
            within_id=line["within_id"],
            action=line["action"],
            purpose=line["purpose"],
            result=line["result"],
            digest=line["params_digest"],
        )
        assert recomputed == line["hash"] and line["prev_hash"] == previous
        previous = line["hash"]


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_never_fork_the_chain(users, org_a):
    """Each thread has its own connection; the head's lock (SQLite: BEGIN IMMEDIATE) puts them in line."""
    import threading

    from django.db import connections

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("SQLite's shared in-memory test database has no busy wait; the file database has (settings.py)")
    framework = framework_services.framework_create(user=users["hr"], organisation=org_a, name="Samen")
    errors = []

    def write(number):
        try:
            for line in range(15):
                audit.record(users["hr"], framework, "framework.update", name=f"{number}-{line}")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(number,)) for number in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) >= 45
    assert chain_verify().ok
