"""PDFs built in the background (django-tasks), with a progress page and the download once ready.

One mechanism for every app: a view enqueues its app's task with `start`; the task renders and
keeps the file with `store`; the progress view reads the result with `result_or_404` (which also
checks that the build belongs to the object in the URL) and renders `includes/pdf_build_progress.html`,
which refreshes itself (htmx) until the PDF is ready and then offers `?download=1`. With a backend
that runs tasks at once (TASKS_IMMEDIATE=1, the tests) `start` serves the PDF straight away.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

STATUSES = TaskResultStatus


def store(name: str, content: bytes) -> str:
    """Keep a built PDF in the default storage; returns the name it was stored under."""
    return default_storage.save(name, ContentFile(content))


def stored_response(name: str, *, filename: str) -> FileResponse:
    response = FileResponse(default_storage.open(name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def start(task, *, kwargs: dict, progress_url: Callable[[str], str], done: Callable, failed: Callable) -> HttpResponse:
    """Enqueue the build; send the reader to its progress page (or, when it ran at once, to the result)."""
    result = task.enqueue(**kwargs)
    if result.is_finished:  # a backend that runs tasks at once (TASKS_IMMEDIATE=1, the tests)
        return done(result) if result.status == TaskResultStatus.SUCCESSFUL else failed(result)
    return redirect(progress_url(str(result.id)))


def result_or_404(task, result_id: str, **expected):
    """The build `result_id` of `task`, if its arguments match `expected` (the object in the URL);
    another task's build (a framework's PDF behind a dossier's URL) is not found either."""
    try:
        result = task.get_result(result_id)
    except (TaskResultDoesNotExist, TaskResultMismatch, ValidationError, ValueError, NotImplementedError) as exc:
        # NotImplementedError: a backend that keeps no results (the immediate one) has no builds to show.
        raise Http404 from exc
    if any(result.kwargs.get(key) != value for key, value in expected.items()):
        raise Http404
    return result


def is_ready(result) -> bool:
    return result.status == TaskResultStatus.SUCCESSFUL


def builds_prune(*, folder: str, before) -> int:
    """Delete built PDFs in `folder` (of the default storage) last written before `before`; how many."""
    from django.core.files.storage import default_storage

    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in files:
        path = f"{folder.rstrip('/')}/{name}"
        if default_storage.get_modified_time(path) < before:
            default_storage.delete(path)
            removed += 1
    return removed
