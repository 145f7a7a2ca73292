from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from competentie import revisions
from competentie.audit.reads import logs_read
from competentie.pdf import pdf_response

from .. import evidence, pdf, selectors, services
from ..forms import DecisionForm
from .common import add_errors, hr_procedure


@logs_read("selectie.SelectionProcedure", purpose="selection")
def results(request, pk):
    procedure = hr_procedure(request, pk)
    competencies, rows = selectors.results(procedure=procedure)
    return render(
        request, "selectie/results.html", {"procedure": procedure, "competencies": competencies, "rows": rows}
    )


def decision(request, pk, candidate_pk):
    procedure = hr_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    existing = selectors.decision_of(candidate=candidate)
    form = DecisionForm(request.POST or None, instance=existing)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_set(
                candidate=candidate,
                user=request.user,
                revision=revisions.parse_revision(request.POST.get("revision")),
                **form.cleaned_data,
            )
        except revisions.StaleEdit as error:
            stale = error  # shown beside the user's text (includes/stale_edit.html)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Het besluit over %(code)s is vastgelegd.") % {"code": candidate.code})
            return redirect("selectie:results", procedure.pk)
    competencies = selectors.procedure_competencies(procedure=procedure)
    missing, ungrounded = evidence.decision_gaps(candidate=candidate, competencies=competencies)
    return render(
        request,
        "selectie/decision_form.html",
        {
            "procedure": procedure,
            "candidate": candidate,
            "form": form,
            # After a refusal the form carries the newer revision: saving again is a deliberate choice.
            "revision": stale.revision if stale else request.POST.get("revision") or revisions.revision_of(existing),
            "stale": stale,
            "report": selectors.candidate_report(candidate=candidate),
            "missing": missing,
            "ungrounded": ungrounded,
            "competencies": competencies,
        },
    )


@logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
def candidate_pdf(request, pk, candidate_pk):
    procedure = hr_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    context = pdf.candidate_report_context(candidate=candidate, include_name=request.GET.get("naam") == "1")
    return pdf_response(
        "selectie/pdf/candidate.html",
        context,
        filename=f"terugkoppeling-{candidate.code}.pdf",
        request=request,
        organisation_id=procedure.organisation_id,
    )


@logs_read("selectie.SelectionProcedure", purpose="selection")
def procedure_pdf(request, pk):
    procedure = hr_procedure(request, pk)
    return pdf_response(
        "selectie/pdf/procedure.html",
        pdf.procedure_report_context(procedure=procedure),
        filename=f"selectieprocedure-{procedure.pk}.pdf",
        request=request,
        organisation_id=procedure.organisation_id,
    )
