"""Composing role and function profiles from a framework's competencies."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, selectors, services
from ..forms import IndicatorForm, ProfileCompetencyAddForm, ProfileCompetencyForm, ProfileForm
from ..models import Profile
from ._helpers import call_service, direction_of, refuse_unless_editable, service_or_message
from .authoring_indicators import new_indicator_label


def profile_create(request, pk):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    form = ProfileForm(
        request.POST or None,
        framework=framework,
        instance=Profile(framework=framework),
        initial={"parent": request.GET.get("hoofdprofiel")},
    )
    if request.method == "POST" and form.is_valid():
        ok, profile = call_service(
            form, lambda: services.profile_create(framework=framework, user=request.user, **form.service_kwargs())
        )
        if ok:
            messages.success(request, _("Profiel aangemaakt. Stel het nu samen uit de competenties van het framework."))
            return redirect("frameworks:profile-compose", profile.pk)
    return render(
        request, "frameworks/authoring/profile_form.html", {"form": form, "framework": framework, "profile": None}
    )


def profile_edit(request, pk):
    profile = selectors.profile_editor(user=request.user, pk=pk)
    framework = profile.framework
    if response := refuse_unless_editable(request, framework):
        return response
    form = ProfileForm(request.POST or None, framework=framework, instance=profile)
    if request.method == "POST" and form.is_valid():
        ok, _profile = call_service(
            form,
            lambda: services.profile_update(
                profile=profile, user=request.user, revision=form.cleaned_data["revision"], **form.service_kwargs()
            ),
        )
        if ok:
            messages.success(request, _("Profiel opgeslagen."))
            return redirect("frameworks:profile-detail", profile.pk)
    return render(
        request, "frameworks/authoring/profile_form.html", {"form": form, "framework": framework, "profile": profile}
    )


def profile_delete(request, pk):
    profile = selectors.profile_get_plain(user=request.user, pk=pk)
    framework = profile.framework
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        if service_or_message(request, lambda: services.profile_delete(profile=profile, user=request.user)):
            messages.success(request, _("Profiel “%(name)s” verwijderd.") % {"name": profile.name})
            return redirect("frameworks:framework-detail", framework.pk)
        return redirect("frameworks:profile-detail", profile.pk)
    return render(
        request,
        "frameworks/authoring/confirm_delete.html",
        {
            "framework": framework,
            "object_label": profile.name,
            "kind": _("profiel"),
            "cancel_url": reverse("frameworks:profile-detail", args=[profile.pk]),
            "consequence": _(
                "De hoofdtaken van dit profiel en de profielspecifieke gedragsindicatoren worden ook verwijderd."
            ),
        },
    )


def profile_compose(request, pk, add_form=None):
    profile = selectors.profile_compose(user=request.user, pk=pk)
    framework = profile.framework
    if response := refuse_unless_editable(request, framework):
        return response
    levels = framework.levels.all()
    level_list = list(levels)
    level_queryset = selectors.framework_levels(framework_id=framework.pk)
    rows = []
    for pc in profile.profile_competencies.all():
        block_id = f"ind-p{pc.pk}"
        rows.append(
            {
                "pc": pc,
                "form": ProfileCompetencyForm(instance=pc, levels=level_list, prefix=f"pc{pc.pk}"),
                "block": {
                    "block_id": block_id,
                    "indicators": list(pc.indicators.all()),
                    "level": None,
                    "add_url": reverse("frameworks:profile-indicator-create", args=[pc.pk]),
                    "form": IndicatorForm(
                        levels=level_list,
                        prefix=block_id,
                        compact=True,
                        text_label=new_indicator_label(profile_competency=pc),
                    ),
                    "can_change": True,
                    "framework": framework,
                },
            }
        )
    add_form = add_form or ProfileCompetencyAddForm(
        profile=profile, competencies=framework.competencies.all(), levels=level_queryset, prefix="add"
    )
    count = len(rows)
    return render(
        request,
        "frameworks/authoring/profile_compose.html",
        {
            "profile": profile,
            "framework": framework,
            "rows": rows,
            "add_form": add_form,
            "levels": levels,
            "core_count": count,
            "core_warning": services.profile_core_warning(count),
        },
    )


@require_POST
def profile_competency_add(request, pk):
    profile = selectors.profile_compose(user=request.user, pk=pk)
    framework = profile.framework
    access.require(access.can_edit_framework(request.user, framework))
    form = ProfileCompetencyAddForm(
        request.POST,
        profile=profile,
        competencies=framework.competencies.all(),
        levels=selectors.framework_levels(framework_id=framework.pk),
        prefix="add",
    )
    if form.is_valid():
        ok, _pc = call_service(
            form,
            lambda: services.profile_competency_add(
                profile=profile,
                user=request.user,
                competency=form.cleaned_data["competency"],
                required_level=form.cleaned_data["required_level"],
                note=form.cleaned_data["note"],
            ),
        )
        if ok:
            messages.success(
                request, _("“%(name)s” toegevoegd aan het profiel.") % {"name": form.cleaned_data["competency"].name}
            )
            return redirect("frameworks:profile-compose", profile.pk)
    return profile_compose(request, pk, add_form=form)


@require_POST
def profile_competency_edit(request, pk):
    pc = selectors.profile_competency_get(user=request.user, pk=pk)
    framework = pc.profile.framework
    access.require(access.can_edit_framework(request.user, framework))
    levels = list(selectors.framework_levels(framework_id=framework.pk))
    form = ProfileCompetencyForm(request.POST, instance=pc, levels=levels, prefix=f"pc{pc.pk}")
    if form.is_valid():
        ok, _pc = call_service(
            form,
            lambda: services.profile_competency_update(
                profile_competency=pc,
                user=request.user,
                revision=form.cleaned_data["revision"],
                required_level=form.cleaned_data["required_level"],
                note=form.cleaned_data["note"],
            ),
        )
        if ok:
            messages.success(request, _("“%(name)s” opgeslagen.") % {"name": pc.competency.name})
        else:
            for error in form.non_field_errors():
                messages.error(request, error)
    else:
        messages.error(request, _("Controleer het vereiste niveau en de toelichting."))
    return redirect(reverse("frameworks:profile-compose", args=[pc.profile_id]) + f"#pc-{pc.pk}")


@require_POST
def profile_competency_move(request, pk):
    pc = selectors.profile_competency_get(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, pc.profile.framework))
    direction = direction_of(request)
    service_or_message(
        request, lambda: services.profile_competency_move(profile_competency=pc, user=request.user, direction=direction)
    )
    return redirect(reverse("frameworks:profile-compose", args=[pc.profile_id]) + f"#pc-{pc.pk}")


def profile_competency_remove(request, pk):
    pc = selectors.profile_competency_get(user=request.user, pk=pk)
    framework = pc.profile.framework
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        if service_or_message(
            request, lambda: services.profile_competency_remove(profile_competency=pc, user=request.user)
        ):
            messages.success(request, _("“%(name)s” uit het profiel gehaald.") % {"name": pc.competency.name})
        return redirect("frameworks:profile-compose", pc.profile_id)
    return render(
        request,
        "frameworks/authoring/confirm_delete.html",
        {
            "framework": framework,
            "object_label": pc.competency.name,
            "kind": _("competentie uit dit profiel"),
            "cancel_url": reverse("frameworks:profile-compose", args=[pc.profile_id]),
            "consequence": _(
                "De competentie blijft in het framework; de profielspecifieke gedragsindicatoren verdwijnen."
            ),
            "verb": _("Uit profiel halen"),
        },
    )
