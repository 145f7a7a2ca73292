"""Behavioural indicators, generic (per competency and level) or specific to a profile.

Indicators are edited inline with htmx (the server returns the changed block); every form also
works as a plain POST with a redirect, for keyboards, screen readers and browsers without JavaScript.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, selectors, services
from ..forms import IndicatorForm
from ._helpers import call_service, direction_of, refuse_unless_editable, service_or_message


def new_indicator_label(*, level=None, competency=None, profile_competency=None) -> str:
    if profile_competency is not None:
        return _("Nieuwe gedragsindicator voor %(name)s in dit profiel") % {"name": profile_competency.competency.name}
    if level is None:
        return _("Nieuwe gedragsindicator zonder niveau")
    return _("Nieuwe gedragsindicator op niveau %(level)s") % {"level": level.name}


def _indicator_block(request, *, competency=None, profile_competency=None, level=None, form=None, levels=None):
    """Context of one indicator block: a competency's indicators at one level, or a profile competency's."""
    if competency is not None:
        block_id = f"ind-c{competency.pk}-l{level.pk if level else 0}"
        indicators = selectors.indicators_of(competency=competency, level_id=level.pk if level else None)
        add_url = reverse("frameworks:indicator-create", args=[competency.pk])
        framework = competency.framework
    else:
        block_id = f"ind-p{profile_competency.pk}"
        indicators = selectors.indicators_of(profile_competency=profile_competency, all_levels=True)
        add_url = reverse("frameworks:profile-indicator-create", args=[profile_competency.pk])
        framework = profile_competency.profile.framework
    if levels is None:
        levels = list(selectors.framework_levels(framework_id=framework.pk))
    if form is None:
        form = IndicatorForm(
            levels=levels,
            fixed_level=competency is not None,
            prefix=block_id,
            compact=True,
            initial={"level": level.pk if level else None},
            text_label=new_indicator_label(level=level, competency=competency, profile_competency=profile_competency),
        )
    return {
        "block_id": block_id,
        "indicators": indicators,
        "add_url": add_url,
        "form": form,
        "level": level,
        "can_change": access.can_change_framework(request.user, framework),
        "framework": framework,
        "show_level": competency is None,
    }


# --- Indicators --------------------------------------------------------------------------------


def _indicator_owner_redirect(*, competency=None, profile_competency=None):
    if competency is not None:
        return redirect(reverse("frameworks:competency-edit", args=[competency.pk]) + "#indicatoren")
    return redirect(
        reverse("frameworks:profile-compose", args=[profile_competency.profile_id]) + f"#pc-{profile_competency.pk}"
    )


def _render_block(request, **kwargs):
    return render(request, "frameworks/authoring/includes/_indicator_block.html", _indicator_block(request, **kwargs))


def _create_indicator(request, *, competency=None, profile_competency=None):
    framework = competency.framework if competency else profile_competency.profile.framework
    access.require(access.can_edit_framework(request.user, framework))
    levels = list(selectors.framework_levels(framework_id=framework.pk))
    block_id = request.POST.get("block", "")
    form = IndicatorForm(
        request.POST, levels=levels, fixed_level=competency is not None, prefix=block_id or None, compact=True
    )
    posted_level = {str(lv.pk): lv for lv in levels}.get(form.data.get(form.add_prefix("level"), ""))
    form.fields["text"].label = new_indicator_label(
        level=posted_level, competency=competency, profile_competency=profile_competency
    )
    level = posted_level
    ok = False
    if form.is_valid():
        level = form.cleaned_data["level"]
        ok, _indicator = call_service(
            form,
            lambda: services.indicator_create(
                user=request.user,
                text=form.cleaned_data["text"],
                level=level,
                competency=competency,
                profile_competency=profile_competency,
            ),
        )
    if request.htmx:
        return _render_block(
            request,
            competency=competency,
            profile_competency=profile_competency,
            level=level,
            form=None if ok else form,
            levels=levels,
        )
    if not ok:
        for error in form.errors.get("__all__", []) + form.errors.get("text", []):
            messages.error(request, error)
    else:
        messages.success(request, _("Gedragsindicator toegevoegd."))
    return _indicator_owner_redirect(competency=competency, profile_competency=profile_competency)


@require_POST
def indicator_create(request, pk):
    competency = selectors.competency_editor(user=request.user, pk=pk)
    return _create_indicator(request, competency=competency)


@require_POST
def profile_indicator_create(request, pk):
    profile_competency = selectors.profile_competency_get(user=request.user, pk=pk)
    return _create_indicator(request, profile_competency=profile_competency)


def _indicator_context(indicator):
    competency = indicator.competency
    pc = indicator.profile_competency
    framework = competency.framework if competency else pc.profile.framework
    return competency, pc, framework


def indicator_edit(request, pk):
    indicator = selectors.indicator_get(user=request.user, pk=pk)
    competency, pc, framework = _indicator_context(indicator)
    if response := refuse_unless_editable(request, framework):
        return response
    levels = list(selectors.framework_levels(framework_id=framework.pk))
    form = IndicatorForm(request.POST or None, instance=indicator, levels=levels, prefix=f"edit{indicator.pk}")
    context = {"form": form, "indicator": indicator, "framework": framework, "competency": competency, "pc": pc}
    if request.method == "POST" and form.is_valid():
        ok, indicator = call_service(
            form,
            lambda: services.indicator_update(
                indicator=indicator,
                user=request.user,
                revision=form.cleaned_data["revision"],
                text=form.cleaned_data["text"],
                level=form.cleaned_data["level"],
            ),
        )
        if ok:
            if request.htmx:
                return render(
                    request,
                    "frameworks/authoring/includes/_indicator_item.html",
                    {"indicator": indicator, "can_change": True, "block_id": request.POST.get("block", "")},
                )
            messages.success(request, _("Gedragsindicator opgeslagen."))
            return _indicator_owner_redirect(competency=competency, profile_competency=pc)
    if request.htmx and request.GET.get("cancel"):
        return render(
            request,
            "frameworks/authoring/includes/_indicator_item.html",
            {"indicator": indicator, "can_change": True, "block_id": request.GET.get("block", "")},
        )
    context["block_id"] = request.GET.get("block") or request.POST.get("block", "")
    if request.htmx:
        return render(request, "frameworks/authoring/includes/_indicator_edit.html", context)
    return render(request, "frameworks/authoring/indicator_form.html", context)


@require_POST
def indicator_move(request, pk):
    indicator = selectors.indicator_get(user=request.user, pk=pk)
    competency, pc, framework = _indicator_context(indicator)
    access.require(access.can_edit_framework(request.user, framework))
    direction = direction_of(request)
    service_or_message(
        request, lambda: services.indicator_move(indicator=indicator, user=request.user, direction=direction)
    )
    if request.htmx:
        return _render_block(
            request, competency=competency, profile_competency=pc, level=indicator.level if competency else None
        )
    return _indicator_owner_redirect(competency=competency, profile_competency=pc)


def indicator_delete(request, pk):
    indicator = selectors.indicator_get(user=request.user, pk=pk)
    competency, pc, framework = _indicator_context(indicator)
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        if service_or_message(request, lambda: services.indicator_delete(indicator=indicator, user=request.user)):
            messages.success(request, _("Gedragsindicator verwijderd."))
        return _indicator_owner_redirect(competency=competency, profile_competency=pc)
    cancel = (
        reverse("frameworks:competency-edit", args=[competency.pk])
        if competency
        else reverse("frameworks:profile-compose", args=[pc.profile_id])
    )
    return render(
        request,
        "frameworks/authoring/confirm_delete.html",
        {
            "framework": framework,
            "object_label": indicator.text,
            "kind": _("gedragsindicator"),
            "cancel_url": cancel,
        },
    )
