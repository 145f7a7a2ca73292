"""Authoring the rating scale and the guiding-question sets of a framework version (draft only)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, selectors, services
from ..forms import QuestionForm, QuestionSetForm, ScaleChoiceForm
from ..models import GuidingQuestionSet
from ._helpers import call_service, refuse_unless_editable, service_or_message


def evaluation_setup(request, pk):
    """The scale and the question sets: read by anyone who reads the framework, changed by its author."""
    framework = selectors.evaluation_setup_get(user=request.user, pk=pk)
    editable = not framework.is_frozen
    scale_form = set_form = None
    if editable:
        access.require(access.can_edit_framework(request.user, framework))
        scales = selectors.scales_to_choose(framework=framework)
        scale_form = ScaleChoiceForm(
            request.POST if request.POST.get("action") == "scale" else None, scales=scales, prefix="scale"
        )
        set_form = QuestionSetForm(request.POST if request.POST.get("action") == "set" else None, prefix="set")
    if request.method == "POST":
        if response := refuse_unless_editable(request, framework):
            return response
        action = request.POST.get("action")
        if action == "scale" and scale_form.is_valid():
            ok, _scale = call_service(
                scale_form,
                lambda: services.framework_scale_choose(
                    framework=framework,
                    user=request.user,
                    source=scale_form.chosen_scale,
                    points=scale_form.cleaned_data["points"] if scale_form.chosen_scale is None else None,
                ),
            )
            if ok:
                messages.success(request, _("De beoordelingsschaal is gekozen. Geef de punten nu een naam."))
                return redirect("frameworks:evaluation-setup", framework.pk)
        elif action == "points":
            points = {
                point.pk: (
                    request.POST.get(f"label-{point.pk}", ""),
                    request.POST.get(f"description-{point.pk}", ""),
                )
                for scale in framework.rating_scales.all()
                for point in scale.points.all()
            }
            if service_or_message(
                request, lambda: services.scale_points_update(framework=framework, user=request.user, points=points)
            ):
                messages.success(request, _("De schaalpunten zijn opgeslagen."))
                return redirect("frameworks:evaluation-setup", framework.pk)
        elif action == "set" and set_form.is_valid():
            ok, question_set = call_service(
                set_form,
                lambda: services.question_set_save(framework=framework, user=request.user, **set_form.cleaned_data),
            )
            if ok:
                messages.success(request, _("De set hulpvragen is toegevoegd. Voeg nu de vragen toe."))
                return redirect("frameworks:question-set-edit", question_set.pk)
    scale = next(iter(framework.rating_scales.all()), None)
    has_self_questions = any(
        question_set.purpose == GuidingQuestionSet.Purpose.SELF_EVALUATION
        for question_set in framework.question_sets.all()
    )
    return render(
        request,
        "frameworks/authoring/evaluation_setup.html",
        {
            "framework": framework,
            "ready": scale is not None and bool(scale.points.all()) and has_self_questions,
            "editable": editable,
            "scale": scale,
            "scale_form": scale_form,
            "set_form": set_form,
        },
        status=400 if request.method == "POST" else 200,
    )


def question_set_edit(request, pk):
    """One set: its name and step, its questions in order, and a form to add one."""
    question_set = selectors.question_set_get(user=request.user, pk=pk)
    framework = question_set.framework
    if response := refuse_unless_editable(request, framework):
        return response
    action = request.POST.get("action")
    form = QuestionSetForm(request.POST if action == "set" else None, instance=question_set, prefix="set")
    add_form = QuestionForm(request.POST if action == "question" else None, prefix="new")
    back = reverse("frameworks:question-set-edit", args=[question_set.pk])
    if action == "set" and form.is_valid():
        ok, _set = call_service(
            form,
            lambda: services.question_set_save(
                framework=framework, user=request.user, question_set=question_set, **form.cleaned_data
            ),
        )
        if ok:
            messages.success(request, _("De set hulpvragen is opgeslagen."))
            return redirect(back)
    if action == "question" and add_form.is_valid():
        ok, _question = call_service(
            add_form,
            lambda: services.question_save(question_set=question_set, user=request.user, **add_form.cleaned_data),
        )
        if ok:
            messages.success(request, _("De vraag is toegevoegd."))
            return redirect(back)
    return render(
        request,
        "frameworks/authoring/question_set.html",
        {"framework": framework, "question_set": question_set, "form": form, "add_form": add_form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def question_set_delete(request, pk):
    question_set = selectors.question_set_get(user=request.user, pk=pk)
    framework = question_set.framework
    if response := refuse_unless_editable(request, framework):
        return response
    if service_or_message(request, lambda: services.question_set_delete(question_set=question_set, user=request.user)):
        messages.success(request, _("De set hulpvragen is verwijderd."))
    return redirect("frameworks:evaluation-setup", framework.pk)


def question_edit(request, pk):
    question = selectors.question_get(user=request.user, pk=pk)
    question_set = question.question_set
    framework = question_set.framework
    if response := refuse_unless_editable(request, framework):
        return response
    back = reverse("frameworks:question-set-edit", args=[question_set.pk])
    if request.method == "POST" and request.POST.get("action") == "delete":
        if service_or_message(request, lambda: services.question_delete(question=question, user=request.user)):
            messages.success(request, _("De vraag is verwijderd."))
        return redirect(back)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        ok, _question = call_service(
            form,
            lambda: services.question_save(
                question_set=question_set, user=request.user, question=question, **form.cleaned_data
            ),
        )
        if ok:
            messages.success(request, _("De vraag is opgeslagen."))
            return redirect(back)
    return render(
        request,
        "frameworks/authoring/simple_form.html",
        {"framework": framework, "form": form, "title": _("Hulpvraag wijzigen"), "cancel_url": back},
    )
