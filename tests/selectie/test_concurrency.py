"""Thirty selecteur saves at once lose nothing, on PostgreSQL and on SQLite (a file database in the
tests, configured for concurrent writers: WAL, busy timeout, IMMEDIATE transactions)."""

import threading

import pytest
from django.db import connections

from selectie import selectors, services
from selectie.models import Score

from .conftest import build_day

pytestmark = pytest.mark.django_db(transaction=True)


def test_thirty_concurrent_saves_lose_nothing(users, org_a, vth_profile, selecteurs):
    day = build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=vth_profile,
        assessors=[selecteurs["selecteur"], selecteurs["selecteur2"]],
    )
    competencies = list(day.interview.competencies.all())
    cells = [
        (assignment, competency)
        for assignment in day.procedure.assignments.filter(exercise=day.interview).select_related("selecteur")
        for competency in competencies
    ][:10]
    indicators = selectors.indicators_for(
        profile_ids=[day.procedure.profile_id], competency_ids=[c.pk for c in competencies]
    )
    jobs = []
    for n, (assignment, competency) in enumerate(cells):
        value = 1 + n % 5
        jobs += [
            (assignment, competency, {"value": value}),
            (assignment, competency, {"evidence": f"Bewijs {n}"}),
            (assignment, competency, {"indicator_ids": [indicators[competency.pk][0].pk]}),
        ]
    assert len(jobs) == 30
    barrier = threading.Barrier(len(jobs))
    errors = []

    def save(assignment, competency, changes):
        try:
            barrier.wait()
            services.score_save(assignment=assignment, competency=competency, user=assignment.selecteur, **changes)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Score.objects.count() == 10
    for n, (assignment, competency) in enumerate(cells):
        score = Score.objects.get(assignment=assignment, competency=competency)
        assert score.value == 1 + n % 5
        assert score.evidence == f"Bewijs {n}"
        assert list(score.observed_indicators.values_list("pk", flat=True)) == [indicators[competency.pk][0].pk]
