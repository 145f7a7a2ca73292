"""Authoring inside a framework: competencies (new or picked), clusters and levels."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, selectors, services
from ..forms import ClusterForm, CompetencyForm, IndicatorForm, LevelForm
from ._helpers import call_service, direction_of, refuse_unless_editable, service_or_message
from .authoring_indicators import new_indicator_label

# --- Competencies ------------------------------------------------------------------------------


def competency_create(request, pk):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    form = CompetencyForm(request.POST or None, framework=framework)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, competency = call_service(
            form,
            lambda: services.competency_create(
                framework=framework,
                user=request.user,
                name=data["name"],
                definition=data["definition"],
                kind=data["kind"],
                hard_to_learn=data["hard_to_learn"],
                cluster=data["cluster"],
                esco_uri=data["esco_uri"],
                competentnl_uri=data["competentnl_uri"],
            ),
        )
        if ok:
            messages.success(request, _("Competentie toegevoegd. Schrijf nu de gedragsindicatoren per niveau."))
            return redirect("frameworks:competency-edit", competency.pk)
    return render(
        request, "frameworks/authoring/competency_form.html", {"form": form, "framework": framework, "competency": None}
    )


def competency_edit(request, pk):
    competency = selectors.competency_editor(user=request.user, pk=pk)
    framework = competency.framework
    if response := refuse_unless_editable(request, framework):
        return response
    form = CompetencyForm(request.POST or None, instance=competency, framework=framework)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _result = call_service(
            form,
            lambda: services.competency_update(
                competency=competency,
                user=request.user,
                revision=data["revision"],
                name=data["name"],
                definition=data["definition"],
                kind=data["kind"],
                hard_to_learn=data["hard_to_learn"],
                cluster=data["cluster"],
                esco_uri=data["esco_uri"],
                competentnl_uri=data["competentnl_uri"],
            ),
        )
        if ok:
            messages.success(request, _("Competentie opgeslagen."))
            return redirect("frameworks:competency-edit", competency.pk)
        competency = selectors.competency_editor(user=request.user, pk=pk)  # show the fresh indicators
    levels = list(framework.levels.all())
    blocks = []
    for level in levels + [None]:
        indicators = [i for i in competency.indicators.all() if i.level_id == (level.pk if level else None)]
        if level is None and not indicators:
            continue
        block_id = f"ind-c{competency.pk}-l{level.pk if level else 0}"
        blocks.append(
            {
                "block_id": block_id,
                "indicators": indicators,
                "level": level,
                "add_url": reverse("frameworks:indicator-create", args=[competency.pk]),
                "form": IndicatorForm(
                    levels=levels,
                    fixed_level=True,
                    compact=True,
                    prefix=block_id,
                    initial={"level": level.pk if level else None},
                    text_label=new_indicator_label(level=level, competency=competency),
                ),
                "can_change": True,
                "framework": framework,
            }
        )
    return render(
        request,
        "frameworks/authoring/competency_edit.html",
        {"form": form, "framework": framework, "competency": competency, "blocks": blocks},
    )


def competency_delete(request, pk):
    competency = selectors.competency_editor(user=request.user, pk=pk)
    framework = competency.framework
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        if service_or_message(request, lambda: services.competency_delete(competency=competency, user=request.user)):
            messages.success(request, _("Competentie “%(name)s” verwijderd.") % {"name": competency.name})
            return redirect("frameworks:framework-detail", framework.pk)
        return redirect("frameworks:competency-edit", competency.pk)
    return render(
        request,
        "frameworks/authoring/confirm_delete.html",
        {
            "framework": framework,
            "object_label": competency.name,
            "kind": _("competentie"),
            "cancel_url": reverse("frameworks:competency-edit", args=[competency.pk]),
            "consequence": _("De gedragsindicatoren van deze competentie worden ook verwijderd."),
        },
    )


@require_POST
def competency_move(request, pk):
    competency = selectors.competency_editor(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, competency.framework))
    direction = direction_of(request)
    service_or_message(
        request, lambda: services.competency_move(competency=competency, user=request.user, direction=direction)
    )
    return redirect(
        reverse("frameworks:framework-detail", args=[competency.framework_id]) + f"#competentie-{competency.pk}"
    )


def competency_pick(request, pk):
    """The picker: search the readable dictionaries and other frameworks; picking copies the entry."""
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        source = selectors.picker_source_get(user=request.user, framework=framework, pk=request.POST.get("source"))
        if service_or_message(
            request, lambda: services.competency_pick(framework=framework, user=request.user, source=source)
        ):
            messages.success(
                request,
                _("“%(name)s” overgenomen uit %(origin)s.") % {"name": source.name, "origin": source.framework.name},
            )
        query = request.POST.get("q", "")
        suffix = "?" + urlencode({"q": query}) if query else ""
        return redirect(reverse("frameworks:competency-pick", args=[framework.pk]) + suffix)
    query = request.GET.get("q", "")
    context = {
        "framework": framework,
        "query": query,
        "results": selectors.competency_picker(user=request.user, framework=framework, query=query),
        "picked": selectors.picked_source_ids(framework=framework),
    }
    if request.htmx:
        return render(request, "frameworks/authoring/includes/_picker_results.html", context)
    return render(request, "frameworks/authoring/competency_pick.html", context)


# --- Clusters ----------------------------------------------------------------------------------


def cluster_create(request, pk):
    framework = selectors.authoring_framework_get(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    form = ClusterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _cluster = call_service(
            form,
            lambda: services.cluster_create(
                framework=framework,
                user=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            ),
        )
        if ok:
            messages.success(request, _("Cluster toegevoegd."))
            return redirect("frameworks:framework-detail", framework.pk)
    return render(
        request,
        "frameworks/authoring/simple_form.html",
        {
            "form": form,
            "framework": framework,
            "title": _("Cluster toevoegen"),
            "intro": _(
                "Groepeer verwante competenties, bijvoorbeeld “Basiscompetenties” of een cluster uit het woordenboek."
            ),
        },
    )


def cluster_edit(request, pk):
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    framework = cluster.framework
    if response := refuse_unless_editable(request, framework):
        return response
    form = ClusterForm(request.POST or None, instance=cluster)
    if request.method == "POST" and form.is_valid():
        ok, _cluster = call_service(
            form,
            lambda: services.cluster_update(
                cluster=cluster,
                user=request.user,
                revision=form.cleaned_data["revision"],
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            ),
        )
        if ok:
            messages.success(request, _("Cluster opgeslagen."))
            return redirect("frameworks:framework-detail", framework.pk)
    return render(
        request,
        "frameworks/authoring/simple_form.html",
        {
            "form": form,
            "framework": framework,
            "title": _("Cluster bewerken"),
            "extra_link": (reverse("frameworks:cluster-delete", args=[cluster.pk]), _("Cluster verwijderen…")),
        },
    )


def cluster_delete(request, pk):
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    framework = cluster.framework
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        if service_or_message(request, lambda: services.cluster_delete(cluster=cluster, user=request.user)):
            messages.success(request, _("Cluster verwijderd."))
        return redirect("frameworks:framework-detail", framework.pk)
    return render(
        request,
        "frameworks/authoring/confirm_delete.html",
        {
            "framework": framework,
            "object_label": cluster.name,
            "kind": _("cluster"),
            "cancel_url": reverse("frameworks:cluster-edit", args=[cluster.pk]),
            "consequence": _("De competenties in dit cluster blijven bestaan, zonder cluster."),
        },
    )


# --- Levels ------------------------------------------------------------------------------------


def levels_edit(request, pk):
    framework = selectors.levels_editor(user=request.user, pk=pk)
    if response := refuse_unless_editable(request, framework):
        return response
    add_form = LevelForm(request.POST or None, prefix="new")
    if request.method == "POST" and add_form.is_valid():
        ok, _level = call_service(
            add_form,
            lambda: services.level_create(
                framework=framework,
                user=request.user,
                name=add_form.cleaned_data["name"],
                description=add_form.cleaned_data["description"],
            ),
        )
        if ok:
            messages.success(request, _("Niveau toegevoegd."))
            return redirect("frameworks:levels-edit", framework.pk)
    forms = [(level, LevelForm(instance=level, prefix=f"level{level.pk}")) for level in framework.levels.all()]
    return render(
        request,
        "frameworks/authoring/levels.html",
        {"framework": framework, "add_form": add_form, "level_forms": forms},
    )


def level_edit(request, pk):
    level = selectors.level_get(user=request.user, pk=pk)
    framework = level.framework
    if response := refuse_unless_editable(request, framework):
        return response
    form = LevelForm(request.POST or None, instance=level, prefix=f"level{level.pk}")
    if request.method == "POST" and form.is_valid():
        ok, _level = call_service(
            form,
            lambda: services.level_update(
                level=level,
                user=request.user,
                revision=form.cleaned_data["revision"],
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            ),
        )
        if ok:
            messages.success(request, _("Niveau opgeslagen."))
            return redirect("frameworks:levels-edit", framework.pk)
    return render(
        request,
        "frameworks/authoring/simple_form.html",
        {
            "form": form,
            "framework": framework,
            "title": _("Niveau bewerken"),
            "cancel_url": reverse("frameworks:levels-edit", args=[framework.pk]),
        },
    )


@require_POST
def level_move(request, pk):
    level = selectors.level_get(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, level.framework))
    direction = direction_of(request)
    service_or_message(request, lambda: services.level_move(level=level, user=request.user, direction=direction))
    return redirect("frameworks:levels-edit", level.framework_id)


def level_delete(request, pk):
    level = selectors.level_get(user=request.user, pk=pk)
    framework = level.framework
    if response := refuse_unless_editable(request, framework):
        return response
    if request.method == "POST":
        service_or_message(request, lambda: services.level_delete(level=level, user=request.user))
        return redirect("frameworks:levels-edit", framework.pk)
    return render(
        request,
        "frameworks/authoring/confirm_delete.html",
        {
            "framework": framework,
            "object_label": level.name,
            "kind": _("niveau"),
            "cancel_url": reverse("frameworks:levels-edit", args=[framework.pk]),
            "consequence": _(
                "Gedragsindicatoren op dit niveau blijven bestaan, zonder niveau. Profielen die dit niveau "
                "vereisen, verliezen die eis."
            ),
        },
    )
