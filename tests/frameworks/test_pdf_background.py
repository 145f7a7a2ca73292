"""A large framework's PDF is built in the background (django-tasks, database backend) with progress on a page."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from frameworks import pdf
from frameworks.models import BehaviouralIndicator

from ..factories import make_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def large_draft(org_a, settings, task_queue):
    settings.BACKGROUND_PDF_INDICATORS = 10
    framework = make_framework(org_a, name="Groot concept", competencies=5, indicators=3)
    assert BehaviouralIndicator.objects.filter(competency__framework=framework).count() >= 10
    return framework


def test_a_large_draft_is_queued_then_built_by_the_worker_and_downloaded(client_as, large_draft, task_queue):
    client = client_as("hr")
    response = client.get(reverse("frameworks:framework-pdf", args=[large_draft.pk]))
    assert response.status_code == 302
    progress_url = response.url
    page = client.get(progress_url)
    assert page.status_code == 200 and "De PDF staat in de wachtrij." in page.content.decode()
    assert 'data-hx-trigger="every 3s"' in page.content.decode()

    (queued,) = DBTaskResult.objects.ready()
    queued.claim("test-worker")
    assert "De PDF wordt nu gemaakt." in client.get(progress_url).content.decode()
    queued.status = "READY"  # handed back to the queue, which the worker then works off
    queued.save(update_fields=["status"])
    assert task_queue() == 1

    page = client.get(progress_url).content.decode()
    assert "PDF downloaden" in page and "every 3s" not in page
    download = client.get(progress_url + "?download=1")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_someone_elses_build_is_not_found(client_as, large_draft, framework_b):
    response = client_as("hr").get(reverse("frameworks:framework-pdf", args=[large_draft.pk]))
    result_id = response.url.rstrip("/").rsplit("/", 1)[-1]
    assert client_as("outsider").get(response.url).status_code == 404
    wrong_framework = reverse("frameworks:framework-pdf-build", args=[framework_b.pk, result_id])
    assert client_as("outsider").get(wrong_framework).status_code == 404
    own_framework = make_framework(large_draft.organisation, name="Ander")
    other = reverse("frameworks:framework-pdf-build", args=[own_framework.pk, result_id])
    assert client_as("hr").get(other).status_code == 404
    assert (
        client_as("hr").get(reverse("frameworks:framework-pdf-build", args=[large_draft.pk, "onzin"])).status_code
        == 404
    )


def test_a_small_draft_is_rendered_in_the_request(client_as, framework_a):
    response = client_as("hr").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_large_published_version_is_built_once_in_the_background_then_streamed(
    client_as, large_draft, task_queue, django_assert_max_num_queries
):
    large_draft.published_at = timezone.now()
    large_draft.save(update_fields=["published_at"])
    client = client_as("hr")
    response = client.get(reverse("frameworks:framework-pdf", args=[large_draft.pk]))
    assert response.status_code == 302
    assert task_queue() == 1
    download = client.get(response.url + "?download=1")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert default_storage.exists(pdf.stored_name("framework", large_draft.pk, large_draft))

    # Kept for the version: the next reader gets the file at once, nothing is queued.
    again = client.get(reverse("frameworks:framework-pdf", args=[large_draft.pk]))
    assert again.status_code == 200 and b"".join(again.streaming_content).startswith(b"%PDF")
    assert task_queue() == 0


def test_the_background_pdf_is_in_the_language_of_whoever_asked(client_as, large_draft, task_queue, settings):
    client = client_as("hr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("frameworks:framework-pdf", args=[large_draft.pk]))
    (queued,) = DBTaskResult.objects.ready()
    assert queued.args_kwargs["kwargs"]["language"] == "en"
    assert task_queue() == 1
    assert client.get(response.url + "?download=1").status_code == 200


def test_with_tasks_run_inline_the_large_draft_is_served_at_once(client_as, large_draft, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    response = client_as("hr").get(reverse("frameworks:framework-pdf", args=[large_draft.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
