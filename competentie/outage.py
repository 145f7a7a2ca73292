"""A short loss of the database is a wait, not an error: 503 with Retry-After, logged once.

When the database cannot be reached (a restart, a fail-over, a network hiccup), every request that
touches it fails with OperationalError or InterfaceError: while connecting, or halfway a query.
Most of them fail in a middleware already (the session is the first read), where no view and no
process_exception sees them; Django then calls the project's 500 handler with the exception still
being handled. `server_error` is that handler: for an unreachable database it answers 503 with
Retry-After (the autosave script waits that long and says it is retrying), without a traceback;
any other error gets Django's own 500 page as before.

The log gets one warning when the outage starts, and one a minute while it lasts with the number of
requests answered 503, instead of a traceback per request.
"""

import logging
import sys
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
LOG_EVERY_SECONDS = 60

_lock = threading.Lock()
_outage = {"logged_at": None, "unlogged": 0}


def database_unreachable(error: BaseException | None) -> bool:
    """Whether `error` says the database cannot be reached or cannot answer now.

    SQLite reports a missing table or column as OperationalError too: that is a deployment
    defect (a migration not run), which keeps its 500 and its traceback.
    """
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    return not str(error).lower().startswith(("no such table", "no such column", "table "))


def _log_outage(error: BaseException, *, now: float | None = None) -> None:
    now = time.monotonic() if now is None else now
    with _lock:
        last = _outage["logged_at"]
        if last is not None and now - last < LOG_EVERY_SECONDS:
            _outage["unlogged"] += 1
            return
        unlogged, _outage["unlogged"], _outage["logged_at"] = _outage["unlogged"], 0, now
    if last is None:
        logger.warning("Database niet bereikbaar (%s); verzoeken krijgen 503 met Retry-After.", error)
    else:
        logger.warning(
            "Database niet bereikbaar (%s); %s verzoeken kregen sinds de vorige melding 503.", error, unlogged + 1
        )


def outage_reset() -> None:
    """Forget the outage (for tests; a new outage is logged at once)."""
    with _lock:
        _outage.update(logged_at=None, unlogged=0)


def unavailable_response(request) -> HttpResponse:
    """503 with Retry-After: JSON for the autosave script, otherwise a page that needs no database."""
    message = _(
        "De database is even niet bereikbaar. Wat u typte, blijft in deze browser bewaard en wordt "
        "vanzelf opnieuw verstuurd."
    )
    accept = request.headers.get("Accept", "")
    if "application/json" in accept or request.headers.get("X-Requested-With") == "fetch":
        response = JsonResponse(
            {"saved": False, "unavailable": True, "error": message, "retry_after": RETRY_AFTER_SECONDS}, status=503
        )
    else:
        # No request in the context: the context processors would read the session, from the database.
        response = HttpResponse(
            loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS}), status=503
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # logged once per outage above, not as an error per request
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """The project's handler500: an unreachable database is a 503, anything else Django's 500 page."""
    error = sys.exc_info()[1]
    if database_unreachable(error):
        _log_outage(error)
        return unavailable_response(request)
    return django_server_error(request, template_name=template_name)
