"""Personas, after healthchecks' Alice/Bob/Charlie: two organisations and one user per role.

Organisation A ("Gemeente Aadorp") has one member per role; organisation B ("Gemeente
Beekdal") has its own HR author. Tests ask for `client_as("hr")` and get a logged-in client.
"""

import pytest
from django.test import Client

from competentie.organisations.models import Membership, Organisation
from frameworks.seeding import seed_libraries_load
from ontwikkeling.guide import guide_texts_load
from ontwikkeling.models import GuideText

from .factories import make_framework, make_user
from .routes import build_world
from .walk import walk_of_organisation_a  # noqa: F401 (a fixture: the scans' shared walk)

ROLES = [role.value for role in Membership.Role]


def pytest_configure(config):
    """The first process of a run makes the directory its xdist workers share (tests/e2e/quality.py)."""
    if not hasattr(config, "workerinput"):
        from .e2e.quality import shared_directory

        shared_directory()


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        from .e2e.quality import stop_shared_vnu_server

        stop_shared_vnu_server()


def pytest_collection_modifyitems(items):
    """Browser tests live in tests/e2e; `make test-fast` leaves them out with -m "not e2e"."""
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seeded libraries once; tests roll back around them."""
    with django_db_blocker.unblock():
        seed_libraries_load()


@pytest.fixture
def seeded(db):
    """The seeded libraries and the development guide's texts, reloaded if a transactional test flushed them
    (the guide texts come from a data migration, which a flush removes for the rest of the worker's tests)."""
    seed_libraries_load()
    if not GuideText.objects.exists():
        guide_texts_load()


@pytest.fixture
def org_a(db):
    return Organisation.objects.create(name="Gemeente Aadorp")


@pytest.fixture
def org_b(db):
    return Organisation.objects.create(name="Gemeente Beekdal")


def personas_create(org_a, org_b) -> dict:
    """One user of organisation A per role, an HR author of B ("outsider") and a user without organisation."""
    people = {role: make_user(role, organisation=org_a, role=role) for role in ROLES}
    people["outsider"] = make_user("hr_beekdal", organisation=org_b, role=Membership.Role.HR)
    people["nobody"] = make_user("zonder_organisatie")
    return people


@pytest.fixture
def users(org_a, org_b):
    return personas_create(org_a, org_b)


@pytest.fixture
def client_as(users):
    def login(persona: str) -> Client:
        client = Client()
        client.force_login(users[persona])
        return client

    return login


@pytest.fixture
def world(users, org_a, org_b, seeded, task_queue):
    """One object of organisation A behind every argument of every route (see tests/routes.py);
    its draft PDF build waits on the database queue, so the progress page has something to show."""
    return build_world(users, org_a, org_b)


@pytest.fixture
def framework_a(org_a):
    return make_framework(org_a, name="Framework Aadorp")


@pytest.fixture
def framework_b(org_b):
    return make_framework(org_b, name="Framework Beekdal")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    """Files the app stores (published PDFs) go to a temporary directory, never into the repository."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def task_queue(settings):
    """The database queue, as `make run` and a production without Redis have it (the tests run tasks
    inline otherwise). Returns a function that works off the queue as `manage.py db_worker` does."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS

    def work_off() -> int:
        # db_worker's own loop closes the database connection between tasks, which a test cannot allow.
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        done = 0
        for queued in DBTaskResult.objects.ready():
            queued.claim(worker.worker_id)
            worker.run_task(queued)
            done += 1
        return done

    return work_off
