"""Logboek Dataverwerkingen for the procedure's dossier (issue 30): its download writes one read line,
whether it is built at once (inline tasks) or in the background; the redirect to the progress page
and the progress page polled while it is built write none.

The route walk (tests/test_audit_reads.py) has the world's build waiting on the queue, so neither
page shows the dossier there: tests/routes.py lists them under READS_PERSONAL_DATA_ELSEWHERE."""

import pytest
from django.urls import reverse

from competentie.audit import reads
from competentie.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _read_lines():
    return AuditEvent.objects.filter(action=reads.READ)


def test_only_the_download_of_the_built_dossier_writes_a_read_line(day, users, client_for, task_queue):
    client = client_for("hr")
    response = client.get(reverse("selectie:dossier", args=[day.procedure.pk]))
    assert response.status_code == 302  # queued: the redirect itself shows nothing
    progress = response.url
    assert _read_lines().count() == 0
    assert client.get(progress).status_code == 200
    assert task_queue() == 1
    assert "PDF downloaden" in client.get(progress).content.decode()
    assert _read_lines().count() == 0  # the progress page, before and after the build, names no one

    download = client.get(progress + "?download=1", HTTP_USER_AGENT="Testbrowser/1.0", REMOTE_ADDR="192.0.2.7")
    assert download["Content-Type"] == "application/pdf"
    (line,) = _read_lines()
    assert (line.actor, line.purpose, line.result) == (users["hr"], "selection", "ok")
    assert (line.content_type.model, line.content_id) == ("selectionprocedure", day.procedure.pk)
    assert line.params == {"view": "selectie:dossier-build"}
    assert (line.ip_address, line.user_agent) == ("192.0.2.7", "Testbrowser/1.0")


def test_a_download_of_someone_elses_build_is_logged_as_not_found(day, client_for, task_queue):
    progress = client_for("hr").get(reverse("selectie:dossier", args=[day.procedure.pk])).url
    task_queue()
    assert client_for("selecteur2").get(progress + "?download=1").status_code in (403, 404)
    (line,) = _read_lines()
    assert line.result in ("refused", "not_found") and line.content_id == day.procedure.pk


def test_a_dossier_built_at_once_writes_its_read_line_on_the_first_page(day, users, client_for):
    response = client_for("hr").get(reverse("selectie:dossier", args=[day.procedure.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    (line,) = _read_lines()
    assert (line.actor, line.content_id, line.params) == (users["hr"], day.procedure.pk, {"view": "selectie:dossier"})
