"""One walk of every route as each member of organisation A, shared by the scans that read it.

The URL guard (no member ever gets a server error), the language scan (no "---------" placeholder)
and the name scan (no login name on any page or export) each walked every route of the same world
as four to six roles. `walk_of_organisation_a` walks it once per test process, as all six, and keeps
what each scan reads. The world is built inside a transaction that is rolled back afterwards, so no
other test sees it; the users carry login names that the name scan can recognise (`LOGIN_NAME`).
"""

import re
import traceback
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings

from competentie.organisations.models import Organisation
from frameworks.seeding import seed_libraries_load
from ontwikkeling.guide import guide_texts_load
from ontwikkeling.models import GuideText

from .routes import LOGS_OUT, ROUTES, build_world, url_for, visit

MEMBERS = ("hr", "selecteur", "mt", "beheerder", "deelnemer", "begeleider")
#: What every user of the walk is called at login: `login-<pk>-x`.
LOGIN_NAME = re.compile(r"login-\d+-x")
FIRST_NAMES = ["Hanna", "Sara", "Mark", "Bas", "Petra", "Sem", "Ilse", "Joost", "Fatima", "Ruud"]


@dataclass(frozen=True)
class Answer:
    persona: str
    route: str
    url: str
    status: int
    content_type: str
    body: str  # the decoded page or export of a 200 answer (not a PDF); empty otherwise
    error: str  # the traceback of a server error; empty otherwise


def users_named(users: dict) -> None:
    """Give every user a recognisable login name and a real first and last name."""
    for n, user in enumerate(get_user_model().objects.order_by("pk")):
        user.username = f"login-{user.pk}-x"
        user.first_name, user.last_name = FIRST_NAMES[n % len(FIRST_NAMES)], f"Achternaam{n}"
        user.save()
    for user in users.values():
        user.refresh_from_db()


def _answer(persona: str, route: str, url: str, response) -> Answer:
    content_type = response.get("Content-Type", "")
    body = error = ""
    if response.status_code == 200 and not content_type.startswith("application/pdf"):
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = raw.decode(errors="replace")
    if response.status_code >= 500 and getattr(response, "exc_info", None):
        error = "".join(traceback.format_exception(*response.exc_info))
    return Answer(persona, route, url, response.status_code, content_type, body, error)


@pytest.fixture(scope="session")
def walk_of_organisation_a(django_db_setup, django_db_blocker, tmp_path_factory) -> list[Answer]:
    from .conftest import DATABASE_TASKS, personas_create

    media = tmp_path_factory.mktemp("walk-media")
    answers = []
    with django_db_blocker.unblock(), override_settings(TASKS=DATABASE_TASKS, MEDIA_ROOT=str(media)):
        with transaction.atomic():
            # A transactional test earlier in this process may have flushed the seeded libraries.
            seed_libraries_load()
            if not GuideText.objects.exists():
                guide_texts_load()
            org_a = Organisation.objects.create(name="Gemeente Aadorp")
            org_b = Organisation.objects.create(name="Gemeente Beekdal")
            users = personas_create(org_a, org_b)
            world = build_world(users, org_a, org_b)
            users_named(users)
            # A server error is kept as an answer (with its traceback) instead of ending the walk.
            client = Client(raise_request_exception=False)
            for persona in MEMBERS:
                client.force_login(users[persona])
                for route, pattern in ROUTES:
                    if route in LOGS_OUT:
                        continue
                    url = url_for(route, pattern, world)
                    answers.append(_answer(persona, route, url, visit(client, url)))
            transaction.set_rollback(True)
    return answers


def walked(answers: list[Answer], personas) -> list[Answer]:
    """The answers for these personas, after checking that each of them walked every route."""
    mine = [answer for answer in answers if answer.persona in personas]
    expected = {(persona, route) for persona in personas for route, _ in ROUTES if route not in LOGS_OUT}
    assert {(answer.persona, answer.route) for answer in mine} == expected
    return mine
