from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, fragments, selectors, services
from ..blindness import scorers_of, visibility_for
from ..forms import ParticipantAddForm, RoundCreateForm, RoundUpdateForm
from ..growth import growth_for, growth_svg, profile_changes
from .common import error_text, involvement

#: The overview lists this many rounds at a time, newest first; older ones are on the next pages.
ROUNDS_PER_PAGE = 10


def _growth_charts(user, organisation, index_rounds):
    """Per framework line of the organisation: its growth chart over all the user's rounds of the line,
    from the cache while none of those rounds changed (zelfevaluatie/fragments.py)."""
    lines: dict[int, list] = {}
    for round in reversed(index_rounds):  # oldest first
        lines.setdefault(round.lineage_id or round.framework.lineage_id, []).append(round)
    wanted = []
    for rounds in lines.values():
        framework_name = rounds[-1].framework.name

        def render(rounds=rounds, framework_name=framework_name):
            growth = growth_for(selectors.growth_rounds(rounds=rounds))
            if not growth.has_scores:
                return ""
            return render_to_string(
                "zelfevaluatie/includes/_growth_line.html",
                {
                    "growth": growth,
                    "chart": growth_svg(growth),
                    "framework_name": framework_name,
                    "organisation_name": organisation.name,
                },
            )

        wanted.append((rounds, f"{organisation.pk}|{organisation.name}|{framework_name}", render))
    # One cache read for the charts of every line, however many lines the organisation has used.
    return [chart for chart in fragments.growth_fragments(wanted, name="growth") if chart]


def round_list(request):
    """The newest rounds per organisation (older ones on further pages), with the agreed scores per
    profile across all rounds of a framework line as a chart. A page costs the rounds it lists."""
    index = selectors.round_index(user=request.user)
    page = Paginator(index, ROUNDS_PER_PAGE).get_page(request.GET.get("pagina"))
    listed = selectors.rounds_listed(user=request.user, pks=[round.pk for round in page.object_list])
    organisations = []
    for organisation, items in groupby(listed, key=lambda r: r.organisation):
        organisations.append(
            {
                "organisation": organisation,
                "rounds": list(items),
                "charts": _growth_charts(
                    request.user, organisation, [r for r in index if r.organisation_id == organisation.pk]
                ),
            }
        )
    can_start = selectors.startable_organisations(user=request.user).exists()
    return render(
        request,
        "zelfevaluatie/round_list.html",
        {
            "organisations": organisations,
            "page": page,
            "reviewed_rounds": selectors.reviewed_round_list(user=request.user),
            "can_start": can_start,
        },
    )


def round_create(request):
    organisations = selectors.startable_organisations(user=request.user)
    access.require(organisations.exists())
    frameworks = selectors.evaluable_frameworks(user=request.user)
    chosen = organisations.filter(pk=request.POST.get("organisation") or request.GET.get("organisatie")).first()
    organisation = chosen or organisations.first()
    members = selectors.organisation_members(organisation_id=organisation.pk, exclude_user=request.user)
    form = RoundCreateForm(
        request.POST or None,
        organisations=organisations,
        frameworks=frameworks,
        members=members,
        initial={"organisation": organisation, "framework": selectors.default_framework(user=request.user)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            round = services.round_create(
                organisation=form.cleaned_data["organisation"],
                framework=form.cleaned_data["framework"],
                period=form.cleaned_data["period"],
                contact_name=form.cleaned_data["contact_name"],
                contact_function=form.cleaned_data["contact_function"],
                participants=list(form.cleaned_data["participants"]),
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De zelfevaluatie is gestart."))
            return redirect("zelfevaluatie:round-detail", pk=round.pk)
    previous = selectors.latest_round(organisation_id=organisation.pk)
    return render(
        request,
        "zelfevaluatie/round_form.html",
        {
            "form": form,
            "previous": previous,
            "organisation": organisation,
            "open_rounds": selectors.open_rounds(organisation_id=organisation.pk),
        },
    )


def round_detail(request, pk):
    round = selectors.round_with_ratings(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
    me = involvement(request.user, round)
    visibility = visibility_for(request.user, round)
    participants = list(round.participants.all())
    conclusions = {c.profile_id: c for c in round.conclusions.all()}
    my_ratings = {r.profile_id: r for r in me.participant.ratings.all()} if me.participant else {}
    profiles = [
        {
            "profile": rp.profile,
            "conclusion": conclusions.get(rp.profile_id),
            "my_rating": my_ratings.get(rp.profile_id),
            "handed_in_count": len(visibility.handed_in.get(rp.profile_id, ())),
            "scorer_count": len(scorers_of(rp, participants)),
            "assigned": me.participant is not None
            and any(p.pk == me.participant.pk for p in scorers_of(rp, participants)),
        }
        for rp in round.round_profiles.all()
    ]
    previous = None
    changes = []
    if me.is_member:
        # Peer reviewers read this round only, not the organisation's earlier rounds.
        previous = selectors.previous_round_summary(round=round)
        changes = profile_changes(previous, round)
    context = {
        "round": round,
        "me": me,
        "profiles": profiles,
        "previous": previous,
        "changes": changes,
        # The form (ParticipantAddForm) checks the choice on POST; the page lists the members as plain values.
        "invitable": selectors.invitable_member_choices(round=round) if me.can_edit else None,
        "peer_organisations": sorted({review.organisation.name for review in round.peer_reviews.all()}),
    }
    if previous:
        previous_by_profile = {c.profile.name: c for c in previous.conclusions.all()}
        for item in profiles:
            item["previous_conclusion"] = previous_by_profile.get(item["profile"].name)
    return render(request, "zelfevaluatie/round_detail.html", context)


def round_update(request, pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    form = RoundUpdateForm(request.POST or None, instance=round, members=selectors.round_members(round=round))
    if request.method == "POST" and form.is_valid():
        try:
            services.round_update(round=selectors.round_get(user=request.user, pk=pk), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("zelfevaluatie:round-detail", pk=round.pk)
    return render(request, "zelfevaluatie/round_update.html", {"form": form, "round": round})


@require_POST
def participant_add(request, pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    form = ParticipantAddForm(request.POST, members=selectors.invitable_members(round=round))
    if form.is_valid():
        try:
            participant = services.participant_add(round=round, user=form.cleaned_data["user"])
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("%(name)s is uitgenodigd.") % {"name": participant})
    else:
        messages.error(request, _("Kies een collega uit de lijst."))
    return redirect("zelfevaluatie:round-detail", pk=round.pk)


def participant_remove(request, pk, participant_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    participant = selectors.participant_get(round=round, pk=participant_pk)
    if request.method == "POST":
        try:
            services.participant_remove(participant=participant)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("De deelnemer is verwijderd."))
        return redirect("zelfevaluatie:round-detail", pk=round.pk)
    return render(
        request,
        "zelfevaluatie/confirm_delete.html",
        {
            "round": round,
            "title": _("Deelnemer verwijderen"),
            "question": _(
                "Wilt u %(name)s verwijderen uit deze zelfevaluatie? Diens scores en aantekeningen worden ook verwijderd."
            )
            % {"name": participant},
        },
    )


def round_history(request, pk):
    """Who started the round and moved it on, from the audit log (management only)."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_manage_round(request.user, round))
    return render(
        request,
        "zelfevaluatie/round_history.html",
        {"round": round, "events": selectors.round_history(round=round)},
    )


def round_advance(request, pk):
    """Move the round to its next status; closing is final, so it asks for confirmation."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    if request.method == "POST":
        try:
            services.round_advance(round=round, user=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("De zelfevaluatie is afgerond. U kunt het verslag nu downloaden."))
        return redirect("zelfevaluatie:round-detail", pk=round.pk)
    return render(
        request,
        "zelfevaluatie/round_advance.html",
        {"round": round},
    )


def scorers(request, pk):
    """MT decides who scores which profile; nobody ticked means every participant scores it."""
    round = selectors.round_full(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    participants = list(round.participants.all())
    if request.method == "POST":
        try:
            for rp in round.round_profiles.all():
                chosen = set(request.POST.getlist(f"scorers-{rp.profile_id}"))
                services.round_profile_scorers_set(
                    round=round,
                    profile=rp.profile,
                    participants=[p for p in participants if str(p.pk) in chosen],
                )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Wie welk profiel scoort is opgeslagen."))
            return redirect("zelfevaluatie:round-detail", pk=round.pk)
    rows = [{"profile": rp.profile, "assigned": {p.pk for p in rp.scorers.all()}} for rp in round.round_profiles.all()]
    return render(
        request,
        "zelfevaluatie/scorers.html",
        {"round": round, "me": involvement(request.user, round), "participants": participants, "rows": rows},
    )
