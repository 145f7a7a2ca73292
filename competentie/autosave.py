"""The server side of static/js/autosave.js: one protocol for every app that autosaves.

A field save is a POST of ``field`` (the input's name), ``value`` (repeated for a group of
checkboxes) and, for records several people edit, ``revision`` (competentie/revisions.py). The answer
is JSON: 200 saved, 409 stale (with the stored version to show beside the user's text), 400/403
refused with a message. Network errors, 5xx and 429 are retried by the browser.
"""

from django.http import JsonResponse
from django.utils import timezone
from django.utils.formats import time_format

from .revisions import StaleEdit


def wants_json(request) -> bool:
    """The request came from the autosave script (a form posted without JavaScript gets a page)."""
    return request.headers.get("X-Requested-With") == "fetch"


def saved_response(*, revision: int | None = None, message: str = "") -> JsonResponse:
    data = {"saved": True, "time": time_format(timezone.localtime(), "H:i")}
    if revision is not None:
        data["revision"] = revision
    if message:
        data["message"] = str(message)
    return JsonResponse(data)


def refused_response(message: str, *, status: int = 400) -> JsonResponse:
    return JsonResponse({"saved": False, "error": str(message)}, status=status)


def stale_response(error: StaleEdit, *, fields: dict[str, object] | None = None) -> JsonResponse:
    """409: a colleague saved a newer version. ``current`` is shown beside the user's text, ``fields``
    (input name → stored value) fill the form when the user takes the newer version."""
    return JsonResponse(
        {
            "saved": False,
            "stale": True,
            "error": " ".join(str(m) for m in error.messages),
            "current": str(error.current),
            "revision": error.revision,
            "fields": fields if fields is not None else {},
        },
        status=409,
    )


def field_parts(field: str, *prefixes: str) -> tuple[str, int] | None:
    """Split an input name such as ``evidence-12`` into (``evidence``, 12), if its prefix is allowed."""
    prefix, _sep, number = field.rpartition("-")
    if prefix in prefixes and number.isdigit():
        return prefix, int(number)
    return None
