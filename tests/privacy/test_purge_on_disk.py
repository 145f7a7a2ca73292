"""Purged means gone on disk too: no copy of a purged name in the database files.

tests/privacy/test_purge_leaves_no_trace.py reads the database through SQL; this file reads the
bytes. On SQLite (WAL mode) a deleted row stays readable in the free space of its page and in the
write-ahead log (``-wal``) until a checkpoint; the test database of the suite lives in memory, so a
separate process builds a file database, writes an unmistakable name, corrects it, purges it and
reads the raw ``db``, ``-wal`` and ``-shm`` files while its connection is still open (closing the
last connection would checkpoint anyway and hide the defect). On PostgreSQL the data directory
belongs to the server; what can be tested is that the purge rewrites the table with the personal
data (VACUUM FULL: a new file) and vacuums the logs. Whether the bytes are gone from that new file
depends on the rest of the server: a transaction that was running when the purge committed, even
in another database, keeps the deleted row "recently dead", and VACUUM FULL copies such rows (so the
daily purge_candidates rewrites the table again; SECURITY.md).
"""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
FIRST = "Quirinius Vandersloot-Xylander"
CORRECTED = "Quirinius X. Vandersloot-Xylander"
EMAIL = "quirinius.vandersloot@schijf-lek.example"
NEEDLES = ["Vandersloot", "schijf-lek"]

SCRIPT = """
import json, sys
import django

django.setup()
from django.core.management import call_command
from django.core.management import call_command
from django.db import connection

call_command("migrate", verbosity=0)
from competentie.organisations.models import Membership, Organisation
from django.utils import timezone
from frameworks.models import Framework
from selectie import services
from selectie.models import Candidate, CandidatePersonalData
from tests.factories import make_framework, make_user

first, corrected, email, needles, path = sys.argv[1:6]
needles = needles.split("|")
organisation = Organisation.objects.create(name="Gemeente Schijfdorp")
hr = make_user("hr", organisation=organisation, role=Membership.Role.HR)
framework = make_framework(organisation, status=Framework.Status.ADOPTED, published_at=timezone.now())
profile = framework.profiles.filter(parent__isnull=True).get()
procedure = services.procedure_create(user=hr, organisation=organisation, name="Schijfdorp 2026", profile=profile)
candidate = Candidate.objects.create(procedure=procedure, number=1, code="K-001")


def checkpoint():
    # In real use the name has long reached the database file itself (SQLite checkpoints every
    # 1000 pages and when the last connection closes): copy it there, as time would.
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


CandidatePersonalData.objects.create(candidate=candidate, name=first, email=email, notes="Gesproken met " + first)
checkpoint()
services.candidate_personal_data_update(
    candidate=Candidate.objects.get(pk=candidate.pk), user=hr, name=corrected, email=email, notes="", consent_until=None
)
checkpoint()
assert services.candidate_purge(candidate=Candidate.objects.get(pk=candidate.pk), user=hr, via="verzoek kandidaat")
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
    cursor.execute("PRAGMA secure_delete")
    secure_delete = cursor.fetchone()[0]
files = {}
for suffix in ("", "-wal", "-shm"):
    try:
        data = open(path + suffix, "rb").read()
    except FileNotFoundError:
        data = b""
    files["db" + suffix] = {"size": len(data), "hits": [n for n in needles if n.encode() in data]}
print(json.dumps({"mode": mode, "secure_delete": secure_delete, "files": files, "tables_readable": b"selectie_candidate" in open(path, "rb").read()}))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the files of a SQLite database")
def test_a_purged_name_is_in_none_of_the_sqlite_files(tmp_path):
    database = tmp_path / "schijf.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TASKS_IMMEDIATE"}}
    env.update(DJANGO_SETTINGS_MODULE="competentie.test_settings", DATABASE_URL=f"sqlite:///{database}")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, FIRST, CORRECTED, EMAIL, "|".join(NEEDLES), str(database)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["mode"] == "wal"
    assert report["secure_delete"] == 1, "deleted rows are overwritten in their pages"
    assert report["tables_readable"], "the test reads the database file itself"
    assert {name: found["hits"] for name, found in report["files"].items()} == {
        "db": [],
        "db-wal": [],
        "db-shm": [],
    }, report


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_purge_on_postgresql_rewrites_the_personal_data_table_and_vacuums_the_logs(day, users):
    from selectie import services
    from selectie.models import CandidatePersonalData

    table = CandidatePersonalData._meta.db_table

    def file_of(name):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_relation_filenode(%s)", [name])
            return cursor.fetchone()[0]

    def vacuums(name):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = %s", [name])
            return cursor.fetchone()[0]

    candidate = day.candidates[0]
    before, logs_before = file_of(table), vacuums("audit_auditevent")
    assert services.candidate_purge(candidate=candidate, user=users["hr"], via="verzoek kandidaat")
    assert file_of(table) != before, "VACUUM FULL writes the table into a new file"
    assert vacuums("audit_auditevent") > logs_before
    assert not CandidatePersonalData.objects.filter(candidate=candidate).exists()
    # The daily run rewrites the table again, purges or not: what a running transaction kept goes then.
    rewritten = file_of(table)
    call_command("purge_candidates", stdout=StringIO())
    assert file_of(table) != rewritten
