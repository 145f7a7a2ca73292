"""AVG: personal data goes once the retention period is over; anonymous scores stay."""

import logging
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from competentie import audit
from competentie.audit.models import AuditEvent
from selectie import services
from selectie.models import (
    Candidate,
    CandidatePersonalData,
    Score,
    SelectionProcedure,
)

from .conftest import score_all

pytestmark = pytest.mark.django_db

CLOSED = date(2026, 1, 10)


def close(day, closed_on=CLOSED, weeks=4):
    SelectionProcedure.objects.filter(pk=day.procedure.pk).update(
        status="afgerond", closed_on=closed_on, retention_weeks=weeks
    )
    day.procedure.refresh_from_db()


def purge(today: date) -> str:
    from io import StringIO

    out = StringIO()
    call_command("purge_candidates", today=today, stdout=out)
    return out.getvalue()


def consent(candidate, until):
    CandidatePersonalData.objects.filter(candidate=candidate).update(consent_until=until, consent_note="e-mail")


def test_purge_removes_exactly_the_personal_data_past_retention_and_is_idempotent(
    day, selecteurs, users, org_a, vth_profile, caplog
):
    from .conftest import build_day

    score_all(day, selecteurs["selecteur"], day.candidates[0], submit=True)
    close(day)
    first, second, third = day.candidates
    consent(second, CLOSED + timedelta(days=200))
    consent(third, CLOSED + timedelta(days=10))  # consent shorter than retention changes nothing
    running = build_day(hr=users["hr"], organisation=org_a, profile=vth_profile, assessors=[], name="Loopt nog")
    end = CLOSED + timedelta(weeks=4)
    scores_before = Score.objects.count()

    purge(end)
    assert CandidatePersonalData.objects.filter(candidate__procedure=day.procedure).count() == 3

    with caplog.at_level(logging.INFO, logger="selectie.services"):
        purge(end + timedelta(days=1))
    kept = set(CandidatePersonalData.objects.values_list("candidate_id", flat=True))
    assert first.pk not in kept and third.pk not in kept  # past retention
    assert second.pk in kept  # consent extends
    assert {c.pk for c in running.candidates} <= kept  # procedure not closed
    assert Score.objects.count() == scores_before  # anonymous scores stay
    assert Candidate.objects.get(pk=first.pk).purged_at is not None
    purges = AuditEvent.objects.filter(action="candidate.purged")
    assert {(e.params["code"], e.params["via"], e.actor) for e in purges} == {
        ("K-001", "purge_candidates", None),
        ("K-003", "purge_candidates", None),
    }
    assert [e.action for e in audit.history_for(first)] == ["candidate.purged"]
    assert "Persoonsgegevens van kandidaat K-001" in caplog.text

    assert "0 kandidaten" in purge(end + timedelta(days=1))  # idempotent
    assert AuditEvent.objects.filter(action="candidate.purged").count() == 2

    purge(CLOSED + timedelta(days=201))
    assert second.pk not in set(CandidatePersonalData.objects.values_list("candidate_id", flat=True))


def test_consent_never_keeps_data_longer_than_a_year(day):
    close(day)
    second = day.candidates[1]
    consent(second, CLOSED + timedelta(days=900))  # e.g. entered through the admin
    assert services.retention_end(Candidate.objects.get(pk=second.pk)) == CLOSED + timedelta(days=365)
    purge(CLOSED + timedelta(days=366))
    assert not CandidatePersonalData.objects.filter(candidate=second).exists()


def test_hr_purges_one_candidate_on_request_after_confirming(day, users, client_for):
    candidate = day.candidates[0]
    url = reverse("selectie:candidate-purge", args=[day.procedure.pk, candidate.pk])
    client = client_for("hr")
    page = client.get(url)
    assert "definitief" in page.content.decode()
    assert CandidatePersonalData.objects.filter(candidate=candidate).exists()
    client.post(url)
    assert not CandidatePersonalData.objects.filter(candidate=candidate).exists()
    (log,) = audit.history_for(candidate)
    assert (log.action, log.params["code"], log.actor, log.params["via"]) == (
        "candidate.purged",
        "K-001",
        users["hr"],
        "verzoek kandidaat",
    )
    client.post(url)  # a second click changes nothing
    assert audit.history_for(candidate).count() == 1
    detail = client.get(reverse("selectie:candidate-detail", args=[day.procedure.pk, candidate.pk])).content.decode()
    assert "Naam, e-mailadres, notities en toestemming verwijderd" in detail
    content = client.get(reverse("selectie:candidate-list", args=[day.procedure.pk])).content.decode()
    assert "persoonsgegevens verwijderd" in content and "Persoon 1" not in content


def test_a_purge_erases_the_persons_name_from_the_audit_log_but_keeps_the_event(day, selecteurs, users):
    from selectie.models import Score

    from .conftest import score_all

    candidate, user = day.candidates[0], selecteurs["selecteur"]
    score_all(day, user, candidate, submit=True)
    services.procedure_transition(procedure=day.procedure, user=users["hr"], status="scoren")
    services.procedure_transition(procedure=day.procedure, user=users["hr"], status="kalibratie")
    score = Score.objects.filter(assignment__candidate=candidate, assignment__selecteur=user).first()
    services.score_revise(
        score=score, user=users["hr"], value=4, evidence=score.evidence, reason="Persoon 1 deed het goed"
    )
    services.candidate_purge(candidate=candidate, user=users["hr"], via="verzoek kandidaat")
    (revision,) = audit.history_for(score)
    assert revision.params["reason"] == "[verwijderd] deed het goed"
    assert AuditEvent.objects.filter(action="candidate.purged").count() == 1
