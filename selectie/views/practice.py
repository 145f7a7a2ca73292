"""Practice cases: HR attaches them with an expert's scores; a selecteur rates one and compares."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from competentie.audit.reads import logs_read

from .. import selectors, services
from ..forms import PracticeCaseForm
from ..services.practice import PRACTICE_MINIMUM
from .common import add_errors, hr_procedure, member_procedure


def _posted(request, rows) -> tuple[dict, dict]:
    values = {row["competency"].pk: request.POST.get(f"value-{row['competency'].pk}", "") for row in rows}
    indicators = {
        row["competency"].pk: [v for v in request.POST.getlist(f"indicators-{row['competency'].pk}") if v.isdigit()]
        for row in rows
    }
    return values, indicators


@logs_read("selectie.SelectionProcedure", purpose="selection")
def practice_cases(request, pk):
    """HR: the procedure's practice cases, a form to add one, and who has practised how closely."""
    procedure = hr_procedure(request, pk)
    form = PracticeCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.practice_case_save(procedure=procedure, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Oefencasus toegevoegd. Geef nu de scores van de expert."))
            return redirect("selectie:practice-case", procedure.pk, case.pk)
    return render(
        request,
        "selectie/accountability/practice_cases.html",
        {
            "procedure": procedure,
            "cases": selectors.practice_cases(procedure=procedure),
            "overview": selectors.practice_overview(procedure=procedure),
            "minimum": PRACTICE_MINIMUM,
            "form": form,
        },
    )


def practice_case(request, pk, case_pk):
    """HR: the case's text and the expert's score and observed behaviour per competency."""
    procedure = hr_procedure(request, pk)
    case = selectors.practice_case_get(procedure=procedure, pk=case_pk)
    form = PracticeCaseForm(request.POST or None, initial={"title": case.title, "description": case.description})
    rows = selectors.practice_form_rows(case=case, only_expert=False)
    if request.method == "POST" and form.is_valid():
        values, indicators = _posted(request, rows)
        try:
            services.practice_case_save(procedure=procedure, case=case, **form.cleaned_data)
            services.practice_expert_save(case=case, values=values, indicators=indicators)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De oefencasus is opgeslagen."))
            return redirect("selectie:practice-cases", procedure.pk)
    return render(
        request,
        "selectie/accountability/practice_case.html",
        {
            "procedure": procedure,
            "case": case,
            "form": form,
            "rows": rows,
            "points": selectors.scale_points(procedure=procedure),
        },
    )


def practice(request, pk):
    """A selecteur's practice: the cases, which are done, and how many are still to do."""
    procedure, _is_hr = member_procedure(request, pk)
    cases = selectors.my_practice(procedure=procedure, user=request.user)
    return render(
        request,
        "selectie/accountability/practice.html",
        {
            "procedure": procedure,
            "cases": cases,
            "done": sum(c["done"] for c in cases),
            "minimum": min(PRACTICE_MINIMUM, len([c for c in cases if c["ready"]])),
        },
    )


def practice_rate(request, pk, case_pk):
    """Rate a case once; then the feedback (own score against the expert's, behaviour missed)."""
    procedure, _is_hr = member_procedure(request, pk)
    case = selectors.practice_case_get(procedure=procedure, pk=case_pk)
    attempt = selectors.practice_attempt_of(case=case, user=request.user)
    rows = selectors.practice_form_rows(case=case, only_expert=True)
    error = ""
    if request.method == "POST" and attempt is None:
        values, indicators = _posted(request, rows)
        try:
            attempt = services.practice_rate(case=case, user=request.user, values=values, indicators=indicators)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect("selectie:practice-rate", procedure.pk, case.pk)
    return render(
        request,
        "selectie/accountability/practice_rate.html",
        {
            "procedure": procedure,
            "case": case,
            "rows": rows,
            "points": selectors.scale_points(procedure=procedure),
            "feedback": selectors.practice_feedback(attempt=attempt) if attempt else None,
            "error": error,
        },
    )
