"""Logboek Dataverwerkingen: every page that shows personal data writes one read line.

    from competentie.audit.reads import logs_read

    @logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
    def candidate_detail(request, pk, candidate_pk): ...

The line goes into the one audit log (action `data.read`) with the actor, the object's type and id
(from the URL, never its contents), the purpose, the result (`ok`, `refused` for a 403, `not_found`
for a 404) and, through competentie.audit.middleware, the address and browser, at the time of the
request. Only GET and HEAD are reads; what a POST changes is logged by the services.

`logs_read_record(request, obj, purpose=...)` is the same as one call, for a view that finds its
object some other way. `PURPOSES` is the closed list of purposes (verwerkingsregister).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

READ = "data.read"

# Purpose codes, each with the sentence the processing register uses (manage.py draft_document).
PURPOSES = {
    "selection": _("Selectie van kandidaten op een functieprofiel"),
    "self_evaluation": _("Zelfevaluatie van een managementteam"),
    "development": _("Ontwikkelprogramma: begeleiding en effectmeting"),
    "membership": _("Beheer van leden, rollen en toegang van de organisatie"),
    "employee_assessment": _("Beoordeling en ontwikkeling van medewerkers"),
}
RESULTS = {200: "ok", 403: "refused", 404: "not_found"}

# Every view decorated with logs_read, by dotted name: the route test checks the list in tests/routes.py.
DECORATED: dict[str, dict] = {}


def _check(purpose: str) -> None:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}; add it to competentie.audit.reads.PURPOSES")


def logs_read_record(request, obj=None, *, purpose: str, model: str = "", pk=None, result: str = "ok"):
    """Write one read line for `obj` (or `model` and `pk`) shown to the request's user."""
    from django.apps import apps

    from . import api

    _check(purpose)
    if obj is None:
        model_class = apps.get_model(model)
        obj = model_class(pk=pk)
    return api.record(request.user, obj, READ, purpose=purpose, result=result, view=_view_name(request))


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def logs_read(model: str, *, kwarg: str | Callable = "pk", purpose: str):
    """Decorate a view that shows personal data: each GET writes one read line, also when refused.

    `model` is the app label and model name of what the page is about; `kwarg` names the URL
    argument that holds its id, or is a function `(request, **kwargs) -> id` for pages without one
    (a list of the organisation's members: the organisation's id).
    """
    _check(purpose)

    def decorator(view):
        DECORATED[f"{view.__module__}.{view.__qualname__}"] = {"model": model, "purpose": purpose}

        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            pk = kwarg(request, **kwargs) if callable(kwarg) else kwargs.get(kwarg)
            if pk is None:  # nothing to name (no organisation chosen): the view refuses or shows nothing
                return view(request, *args, **kwargs)
            try:
                response = view(request, *args, **kwargs)
            except PermissionDenied:
                logs_read_record(request, model=model, pk=pk, purpose=purpose, result="refused")
                raise
            except Http404:
                logs_read_record(request, model=model, pk=pk, purpose=purpose, result="not_found")
                raise
            status = response.status_code
            if 300 <= status < 400:  # a redirect shows nothing; the page it leads to logs its own read
                return response
            result = RESULTS.get(status, "ok" if status < 400 else str(status))
            logs_read_record(request, model=model, pk=pk, purpose=purpose, result=result)
            return response

        wrapper.logs_read = {"model": model, "purpose": purpose}
        return wrapper

    return decorator
