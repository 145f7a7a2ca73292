"""The production queue: django-tasks-rq on Redis, worked off by RQ's worker.

Against the Redis server at 127.0.0.1:6379 (on every development machine and in CI; REDIS_TEST_URL
points elsewhere). Each test uses a queue of its own, so parallel test runs never take each
other's jobs.
"""

import os
import uuid

import pytest
from django.urls import reverse

from frameworks import tasks

from .factories import make_framework
from .test_settings import run_manage

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def rq_queue(settings):
    import django_rq
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.fail(f"No Redis server at {REDIS_URL}: the production queue cannot be tested without one.")
    name = f"test-{uuid.uuid4().hex[:12]}"
    # Results are fetched over the "default" queue's connection, so that one is configured too.
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}, name: {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}}
    queue = django_rq.get_queue(name)
    yield name
    # Leave nothing in Redis: the jobs (with their results) of every registry, then the queue.
    for registry in (queue.finished_job_registry, queue.failed_job_registry, queue.started_job_registry):
        for job in queue.job_class.fetch_many(registry.get_job_ids(), connection=queue.connection):
            if job is not None:
                job.delete()
        queue.connection.delete(registry.key)
    queue.delete(delete_jobs=True)


def work_off(queue_name: str) -> None:
    """What `manage.py rqworker --burst --job-class django_tasks_rq.Job` does, in this process (a
    SimpleWorker forks no child, so the job sees this test's database)."""
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    worker = django_rq.get_worker(queue_name, job_class=Job, worker_class=SimpleWorker)
    assert worker.work(burst=True)


def test_a_framework_pdf_built_by_the_rq_worker_is_downloaded_from_its_progress_page(rq_queue, org_a, client_as):
    framework = make_framework(org_a, name="Groot concept", competencies=4)
    result = tasks.framework_pdf_build.using(queue_name=rq_queue).enqueue(framework_id=framework.pk, language="nl")
    progress = reverse("frameworks:framework-pdf-build", args=[framework.pk, result.id])
    client = client_as("hr")
    assert "De PDF staat in de wachtrij." in client.get(progress).content.decode()

    work_off(rq_queue)

    result.refresh()
    assert result.status == "SUCCESSFUL" and result.return_value.startswith("pdf/concept/")
    assert "PDF downloaden" in client.get(progress).content.decode()
    download = client.get(progress + "?download=1")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_task_that_fails_in_the_rq_worker_is_reported_as_failed(rq_queue, org_a):
    missing = make_framework(org_a, name="Bestaand").pk + 1000  # no framework has this number
    result = tasks.framework_pdf_build.using(queue_name=rq_queue).enqueue(framework_id=missing)
    work_off(rq_queue)
    result.refresh()
    assert result.status == "FAILED" and "DoesNotExist" in result.errors[0].traceback


def test_redis_url_selects_the_rq_backend_and_its_worker_command():
    production = {"DEBUG": "0", "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40, "REDIS_URL": REDIS_URL}
    settings = run_manage("diffsettings", **production)
    assert "django_tasks_rq.RQBackend" in settings.stdout, settings.stderr
    assert "django.core.cache.backends.redis.RedisCache" in settings.stdout
    worker = run_manage("rqworker", "--help", **production)
    assert worker.returncode == 0 and "--job-class" in worker.stdout
    without = run_manage("diffsettings", DEBUG="0", SECRET_KEY=production["SECRET_KEY"], REDIS_URL="")
    # Without Redis, the queue and the cache are both tables in the database (competentie/fragments.py).
    assert "django_tasks_db.DatabaseBackend" in without.stdout and "DatabaseCache" in without.stdout
