"""Subscriptions between organisations: share, subscribe, check for a new version, adopt it (issue 29)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from competentie.organisations.selectors import organisation_choices

from .. import access, selectors
from .. import subscriptions as subs


def _organisation(request):
    """The organisation the form names, among those where the user manages subscriptions (else 403)."""
    ids = subs.subscription_organisation_ids(request.user)
    access.require(bool(ids))
    try:
        wanted = int(request.POST.get("organisation") or ids[0])
    except ValueError:
        wanted = None
    access.require(wanted in ids)
    return next(o for o in organisation_choices(ids=ids) if o.pk == wanted)


@require_GET
def subscription_list(request):
    ids = subs.subscription_organisation_ids(request.user)
    access.require(bool(ids))
    organisations = organisation_choices(ids=ids)
    sources = subs.local_sources(organisation=organisations[0]) if organisations else []
    context = {
        "subscriptions": subs.subscription_list(user=request.user),
        "organisations": organisations,
        "sources": sources,
        "shareable": subs.shareable_frameworks(user=request.user),
    }
    for entry in context["shareable"]:  # the address another installation subscribes with
        entry["address"] = request.build_absolute_uri(reverse("case:package", args=[str(entry["framework"].uuid)]))
    return render(request, "frameworks/subscriptions/subscription_list.html", context)


@require_POST
def subscription_create(request):
    organisation = _organisation(request)
    url = request.POST.get("source_url", "").strip()
    source = None
    if not url:
        try:
            source = selectors.shared_framework_get(pk=int(request.POST.get("source") or 0))
        except (ValueError, Http404):
            messages.error(request, _("Kies een gedeeld framework of vul het CASE-adres van een ander framework in."))
            return redirect("frameworks:subscription-list")
    try:
        subscription = subs.subscription_create(
            organisation=organisation, user=request.user, source_framework=source, source_url=url
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("frameworks:subscription-list")
    messages.success(
        request,
        _("U bent geabonneerd op “%(title)s”. Uw eigen kopie staat klaar als concept.") % {"title": subscription.title},
    )
    return redirect("frameworks:subscription-detail", subscription.pk)


@require_POST
def framework_share(request):
    try:
        framework = selectors.framework_detail(user=request.user, pk=int(request.POST.get("framework") or 0))
    except ValueError:
        raise Http404 from None
    access.require(subs.can_manage_subscriptions(request.user, framework.organisation_id) and framework.is_frozen)
    shared = request.POST.get("shared") == "1"
    subs.framework_share(framework=framework, user=request.user, shared=shared)
    if shared:
        messages.success(request, _("“%(name)s” is gedeeld.") % {"name": framework.name})
    else:
        messages.success(request, _("“%(name)s” wordt niet meer gedeeld.") % {"name": framework.name})
    return redirect("frameworks:subscription-list")


@require_GET
def subscription_detail(request, pk):
    subscription = subs.subscription_get(user=request.user, pk=pk)
    access.require(subs.can_manage_subscriptions(request.user, subscription.organisation_id))
    changes = subs.subscription_diff(subscription=subscription)
    context = {
        "subscription": subscription,
        "changes": changes,
        "conflicts": [change for change in changes if change.conflict],
        "provenance": subs.subscription_provenance(subscription=subscription),
        "copy_frozen": subscription.copy.is_frozen,
    }
    return render(request, "frameworks/subscriptions/subscription_detail.html", context)


@require_POST
def subscription_check(request, pk):
    subscription = subs.subscription_get(user=request.user, pk=pk)
    access.require(subs.can_manage_subscriptions(request.user, subscription.organisation_id))
    try:
        changes = subs.subscription_check(subscription=subscription)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if subscription.pending:
            messages.info(
                request,
                _("Er is een nieuwe versie (versie %(version)s) met %(count)s wijzigingen.")
                % {"version": subscription.pending["version"], "count": len(changes)},
            )
        else:
            messages.info(request, _("Er is geen nieuwe versie. U hebt de nieuwste versie al overgenomen."))
    return redirect("frameworks:subscription-detail", subscription.pk)


@require_http_methods(["POST"])
def subscription_adopt(request, pk):
    subscription = subs.subscription_get(user=request.user, pk=pk)
    access.require(subs.can_manage_subscriptions(request.user, subscription.organisation_id))
    if request.POST.get("bevestigen") != "1":
        messages.error(request, _("Bevestig eerst dat u de wijzigingen wilt overnemen."))
        return redirect("frameworks:subscription-detail", subscription.pk)
    try:
        counts = subs.subscription_adopt(
            subscription=subscription, user=request.user, overwrite=set(request.POST.getlist("overschrijven"))
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "Overgenomen in uw kopie: %(added)s toegevoegd, %(removed)s verwijderd, %(reworded)s gewijzigd; "
                "%(kept)s eigen wijzigingen behouden."
            )
            % counts,
        )
    return redirect("frameworks:subscription-detail", subscription.pk)
