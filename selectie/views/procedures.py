from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.organisations.selectors import organisation_choices

from .. import access, selectors, services
from ..forms import ExerciseForm, ProcedureForm
from ..models import SelectionProcedure
from .common import add_errors, hr_procedure, member_procedure

# The list shows the newest procedures; older ones are on further pages, so the page costs what it shows.
PROCEDURES_PER_PAGE = 25


def procedure_list(request):
    page = Paginator(selectors.procedure_list(user=request.user), PROCEDURES_PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    hr_ids = set(access.hr_organisation_ids(request.user))
    return render(
        request,
        "selectie/procedure_list.html",
        {
            "procedures": page.object_list,
            "page": page,
            "hr_ids": hr_ids,
            "can_create": access.can_create_procedure(request.user),
        },
    )


def _procedure_form(request, *, instance=None, data=None):
    organisations = organisation_choices(ids=access.hr_organisation_ids(request.user))
    initial = {}
    if instance is None and organisations:
        initial["scale"] = services.selection_scale_default(organisation=organisations[0])
    return ProcedureForm(
        data,
        instance=instance,
        initial=initial,
        organisations=organisations,
        profiles=selectors.frozen_profiles(user=request.user),
        scales=selectors.rating_scales(user=request.user),
        chairs=selectors.chair_choices(organisation_ids=[o.pk for o in organisations]),
    )


def procedure_create(request):
    access.require(access.can_create_procedure(request.user))
    form = _procedure_form(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            procedure = services.procedure_create(user=request.user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De procedure is aangemaakt. Voeg nu oefeningen toe."))
            return redirect("selectie:exercise-matrix", procedure.pk)
    return render(request, "selectie/procedure_form.html", {"form": form})


def procedure_update(request, pk):
    procedure = hr_procedure(request, pk)
    form = _procedure_form(
        request, instance=selectors.procedure_for_form(procedure=procedure), data=request.POST or None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.procedure_update(procedure=procedure, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("De procedure is bijgewerkt."))
            return redirect("selectie:procedure-detail", procedure.pk)
    return render(request, "selectie/procedure_form.html", {"form": form, "procedure": procedure})


def procedure_detail(request, pk):
    procedure, is_hr = member_procedure(request, pk)
    if not is_hr:
        return render(
            request,
            "selectie/procedure_selecteur.html",
            {
                "procedure": procedure,
                "rows": selectors.my_assignments(user=request.user, procedure=procedure),
                "is_chair": access.is_chair(request.user, procedure),
            },
        )
    transitions = [SelectionProcedure.Status(s) for s in services.TRANSITIONS[procedure.status]]
    return render(
        request,
        "selectie/procedure_detail.html",
        {
            "procedure": procedure,
            "transitions": sorted(transitions, key=lambda s: SelectionProcedure.Status.values.index(s)),
            "statuses": SelectionProcedure.Status.choices,
            "exercises": selectors.exercises_with_competencies(procedure=procedure),
            "candidate_count": procedure.candidates.count(),
            "assignment_count": procedure.assignments.count(),
            "progress": selectors.submission_progress(procedure=procedure),
            "mine": selectors.my_assignments(user=request.user, procedure=procedure),
        },
    )


@require_POST
def procedure_transition(request, pk):
    procedure = hr_procedure(request, pk)
    try:
        procedure = services.procedure_transition(
            procedure=procedure, user=request.user, status=request.POST.get("status", "")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("De procedure staat nu op “%(status)s”.") % {"status": procedure.get_status_display()}
        )
    return redirect("selectie:procedure-detail", procedure.pk)


def exercise_matrix(request, pk):
    """Exercise × competency checkboxes: which competencies each exercise observes."""
    procedure = hr_procedure(request, pk)
    competencies = selectors.procedure_competencies(procedure=procedure)
    exercises = selectors.exercises_with_competencies(procedure=procedure)
    if request.method == "POST":
        matrix = {
            exercise.pk: {int(v) for v in request.POST.getlist(f"exercise-{exercise.pk}") if v.isdigit()}
            for exercise in exercises
        }
        try:
            services.exercise_matrix_save(procedure=procedure, matrix=matrix, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De verdeling van competenties over de oefeningen is opgeslagen."))
            return redirect("selectie:exercise-matrix", procedure.pk)
    rows = []
    for exercise in exercises:
        observed = {c.pk for c in exercise.competencies.all()}
        rows.append({"exercise": exercise, "cells": [(c, c.pk in observed) for c in competencies]})
    uncovered = [c for c in competencies if not any(c.pk in {x.pk for x in e.competencies.all()} for e in exercises)]
    return render(
        request,
        "selectie/exercise_matrix.html",
        {
            "procedure": procedure,
            "competencies": competencies,
            "rows": rows,
            "uncovered": uncovered,
            "form": ExerciseForm(),
            "criteria_version": selectors.criteria_version_latest(procedure=procedure),
        },
    )


def exercise_create(request, pk):
    procedure = hr_procedure(request, pk)
    form = ExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.exercise_create(procedure=procedure, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Oefening “%(name)s” is toegevoegd. Kies hieronder wat zij observeert.")
                % {"name": form.cleaned_data["name"]},
            )
            return redirect("selectie:exercise-matrix", procedure.pk)
    return render(request, "selectie/exercise_form.html", {"procedure": procedure, "form": form})


def exercise_delete(request, pk, exercise_pk):
    """GET asks, POST removes an exercise that nobody is assigned to yet."""
    procedure = hr_procedure(request, pk)
    exercise = get_object_or_404(procedure.exercises.all(), pk=exercise_pk)
    if request.method == "POST":
        try:
            services.exercise_delete(exercise=exercise, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Oefening “%(name)s” is verwijderd.") % {"name": exercise.name})
        return redirect("selectie:exercise-matrix", procedure.pk)
    return render(
        request,
        "selectie/confirm_delete.html",
        {
            "procedure": procedure,
            "title": _("Oefening verwijderen"),
            "question": _("Oefening “%(name)s” verwijderen?") % {"name": exercise.name},
            "cancel_url": reverse("selectie:exercise-matrix", args=[procedure.pk]),
        },
    )
