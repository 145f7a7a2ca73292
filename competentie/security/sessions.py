"""Sessions that fit shared devices: gone when the browser closes, and after an idle period.

The idle limit (SESSION_IDLE_MINUTES, default 30) ends a session nobody used for that long,
even if the browser stays open — a tablet left on a table after a selection day. Pages carry the
limit for static/js/session-timeout.js, which warns two minutes ahead and lets the user stay; the
autosave module keeps half-typed text in the browser, so nothing is lost if the warning is missed.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

LAST_ACTIVITY = "last_activity"
# Refresh the stored activity time at most once a minute: a session write per request costs.
REFRESH_AFTER_SECONDS = 60


def idle_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def mark_active_on_login(sender, request, user, **kwargs):
    """Signing in counts as activity, so the first page after it needs no session write."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY] = int(time.time())


class IdleSessionMiddleware:
    """Log out a user whose last request is longer ago than the idle limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY)
            if last is not None and now - last > idle_seconds():
                return self._expired(request)
            if last is None or now - last >= REFRESH_AFTER_SECONDS:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)

    def _expired(self, request, next_url=None):
        logout(request)
        messages.info(
            request,
            _("U bent automatisch uitgelogd omdat u %(minutes)s minuten niets heeft gedaan. Log opnieuw in.")
            % {"minutes": settings.SESSION_IDLE_MINUTES},
        )
        if request.headers.get("HX-Request"):
            # htmx follows HX-Redirect with a full page load; the page it came from comes back after login.
            current = request.headers.get("HX-Current-URL") or request.get_full_path()
            response = HttpResponse(status=401)
            response["HX-Redirect"] = redirect_to_login(current).url
            return response
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": "session_expired", "login": redirect_to_login("").url}, status=401)
        return redirect_to_login(next_url or request.get_full_path())


def session_context(request) -> dict:
    """The idle limit for the warning dialog in base.html."""
    return {"session_idle_seconds": idle_seconds()}


@require_POST
def session_expire(request):
    """The warning ran out: log out here, and come back to the same page after logging in again."""
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    return IdleSessionMiddleware(None)._expired(request, next_url or None)


@require_POST
def session_keepalive(request):
    """ "Ingelogd blijven": the session counts as used now."""
    request.session[LAST_ACTIVITY] = int(time.time())
    return HttpResponse(status=204)
