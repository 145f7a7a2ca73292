"""CASE packages larger than one request imports (2 MB, up to 50 MB): read and written by the task queue.

The request only stores the upload (Django has already streamed it to a temporary file on disk:
FILE_UPLOAD_MAX_MEMORY_SIZE) in the private storage of competentie/uploads.py, which nothing
serves, and creates a CaseImportJob. Then, on the queue (django-tasks, like the background PDFs):

1. `case_import_read` parses and checks the package as the import itself would and keeps the
   import summary on the job (status "ready"), or refuses it with the Dutch messages of the
   import (status "refused"); nothing is written to the framework tables.
2. The user sees the summary on the job's page and confirms; `case_import_write` writes the
   framework in one transaction (status "done"), or nothing at all.

Meanwhile the job's `done` of `total` items is the progress its page shows (it refreshes itself
with htmx). The stored file is deleted once the job is done, refused or failed. With a backend that
runs tasks at once (TASKS_IMMEDIATE=1, the tests) each step has finished when its request returns.
"""

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from competentie.organisations.models import Organisation
from competentie.uploads import private_storage

from ..models import CaseImportJob
from . import case_import
from .errors import MAX_QUEUED_BYTES, ImportErrors, too_large_message

logger = logging.getLogger(__name__)
Status = CaseImportJob.Status
FOLDER = "imports/case"


def case_import_job_start(
    *, upload, organisation: Organisation, user: AbstractBaseUser, language: str
) -> CaseImportJob:
    """Keep the upload in the private storage (in chunks, never whole in memory) and queue its reading.

    An earlier import of this user that still waits for a confirmation gives way, with its file, so
    no package is kept for a summary nobody will confirm."""
    for earlier in CaseImportJob.objects.filter(user=user, status=Status.READY):
        _finish(earlier, Status.REFUSED, errors=[_("Niet bevestigd: u koos daarna een ander bestand.")])
    job = CaseImportJob(user=user, organisation=organisation, filename=upload.name[:255], size=upload.size)
    job.stored_name = private_storage().save(f"{FOLDER}/{job.uuid}.json", upload)
    job.save()
    case_import_read.enqueue(job_id=job.pk, language=language)
    return job


def _progress(job: CaseImportJob):
    def report(done: int, total: int) -> None:
        CaseImportJob.objects.filter(pk=job.pk).update(done=done, total=total)

    return report


def _finish(job: CaseImportJob, status: str, **fields) -> None:
    """End the job: its state, and the stored file gone (a refused or imported file is not kept)."""
    if job.stored_name:
        private_storage().delete(job.stored_name)
    CaseImportJob.objects.filter(pk=job.pk).update(status=status, stored_name="", **fields)


def _raw(job: CaseImportJob) -> bytes:
    if job.size > MAX_QUEUED_BYTES:
        raise ImportErrors([too_large_message(job.size, MAX_QUEUED_BYTES)], code="too_large")
    with private_storage().open(job.stored_name, "rb") as stored:
        return stored.read(MAX_QUEUED_BYTES + 1)


def _failed() -> list[str]:
    return [_("Het lezen van het bestand is onverwacht mislukt. Er is niets opgeslagen. Probeer het opnieuw.")]


@task()
def case_import_read(*, job_id: int, language: str = "nl") -> str:
    """Step 1: read and check the package, keep the import summary; nothing is written."""
    job = CaseImportJob.objects.filter(pk=job_id, status=Status.READING).first()
    if job is None:
        return "gone"
    with translation.override(language):
        try:
            summary = case_import.case_import_summary(_raw(job), limit=MAX_QUEUED_BYTES, progress=_progress(job))
        except ImportErrors as errors:
            _finish(job, Status.REFUSED, errors=list(errors.messages))
            return Status.REFUSED
        except Exception:  # noqa: BLE001 - the job says it failed; the log has the details
            logger.exception("CASE import job %s could not be read", job.pk)
            _finish(job, Status.FAILED, errors=_failed())
            return Status.FAILED
    CaseImportJob.objects.filter(pk=job.pk).update(status=Status.READY, summary=summary)
    return Status.READY


def case_import_job_confirm(*, job: CaseImportJob, language: str) -> bool:
    """The user saw the summary and confirms: queue the writing, once (a second click changes nothing)."""
    claimed = CaseImportJob.objects.filter(pk=job.pk, status=Status.READY).update(
        status=Status.WRITING, done=0, total=0
    )
    if claimed:
        case_import_write.enqueue(job_id=job.pk, language=language)
    return bool(claimed)


@task()
def case_import_write(*, job_id: int, language: str = "nl") -> str:
    """Step 2: write the framework, all of it in one transaction, or nothing."""
    job = CaseImportJob.objects.filter(pk=job_id, status=Status.WRITING).select_related("user", "organisation").first()
    if job is None:
        return "gone"
    with translation.override(language):
        try:
            framework = case_import.framework_import_case(
                raw=_raw(job),
                organisation=job.organisation,
                user=job.user,
                filename=job.filename,
                limit=MAX_QUEUED_BYTES,
                progress=_progress(job),
            )
        except ImportErrors as errors:
            _finish(job, Status.REFUSED, errors=list(errors.messages))
            return Status.REFUSED
        except Exception:  # noqa: BLE001 - the job says it failed; the log has the details
            logger.exception("CASE import job %s could not be written", job.pk)
            _finish(job, Status.FAILED, errors=_failed())
            return Status.FAILED
    _finish(job, Status.DONE, framework=framework)
    return Status.DONE
