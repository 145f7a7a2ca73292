from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from competentie.accounts.names import display_name
from competentie.audit.reads import logs_read

from .. import selectors, services
from ..forms import AssignmentForm, CandidateForm, CandidateImportForm, PersonalDataForm
from .common import add_errors, hr_procedure


@logs_read("selectie.SelectionProcedure", purpose="selection")
def candidate_list(request, pk):
    procedure = hr_procedure(request, pk)
    return render(
        request,
        "selectie/candidate_list.html",
        {
            "procedure": procedure,
            "candidates": selectors.candidate_list_for_hr(procedure=procedure),
            "form": CandidateForm(),
        },
    )


def candidate_create(request, pk):
    procedure = hr_procedure(request, pk)
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = services.candidate_create(procedure=procedure, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Kandidaat %(code)s is toegevoegd.") % {"code": candidate.code})
            return redirect("selectie:candidate-list", procedure.pk)
    return render(request, "selectie/candidate_form.html", {"procedure": procedure, "form": form})


def candidate_import(request, pk):
    procedure = hr_procedure(request, pk)
    form = CandidateImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > services.MAX_IMPORT_BYTES:
                raise ValidationError(
                    _("Het bestand is groter dan %(kb)s kB. Splits het in kleinere bestanden.")
                    % {"kb": services.MAX_IMPORT_BYTES // 1024}
                )
            created = services.candidates_import_csv(procedure=procedure, data=upload.read())
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            messages.success(
                request,
                _("%(count)s kandidaten geïmporteerd (%(first)s t/m %(last)s).")
                % {"count": len(created), "first": created[0].code, "last": created[-1].code},
            )
            return redirect("selectie:candidate-list", procedure.pk)
    # A refused file is a client error: 400, with the reasons on the form.
    status = 400 if request.method == "POST" else 200
    return render(request, "selectie/candidate_import.html", {"procedure": procedure, "form": form}, status=status)


@logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
def candidate_detail(request, pk, candidate_pk):
    """HR only: the candidate's personal data, consent and retention."""
    procedure = hr_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    personal = selectors.personal_data_of(candidate=candidate, for_change=request.method == "POST")
    form = PersonalDataForm(request.POST or None, instance=personal) if personal else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.candidate_personal_data_update(candidate=candidate, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De gegevens van %(code)s zijn opgeslagen.") % {"code": candidate.code})
            return redirect("selectie:candidate-detail", procedure.pk, candidate.pk)
    return render(
        request,
        "selectie/candidate_detail.html",
        {
            "procedure": procedure,
            "candidate": candidate,
            "personal": personal,
            "form": form,
            "retention_end": services.retention_end(candidate, personal),
            "assignments": candidate.assignments.select_related("selecteur", "exercise").order_by(
                "exercise__order", "exercise__pk", "selecteur__username"
            ),
            "history": selectors.candidate_history(candidate=candidate),
        },
    )


def candidate_purge(request, pk, candidate_pk):
    """Remove personal data on the candidate's request: GET asks, POST removes."""
    procedure = hr_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    if request.method == "POST":
        if services.candidate_purge(candidate=candidate, user=request.user, via="verzoek kandidaat"):
            messages.success(
                request,
                _("De persoonsgegevens van %(code)s zijn verwijderd. De anonieme scores blijven bewaard.")
                % {"code": candidate.code},
            )
        return redirect("selectie:candidate-detail", procedure.pk, candidate.pk)
    return render(request, "selectie/candidate_purge.html", {"procedure": procedure, "candidate": candidate})


@logs_read("selectie.SelectionProcedure", purpose="selection")
def assignment_list(request, pk):
    procedure = hr_procedure(request, pk)
    form = AssignmentForm(
        request.POST or None,
        selecteurs=selectors.assessor_choices(procedure=procedure),
        candidates=procedure.candidates.order_by("number"),
        exercises=procedure.exercises.order_by("order", "pk"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.assignments_create(procedure=procedure, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(count)s nieuwe toewijzingen.") % {"count": created})
            return redirect("selectie:assignment-list", procedure.pk)
    return render(
        request,
        "selectie/assignment_list.html",
        {
            "procedure": procedure,
            "form": form,
            "assignments": selectors.assignments_of_procedure(procedure=procedure),
        },
    )


def assignment_delete(request, pk, assignment_pk):
    """GET asks, POST removes a mistaken assignment (only while nothing was scored in it)."""
    procedure = hr_procedure(request, pk)
    assignment = get_object_or_404(selectors.assignments_of_procedure(procedure=procedure), pk=assignment_pk)
    if request.method == "POST":
        try:
            services.assignment_delete(assignment=assignment)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De toewijzing is verwijderd."))
        return redirect("selectie:assignment-list", procedure.pk)
    return render(
        request,
        "selectie/confirm_delete.html",
        {
            "procedure": procedure,
            "title": _("Toewijzing verwijderen"),
            "question": _("%(who)s beoordeelt %(code)s niet meer in %(exercise)s?")
            % {
                "who": display_name(assignment.selecteur),
                "code": assignment.candidate.code,
                "exercise": assignment.exercise.name,
            },
            "cancel_url": reverse("selectie:assignment-list", args=[procedure.pk]),
        },
    )
