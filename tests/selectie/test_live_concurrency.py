"""Thirty selecteurs autosave at the same moment against a running server: no errors, nothing lost.

This is the selection-day load on the embedded default (SQLite, configured in competentie/settings.py
for concurrent writers) and on PostgreSQL alike. The test database is a file on SQLite
(competentie/test_settings.py), so the live server's threads each have their own connection and
meet real SQLite locking, as `make run` does.
"""

import http.client
import threading
import urllib.parse

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from competentie.organisations.models import Membership
from selectie.models import Score

from ..factories import make_user
from .conftest import build_day

pytestmark = pytest.mark.django_db(transaction=True)

SELECTEURS = 30


def session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_thirty_concurrent_autosaves_against_a_live_server_all_succeed_and_are_all_stored(
    live_server, users, org_a, vth_profile
):
    people = [
        make_user(f"selecteur-{n:02d}", organisation=org_a, role=Membership.Role.SELECTEUR) for n in range(SELECTEURS)
    ]
    day = build_day(hr=users["hr"], organisation=org_a, profile=vth_profile, assessors=people, candidates=1, assigned=1)
    competency = day.interview.competencies.order_by("order", "pk").first()
    assignments = {a.selecteur_id: a for a in day.procedure.assignments.filter(exercise=day.interview)}
    token = "a" * 32  # an unmasked CSRF secret, as a browser's csrftoken cookie holds it
    host, port = urllib.parse.urlsplit(live_server.url).netloc.split(":")

    # Each selecteur has the scoring screen open, as a browser does: one kept-alive connection each.
    # (Thirty brand-new connections in the same millisecond would overflow the development server's
    # listen queue of 10, a limit of the server and not of the database; the browser retries those.)
    jobs = []
    for n, person in enumerate(people):
        assignment = assignments[person.pk]
        headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session_for(person)}; {settings.CSRF_COOKIE_NAME}={token}",
            "X-CSRFToken": token,
            "X-Requested-With": "fetch",
            "Referer": live_server.url + "/",
        }
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        connection.request(
            "GET", reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk]), headers=headers
        )
        screen = connection.getresponse()
        screen.read()
        assert screen.status == 200
        url = reverse("selectie:score-autosave", args=[day.procedure.pk, assignment.pk])
        body = urllib.parse.urlencode({"field": f"evidence-{competency.pk}", "value": f"Bewijs van selecteur {n}"})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        jobs.append((connection, url, body, headers))

    barrier = threading.Barrier(SELECTEURS)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def post(connection, url, body, headers):
        barrier.wait()
        try:
            connection.request("POST", url, body=body, headers=headers)
            response = connection.getresponse()
            result = (response.status, response.read().decode(errors="replace")[:300])
        except OSError as error:  # a refused or dropped connection counts as an error too
            result = (0, repr(error))
        finally:
            connection.close()
        with lock:
            answers.append(result)

    threads = [threading.Thread(target=post, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    errors = [answer for answer in answers if answer[0] != 200 or '"saved": true' not in answer[1]]
    assert len(answers) == SELECTEURS
    assert errors == []
    stored = dict(
        Score.objects.filter(assignment__in=assignments.values(), competency=competency).values_list(
            "assignment__selecteur__username", "evidence"
        )
    )
    assert stored == {f"selecteur-{n:02d}": f"Bewijs van selecteur {n}" for n in range(SELECTEURS)}
