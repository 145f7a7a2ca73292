"""Measure the scoring screen and the calibration matrix for a large procedure.

Builds 200 candidates × 6 selecteurs × 8 competencies (two exercises of four competencies,
every selecteur assigned to every candidate in both, all scored and handed in), requests each
page five times through the test client and reports the median time and the query count.
Everything runs inside one transaction that is rolled back: the database is left as it was.

    DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py bench_selectie
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from frameworks.models import (
    BehaviouralIndicator,
    Competency,
    Framework,
    Membership,
    Organisation,
    Profile,
    ProfileCompetency,
)
from selectie import services
from selectie.models import (
    Assignment,
    Candidate,
    CandidatePersonalData,
    Score,
    SelectionProcedure,
    Submission,
)


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet query's en responstijden van het scoringsscherm en de kalibratiematrix (200 × 6 × 8)."

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=200)
        parser.add_argument("--selecteurs", type=int, default=6)
        parser.add_argument("--competencies", type=int, default=8)
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, candidates, selecteurs, competencies, runs, **options):
        try:
            with transaction.atomic():
                self._run(candidates, selecteurs, competencies, runs)
                raise Rollback
        except Rollback:
            self.stdout.write("Meetdata teruggedraaid.")

    def _build(self, n_candidates, n_selecteurs, n_competencies):
        User = get_user_model()
        stamp = timezone.now().strftime("%H%M%S%f")
        organisation = Organisation.objects.create(name=f"Meting {stamp}")
        hr = User.objects.create_user(f"bench-hr-{stamp}")
        Membership.objects.create(user=hr, organisation=organisation, role=Membership.Role.HR)
        assessors = []
        for n in range(n_selecteurs):
            user = User.objects.create_user(f"bench-sel{n}-{stamp}")
            Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.SELECTEUR)
            assessors.append(user)
        framework = Framework.objects.create(
            organisation=organisation,
            name="Meetframework",
            published_at=timezone.now(),
            status=Framework.Status.ADOPTED,
        )
        profile = Profile.objects.create(framework=framework, name="Meetprofiel")
        comps = []
        for n in range(n_competencies):
            competency = Competency.objects.create(
                framework=framework, name=f"Competentie {n}", definition="Definitie " * 10, order=n
            )
            pc = ProfileCompetency.objects.create(profile=profile, competency=competency, order=n)
            BehaviouralIndicator.objects.bulk_create(
                [BehaviouralIndicator(competency=competency, text=f"Algemeen gedrag {i}", order=i) for i in range(3)]
                + [
                    BehaviouralIndicator(profile_competency=pc, text=f"Gedrag in dit profiel {i}", order=i)
                    for i in range(3)
                ]
            )
            comps.append(competency)
        procedure = services.procedure_create(user=hr, organisation=organisation, name="Meting", profile=profile)
        half = n_competencies // 2
        exercises = [
            services.exercise_create(procedure=procedure, name="Interview", competencies=comps[:half]),
            services.exercise_create(procedure=procedure, name="Casus", competencies=comps[half:]),
        ]
        SelectionProcedure.objects.filter(pk=procedure.pk).update(status=SelectionProcedure.Status.CALIBRATION)
        people = Candidate.objects.bulk_create(
            [Candidate(procedure=procedure, number=n, code=f"K-{n:03d}") for n in range(1, n_candidates + 1)]
        )
        CandidatePersonalData.objects.bulk_create(
            [CandidatePersonalData(candidate=c, name=f"Naam {c.number}") for c in people]
        )
        assignments = Assignment.objects.bulk_create(
            [
                Assignment(procedure=procedure, selecteur=s, candidate=c, exercise=e)
                for c in people
                for s in assessors
                for e in exercises
            ]
        )
        observed = {exercises[0].pk: comps[:half], exercises[1].pk: comps[half:]}
        Score.objects.bulk_create(
            [
                Score(
                    assignment=a,
                    competency=k,
                    value=1 + (a.candidate.number + k.order + i) % 5,
                    evidence="Vraagt door en vat samen.",
                )
                for i, a in enumerate(assignments)
                for k in observed[a.exercise_id]
            ],
            batch_size=2000,
        )
        Submission.objects.bulk_create([Submission(candidate=c, selecteur=s) for c in people for s in assessors])
        return procedure, hr, assessors, assignments

    def _measure(self, client, url, runs):
        client.get(url)  # warm up (template loading, caches)
        times, queries, size = [], [], 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as context:
                start = time.perf_counter()
                response = client.get(url, HTTP_HOST="localhost")
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            queries.append(len(context.captured_queries))
            size = len(response.content)
        return statistics.median(times), max(queries), size

    def _run(self, n_candidates, n_selecteurs, n_competencies, runs):
        start = time.perf_counter()
        procedure, hr, assessors, assignments = self._build(n_candidates, n_selecteurs, n_competencies)
        self.stdout.write(
            f"Opgebouwd in {time.perf_counter() - start:.1f} s: {n_candidates} kandidaten × {n_selecteurs} selecteurs "
            f"× {n_competencies} competenties = {Score.objects.filter(assignment__procedure=procedure).count()} "
            f"scores ({connection.vendor})."
        )
        selecteur = assessors[0]
        mine = next(a for a in assignments if a.selecteur_id == selecteur.pk)
        cases = [
            ("scoringsscherm (selecteur)", selecteur, reverse("selectie:score-screen", args=[procedure.pk, mine.pk])),
            ("kalibratiematrix (HR)", hr, reverse("selectie:calibration", args=[procedure.pk])),
            ("kalibratiematrix (selecteur)", selecteur, reverse("selectie:calibration", args=[procedure.pk])),
            ("kalibratie, pagina 8 (HR)", hr, reverse("selectie:calibration", args=[procedure.pk]) + "?pagina=8"),
            (
                "kalibratie, alleen verschil (HR)",
                hr,
                reverse("selectie:calibration", args=[procedure.pk]) + "?verschil=1",
            ),
        ]
        for label, user, url in cases:
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            median, queries, size = self._measure(client, url, runs)
            self.stdout.write(f"{label:34} {queries:3d} query's  mediaan {median:8.1f} ms  ({size / 1024:.0f} kB)")
