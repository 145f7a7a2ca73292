"""A short loss of the database is a wait, not an error (competentie/outage.py).

The database is made unreachable the two ways it fails in practice: a new connection is refused
(the server restarts; the session is the first thing a request reads, in a middleware), and a query
fails halfway a view. Both are answered 503 with Retry-After, the autosave script gets JSON it can
show, the log gets one warning instead of a traceback per request, and once the database is back
the same request succeeds.
"""

import logging

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from competentie import outage
from frameworks.models import Profile
from selectie.models import Score

from .selectie.conftest import build_day

SECURITY_HEADERS = ["Content-Security-Policy", "X-Frame-Options"]


@pytest.fixture(autouse=True)
def _fresh_outage():
    outage.outage_reset()
    yield
    outage.outage_reset()


@pytest.fixture
def autosave(users, org_a, seeded):
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"]])
    assignment = day.procedure.assignments.select_related("exercise").first()
    competency = assignment.exercise.competencies.order_by("order", "pk").first()
    client = Client(raise_request_exception=False)
    client.force_login(users["selecteur"])
    return {
        "client": client,
        "url": reverse("selectie:score-autosave", args=[day.procedure.pk, assignment.pk]),
        "data": {"field": f"evidence-{competency.pk}", "value": "Vat de vraag samen."},
        "page": reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk]),
        "assignment": assignment,
    }


def post_autosave(autosave):
    return autosave["client"].post(
        autosave["url"], autosave["data"], headers={"X-Requested-With": "fetch", "Accept": "application/json"}
    )


def assert_unavailable_json(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    data = response.json()
    assert data["unavailable"] is True and data["saved"] is False
    assert "database is even niet bereikbaar" in data["error"]
    for header in SECURITY_HEADERS:
        assert response.has_header(header), header


def outage_log(caplog):
    warnings = [r for r in caplog.records if r.name == "competentie.outage"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    return warnings, errors


@pytest.mark.django_db(transaction=True)
def test_a_refused_connection_is_a_503_with_retry_after_logged_once_and_then_saves(autosave, monkeypatch, caplog):
    caplog.set_level(logging.WARNING)

    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused: the database server is restarting")

    connection.close()
    monkeypatch.setattr(connection, "get_new_connection", refuse)
    for _ in range(3):
        assert_unavailable_json(post_autosave(autosave))
    page = autosave["client"].get(autosave["page"])
    assert page.status_code == 503
    assert page["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert "De database is even niet bereikbaar" in page.content.decode()
    for header in SECURITY_HEADERS:
        assert page.has_header(header), header
    warnings, errors = outage_log(caplog)
    assert len(warnings) == 1 and "niet bereikbaar" in warnings[0].getMessage()
    assert errors == [], [r.getMessage() for r in errors]

    monkeypatch.undo()  # the database is back
    saved = post_autosave(autosave)
    assert saved.status_code == 200 and saved.json()["saved"] is True
    assert Score.objects.get(assignment=autosave["assignment"]).evidence == "Vat de vraag samen."


@pytest.mark.django_db
def test_a_query_that_fails_halfway_a_view_is_a_503_too(autosave, caplog):
    caplog.set_level(logging.WARNING)

    def lost(execute, sql, params, many, context):
        if "selectie_score" in sql:
            raise OperationalError("server closed the connection unexpectedly")  # as Django wraps it
        return execute(sql, params, many, context)

    with connection.execute_wrapper(lost):
        assert_unavailable_json(post_autosave(autosave))
    warnings, errors = outage_log(caplog)
    assert len(warnings) == 1 and errors == []
    assert not Score.objects.filter(assignment=autosave["assignment"]).exclude(evidence="").exists()


@pytest.mark.django_db
def test_other_errors_keep_their_500_page_and_traceback(autosave, caplog):
    def broken(execute, sql, params, many, context):
        if "selectie_score" in sql:
            raise OperationalError("no such table: selectie_score")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(broken):
        response = post_autosave(autosave)
    assert response.status_code == 500
    assert not response.has_header("Retry-After")
    assert [r for r in caplog.records if r.name == "django.request" and r.exc_info]


def test_a_long_outage_is_summed_up_once_a_minute(monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger="competentie.outage")
    clock = iter([0.0, 10.0, 20.0, 30.0, 61.0, 62.0])
    monkeypatch.setattr(outage.time, "monotonic", lambda: next(clock))
    for _ in range(6):
        outage._log_outage(OperationalError("connection refused"))
    messages = [r.getMessage() for r in caplog.records if r.name == "competentie.outage"]
    assert len(messages) == 2
    assert "4 verzoeken" in messages[1]  # the three kept quiet and the one that logs
