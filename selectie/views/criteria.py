"""The criteria of a procedure: frozen from the first score, changed only under a new version."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import selectors, services
from ..forms import CriteriaVersionForm
from .common import add_errors, hr_procedure


def criteria(request, pk):
    """Versions of the criteria with what they held, and a form to open a new version (with a reason)."""
    procedure = hr_procedure(request, pk)
    form = CriteriaVersionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.criteria_version_create(
                procedure=procedure, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Versie %(number)s van de criteria is geopend. Wijzig nu wat nodig is; de eerste score legt haar vast."
                )
                % {"number": version.number},
            )
            return redirect("selectie:exercise-matrix", procedure.pk)
    versions = selectors.criteria_versions(procedure=procedure)
    return render(
        request,
        "selectie/accountability/criteria.html",
        {
            "procedure": procedure,
            "versions": versions,
            "current": versions[-1] if versions else None,
            "history": selectors.criteria_history(procedure=procedure),
            "form": form,
        },
    )
