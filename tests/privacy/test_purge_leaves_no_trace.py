"""Purge means gone: after a purge no table, column, session or log line holds the candidate's name or e-mail.

Candidates with unmistakable names enter through every door (the HR form, the CSV import, the
Django admin) and are read, edited, reported on and searched for along every path that touches
them. Some leave a trace in the admin history as the admin wrote it before this fix (the name
in ``object_repr`` and in an inline change message). Then one is purged on request and the rest by
``purge_candidates``, and every text column of every table in the database is scanned.
"""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from competentie import audit
from competentie.audit.chain import chain_verify
from competentie.audit.models import AuditEvent
from selectie.models import Candidate, CandidatePersonalData, SelectionProcedure

pytestmark = pytest.mark.django_db

# Names and addresses that occur nowhere else, so any hit is a leak.
VIA_FORM = ("Zebedeüs Quackenbosch", "zebedeus.quackenbosch@kandidaat-lek.example")
RENAMED = ("Zebedeüs Q. Quackenbosch-Ørsted", "zq.orsted@kandidaat-lek.example")
VIA_CSV = ("Xanthippe Vlaskamp-Ölmez", "xanthippe.vlaskamp@kandidaat-lek.example")
VIA_ADMIN = ("Ygritte Brouwersgracht", "ygritte.brouwersgracht@kandidaat-lek.example")
NEEDLES = [value for pair in (VIA_FORM, RENAMED, VIA_CSV, VIA_ADMIN) for value in pair] + ["kandidaat-lek"]


def text_values(value):
    if isinstance(value, memoryview | bytes | bytearray):
        value = bytes(value).decode("utf-8", "replace")
    if isinstance(value, str):
        yield value
        try:  # JSON columns and change messages escape non-ASCII; read them the way a person would
            yield json.dumps(json.loads(value), ensure_ascii=False)
        except (ValueError, TypeError):
            pass


def database_hits() -> list[str]:
    """Every (table.column: value) in the whole database that mentions one of the needles."""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (introspected names)
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row):
                    for text in text_values(value):
                        if any(needle.lower() in text.lower() for needle in NEEDLES):
                            hits.append(f"{table}.{column}: {text[:120]}")
    for session in Session.objects.all():  # session data is encoded; look inside
        decoded = json.dumps(SessionStore().decode(session.session_data), ensure_ascii=False, default=str)
        if any(needle.lower() in decoded.lower() for needle in NEEDLES):
            hits.append(f"django_session.session_data: {decoded[:120]}")
    return hits


def candidate_by_email(email: str) -> Candidate:
    return Candidate.objects.get(personal_data__email=email)


def test_a_purged_candidate_leaves_no_trace_in_any_table_column_session_or_log(day, users, caplog):
    procedure = day.procedure
    hr = Client()
    hr.force_login(users["hr"])
    operator = get_user_model().objects.create_superuser("platformbeheer", "ops@example.nl", "wachtwoord-123")
    admin = Client()
    admin.force_login(operator)
    caplog.set_level("DEBUG")

    # In through the HR form and the CSV import.
    response = hr.post(
        reverse("selectie:candidate-create", args=[procedure.pk]),
        {"name": VIA_FORM[0], "email": VIA_FORM[1], "notes": f"Gesproken met {VIA_FORM[0]}"},
    )
    assert response.status_code == 302
    csv = f"naam,e-mail,notities\n{VIA_CSV[0]},{VIA_CSV[1]},Referentie {VIA_CSV[0]}\n".encode()
    response = hr.post(
        reverse("selectie:candidate-import", args=[procedure.pk]),
        {"file": SimpleUploadedFile("kandidaten.csv", csv, content_type="text/csv")},
    )
    assert response.status_code == 302
    by_form, by_csv = candidate_by_email(VIA_FORM[1]), candidate_by_email(VIA_CSV[1])

    # In through the Django admin: a candidate with its personal data inline.
    response = admin.post(
        reverse("admin:selectie_candidate_add"),
        {
            "procedure": procedure.pk,
            "number": 90,
            "code": "K-090",
            "personal_data-TOTAL_FORMS": "1",
            "personal_data-INITIAL_FORMS": "0",
            "personal_data-MIN_NUM_FORMS": "0",
            "personal_data-MAX_NUM_FORMS": "1",
            "personal_data-0-name": VIA_ADMIN[0],
            "personal_data-0-email": VIA_ADMIN[1],
            "personal_data-0-notes": "",
        },
    )
    if response.status_code != 302:  # an admin that refuses personal data is just as good
        assert response.status_code == 403
        hr.post(
            reverse("selectie:candidate-create", args=[procedure.pk]),
            {"name": VIA_ADMIN[0], "email": VIA_ADMIN[1], "notes": ""},
        )
    by_admin = candidate_by_email(VIA_ADMIN[1])

    # Read and edit along every path: HR pages, the PDF with the name, admin lists, search and edit.
    for url in [
        reverse("selectie:candidate-list", args=[procedure.pk]),
        reverse("selectie:candidate-detail", args=[procedure.pk, by_form.pk]),
        reverse("selectie:results", args=[procedure.pk]),
        reverse("selectie:candidate-pdf", args=[procedure.pk, by_csv.pk]) + "?naam=1",
    ]:
        assert hr.get(url).status_code == 200
    response = hr.post(
        reverse("selectie:candidate-detail", args=[procedure.pk, by_form.pk]),
        {
            "name": RENAMED[0],
            "email": RENAMED[1],
            "notes": f"Was {VIA_FORM[0]}",
            "consent_until": "",
            "consent_note": "",
        },
    )
    assert response.status_code == 302
    personal = CandidatePersonalData.objects.get(candidate=by_csv)
    for url in [
        reverse("admin:selectie_candidate_changelist") + f"?q={VIA_CSV[0]}",
        reverse("admin:selectie_candidatepersonaldata_changelist") + f"?q={VIA_CSV[1]}",
        reverse("admin:selectie_candidate_change", args=[by_csv.pk]),
        reverse("admin:selectie_candidatepersonaldata_change", args=[personal.pk]),
    ]:
        assert admin.get(url).status_code in (200, 403)
    response = admin.post(
        reverse("admin:selectie_candidatepersonaldata_change", args=[personal.pk]),
        {
            "candidate": by_csv.pk,
            "name": VIA_CSV[0],
            "email": VIA_CSV[1],
            "notes": f"Aangepast in beheer voor {VIA_CSV[0]}",
            "consent_until": "",
            "consent_note": "",
            "consent_recorded_at_0": "",
            "consent_recorded_at_1": "",
            "consent_recorded_by": "",
        },
    )
    assert response.status_code in (302, 403)

    # Admin history as the admin wrote it before the fix: the name in the object text and in an
    # inline change message. The purge must scrub what it finds, whatever wrote it.
    for candidate, (name, email) in [(by_csv, VIA_CSV), (by_admin, VIA_ADMIN), (by_form, VIA_FORM)]:
        LogEntry.objects.log_actions(
            user_id=operator.pk,
            queryset=[candidate.personal_data],
            action_flag=CHANGE,
            change_message=json.dumps(
                [{"changed": {"name": "persoonsgegevens", "object": f"{candidate.code}: {name} <{email}>"}}]
            ),
            single_object=True,
        )
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(CandidatePersonalData),
            object_id=str(candidate.personal_data.pk),
        ).update(object_repr=f"{candidate.code}: {name}")

    # An audit line written before the Logboek Dataverwerkingen kept ids only: a name in free text.
    audit.record(
        users["hr"], by_csv, "score.revised", field="bewijs", old="", new=f"{VIA_CSV[0]} was overtuigend", reason=""
    )

    before = database_hits()
    assert any("selectie_candidatepersonaldata" in hit for hit in before), "the scanner must see the data"
    assert any("django_admin_log" in hit for hit in before), "the legacy admin history must be there to scrub"

    # Out: one on request, the others when the retention period has passed.
    response = hr.post(reverse("selectie:candidate-purge", args=[procedure.pk, by_form.pk]))
    assert response.status_code == 302
    closed = date(2026, 1, 10)
    SelectionProcedure.objects.filter(pk=procedure.pk).update(status="afgerond", closed_on=closed, retention_weeks=4)
    call_command("purge_candidates", today=closed + timedelta(weeks=5), stdout=StringIO())

    assert not CandidatePersonalData.objects.filter(candidate__procedure=procedure).exists()
    assert database_hits() == []
    logged = [record.getMessage() for record in caplog.records]
    assert not [line for line in logged if any(needle.lower() in line.lower() for needle in NEEDLES)]
    # The history itself stays: who did what, when, about which code.
    assert LogEntry.objects.filter(object_repr=by_csv.code).exists()
    # The audit log still holds, with its read lines (ids only) and the purge's redaction recorded.
    verdict = chain_verify()
    assert verdict.ok and verdict.redacted >= 1, verdict
    assert AuditEvent.objects.filter(action="data.read", content_id=by_form.pk).exists()
    assert AuditEvent.objects.filter(action="audit.redacted").exists()


def test_personal_data_never_shows_a_name_in_its_text(day):
    personal = day.candidates[0].personal_data
    assert personal.name not in str(personal)
    assert personal.email not in str(personal)
    assert day.candidates[0].code in str(personal)


def test_the_migration_strips_names_from_admin_history_written_before_the_fix(day, users):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("selectie.migrations.0002_scrub_admin_log_of_candidate_names")
    candidate = day.candidates[0]
    personal_type = ContentType.objects.get_for_model(CandidatePersonalData)
    candidate_type = ContentType.objects.get_for_model(Candidate)
    old_repr = LogEntry.objects.create(
        user=users["hr"],
        content_type=personal_type,
        object_id="9999",  # personal data purged long ago: the row no longer exists
        object_repr="K-001: Wilhelmina Oudenaarde",
        action_flag=CHANGE,
        change_message="[]",
    )
    inline = LogEntry.objects.create(
        user=users["hr"],
        content_type=candidate_type,
        object_id=str(candidate.pk),
        object_repr="K-001",
        action_flag=CHANGE,
        change_message=json.dumps(
            [{"added": {"name": "persoonsgegevens van kandidaat", "object": "K-001: Wilhelmina Oudenaarde"}}]
        ),
    )
    migration.scrub(apps, None)
    old_repr.refresh_from_db()
    inline.refresh_from_db()
    assert old_repr.object_repr == "K-001"
    assert "Wilhelmina" not in inline.change_message and "K-001" in inline.change_message
