"""Measure the round overview with 5 rounds × 5 profiles × 8 participants (not a test).

Runs in a throw-away test database (in memory for SQLite; test_<name> for PostgreSQL), so it
never touches real data:

    DJANGO_SETTINGS_MODULE=competentie.test_settings .venv/bin/python manage.py bench_zelfevaluatie
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment
from django.urls import reverse


class Command(BaseCommand):
    help = "Meet het aantal queries en de responstijd van het overzicht van zelfevaluaties."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--participants", type=int, default=8)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, rounds, participants, repeat, **options):
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self._measure(rounds, participants, repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

    def _measure(self, rounds, participants, repeat):
        from django.contrib.auth import get_user_model

        from frameworks.models import Framework, Membership, Organisation
        from frameworks.seeding import seed_libraries_load
        from zelfevaluatie import services

        def make_user(username, *, organisation, role):
            user = get_user_model().objects.create_user(username=username)
            Membership.objects.create(user=user, organisation=organisation, role=role)
            return user

        seed_libraries_load()
        vth = Framework.objects.libraries().get(name="VTH competentieprofielen")
        organisation = Organisation.objects.create(name="Gemeente Bench")
        mt = make_user("bench_mt", organisation=organisation, role=Membership.Role.MANAGEMENT)
        people = [
            make_user(f"bench_{n}", organisation=organisation, role=Membership.Role.HR) for n in range(participants - 1)
        ]
        for number in range(rounds):
            round = services.round_create(
                organisation=organisation,
                framework=vth,
                period=f"{2017 + 2 * number}–{2018 + 2 * number}",
                user=mt,
                participants=people,
            )
            profiles = [rp.profile for rp in round.round_profiles.select_related("profile")]
            for participant in round.participants.all():
                for profile in profiles:
                    services.rating_save(
                        participant=participant, profile=profile, score=1 + number % 5, justification="x"
                    )
                    services.rating_submit(participant=participant, profile=profile)
            for profile in profiles:
                services.conclusion_save(
                    round=round, profile=profile, agreed_score=1 + number % 5, justification="Besproken.", user=mt
                )
            services.action_create(round=round, what="Actie", measure="m", owner="o", deadline="2030-01-01")
            services.round_advance(round=round)

        client = Client()
        client.force_login(mt)
        for name, url in [
            ("round-list", reverse("zelfevaluatie:round-list")),
            ("round-detail", reverse("zelfevaluatie:round-detail", args=[round.pk])),
            ("team", reverse("zelfevaluatie:team", args=[round.pk])),
            ("meeting", reverse("zelfevaluatie:meeting", args=[round.pk, profiles[0].pk])),
        ]:
            client.get(url)  # warm up templates and caches
            timings, queries = [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as context:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
                queries.append(len(context.captured_queries))
            self.stdout.write(
                f"{name}: {rounds} rondes × {len(profiles)} profielen × {participants} deelnemers — "
                f"{queries[0]} queries, mediaan {statistics.median(timings):.1f} ms "
                f"(min {min(timings):.1f}, max {max(timings):.1f}; {connection.vendor})"
            )
