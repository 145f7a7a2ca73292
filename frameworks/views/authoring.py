"""Authoring a framework as a whole: create, edit, stappenplan, derive, publish, versions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.organisations.selectors import organisation_choices

from .. import access, selectors, services
from ..forms import DeriveForm, FrameworkForm, StepForm
from ._helpers import call_service, refuse_unless_editable, service_or_message


def _authoring_organisations(user):
    return list(organisation_choices(ids=access.authoring_organisation_ids(user)))


def framework_create(request):
    access.require(access.can_create_framework(request.user))
    organisations = _authoring_organisations(request.user)
    form = FrameworkForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, framework = call_service(
            form,
            lambda: services.framework_create(
                user=request.user,
                organisation=data["organisation"],
                name=data["name"],
                description=data["description"],
                target_group=data["target_group"],
                source=data["source"],
            ),
        )
        if ok:
            messages.success(request, _("Framework aangemaakt met de niveaus beginner, gevorderd en expert."))
            return redirect("frameworks:framework-detail", framework.pk)
    return render(request, "frameworks/authoring/framework_form.html", {"form": form, "framework": None})


def framework_edit(request, pk):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    form = FrameworkForm(request.POST or None, instance=framework)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _result = call_service(
            form,
            lambda: services.framework_update(
                framework=framework,
                user=request.user,
                revision=data["revision"],
                name=data["name"],
                description=data["description"],
                target_group=data["target_group"],
                source=data["source"],
                status=data["status"],
            ),
        )
        if ok:
            messages.success(request, _("Wijzigingen opgeslagen."))
            return redirect("frameworks:framework-detail", framework.pk)
    return render(request, "frameworks/authoring/framework_form.html", {"form": form, "framework": framework})


@require_POST
def framework_step(request, pk, number):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, framework))
    if number not in [step.number for step in services.STEPS]:
        raise Http404
    form = StepForm(request.POST)
    error = ""
    if form.is_valid():
        ok, _step = call_service(
            form,
            lambda: services.framework_step_update(
                framework=framework,
                user=request.user,
                number=number,
                done=form.cleaned_data["done"],
                output=form.cleaned_data["output"],
                seen=form.cleaned_data["seen"] if "seen" in request.POST else None,
            ),
        )
        if not ok:
            error = " ".join(form.non_field_errors())
    if request.htmx:
        items = services.steps_progress(framework.steps.select_related("updated_by"))
        item = next(p for p in items if p.step.number == number)
        progress = {"items": items, "done": sum(p.done for p in items), "total": len(items)}
        return render(
            request,
            "frameworks/authoring/includes/_step.html",
            {
                "framework": framework,
                "item": item,
                "can_change": access.can_change_framework(request.user, framework),
                "error": error,
                "saved": not error,
                "progress": progress,
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Stap bijgewerkt."))
    return redirect(reverse("frameworks:framework-detail", args=[framework.pk]) + "#stappenplan")


def _derive(request, source, profile=None):
    access.require(access.can_derive_framework(request.user, source))
    organisations = _authoring_organisations(request.user)
    default_name = profile.name if profile else source.name
    form = DeriveForm(request.POST or None, organisations=organisations, initial={"name": default_name})
    if request.method == "POST" and form.is_valid():
        ok, derived = call_service(
            form,
            lambda: services.framework_derive(
                source=source,
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                profile=profile,
                name=form.cleaned_data["name"],
            ),
        )
        if ok:
            messages.success(request, _("Uw eigen concept staat klaar. Alles is te bewerken; de herkomst is bewaard."))
            return redirect("frameworks:framework-detail", derived.pk)
    return render(
        request, "frameworks/authoring/derive_form.html", {"form": form, "source": source, "profile": profile}
    )


def framework_derive(request, pk):
    source = selectors.authoring_framework_get(user=request.user, pk=pk)
    return _derive(request, source)


def profile_derive(request, pk):
    profile = selectors.profile_get_plain(user=request.user, pk=pk)
    return _derive(request, profile.framework, profile)


def framework_publish(request, pk):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    open_comments = framework.review_comments.filter(resolved_at__isnull=True).count()
    if request.method == "POST":
        if service_or_message(request, lambda: services.framework_publish(framework=framework, user=request.user)):
            messages.success(
                request,
                _("Versie %(version)s is vastgesteld. Verdere wijzigingen gaan in een nieuwe versie.")
                % {"version": framework.version},
            )
            return redirect("frameworks:framework-detail", framework.pk)
    steps_done = framework.steps.filter(done=True).count()
    return render(
        request,
        "frameworks/authoring/publish_confirm.html",
        {
            "framework": framework,
            "open_comments": open_comments,
            "warnings": selectors.publish_warnings(framework=framework),
            "steps_done": steps_done,
            "steps_total": len(services.STEPS),
        },
    )


@require_POST
def framework_new_version(request, pk):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, framework))
    result = {}

    def make():
        result["draft"] = services.framework_new_version(framework=framework, user=request.user)

    if service_or_message(request, make):
        messages.success(
            request, _("Versie %(version)s staat klaar als concept.") % {"version": result["draft"].version}
        )
        return redirect("frameworks:framework-detail", result["draft"].pk)
    return redirect("frameworks:framework-detail", framework.pk)


def framework_history(request, pk):
    framework, versions, changes = selectors.framework_history(user=request.user, pk=pk)
    if framework.is_library:
        raise Http404
    return render(
        request, "frameworks/authoring/history.html", {"framework": framework, "versions": versions, "changes": changes}
    )
