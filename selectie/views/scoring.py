from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import autosave
from competentie.audit.reads import logs_read

from .. import selectors, services
from .common import member_procedure


def _screen_context(request, procedure, assignment):
    items = selectors.scoring_screen(assignment=assignment)
    return {
        "procedure": procedure,
        "assignment": assignment,
        "candidate": assignment.candidate,
        "items": items,
        "progress": (sum(item.complete for item in items), len(items)),
        "points": selectors.scale_points(procedure=procedure),
        "submitted": selectors.has_submitted(candidate=assignment.candidate, user=request.user),
        "siblings": assignment.candidate.assignments.filter(selecteur=request.user)
        .select_related("exercise")
        .order_by("exercise__order", "exercise__pk"),
    }


@logs_read("selectie.Assignment", kwarg="assignment_pk", purpose="selection")
def score_screen(request, pk, assignment_pk):
    """The selecteur's scoring screen for one candidate in one exercise.

    With JavaScript every change is saved at once (score_autosave); without it, the
    "Opslaan" button posts the whole screen here.
    """
    # The selecteur's own assignment in this procedure is the access check: anyone else's is not found.
    procedure = selectors.procedure_get(user=request.user, pk=pk)
    assignment = selectors.assignment_get_for_selecteur(user=request.user, procedure=procedure, pk=assignment_pk)
    if request.method == "POST":
        errors = []
        for item in selectors.scoring_screen(assignment=assignment):
            cid = item.competency.pk
            try:
                services.score_save(
                    assignment=assignment,
                    competency=item.competency,
                    user=request.user,
                    value=request.POST.get(f"value-{cid}", ""),
                    evidence=request.POST.get(f"evidence-{cid}", ""),
                    indicator_ids=[v for v in request.POST.getlist(f"indicators-{cid}") if v.isdigit()],
                )
            except ValidationError as error:
                errors += error.messages
        for message in errors:
            messages.error(request, message)
        if not errors:
            messages.success(request, _("Opgeslagen om %(time)s.") % {"time": timezone.localtime().strftime("%H:%M")})
        return redirect("selectie:score-screen", procedure.pk, assignment.pk)
    return render(request, "selectie/score_screen.html", _screen_context(request, procedure, assignment))


@require_POST
def score_autosave(request, pk, assignment_pk):
    """One field of one competency (field=value-<id>|evidence-<id>|indicators-<id>), as autosave.js posts it.

    A score belongs to one selecteur, so it carries no revision: per-field saves cannot clash. The access
    check (organisation, the selecteur's own assignment) and the save are one locked read and one write
    (services.score_autosave): anyone else's assignment, or another organisation's, is not found.
    """
    parts = autosave.field_parts(request.POST.get("field", ""), "value", "evidence", "indicators")
    field, competency_id = parts or ("", None)  # an unknown field is refused after the access check
    if field == "value":
        changes = {"value": request.POST.get("value", "")}
    elif field == "evidence":
        changes = {"evidence": request.POST.get("value", "")}
    elif field == "indicators":
        changes = {"indicator_ids": [v for v in request.POST.getlist("value") if v.isdigit()]}
    else:
        changes = {}
    try:
        services.score_autosave(
            user=request.user, procedure_id=pk, assignment_id=assignment_pk, competency_id=competency_id, **changes
        )
    except services.NotFound:
        raise Http404 from None
    except ValidationError as error:
        return autosave.refused_response(" ".join(error.messages))
    return autosave.saved_response()


def candidate_submit(request, pk, candidate_pk):
    """Hand in every score for a candidate: GET shows what is missing, POST locks."""
    procedure, _is_hr = member_procedure(request, pk)
    candidate = selectors.candidate_get_for_selecteur(user=request.user, procedure=procedure, pk=candidate_pk)
    if request.method == "POST":
        try:
            services.candidate_submit(candidate=candidate, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("selectie:candidate-submit", procedure.pk, candidate.pk)
        messages.success(
            request,
            _("Uw scores voor %(code)s zijn ingediend. U ziet nu ook de scores van uw collega's in de kalibratie.")
            % {"code": candidate.code},
        )
        return redirect("selectie:procedure-detail", procedure.pk)
    return render(
        request,
        "selectie/candidate_submit.html",
        {
            "procedure": procedure,
            "candidate": candidate,
            "submitted": selectors.has_submitted(candidate=candidate, user=request.user),
            "problems": services.submission_problems(candidate=candidate, user=request.user),
            "progress": selectors.candidate_progress(candidate=candidate, user=request.user),
        },
    )
