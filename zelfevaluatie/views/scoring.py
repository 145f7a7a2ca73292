from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import autosave, revisions

from .. import access, selectors, services
from ..forms import ConclusionForm
from ..growth import growth_for, growth_svg
from ..models import ProfileConclusion
from .common import error_text, involvement, refused_response, round_profile, saved_response


def _participant_or_403(request, round):
    participant = access.participant_of(request.user, round)
    if participant is None:
        raise PermissionDenied
    return participant


def rating(request, pk, profile_pk):
    """Step 1 for one participant and one profile: own score, justification and hulpvragen notes."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_read(request.user, round)
    participant = _participant_or_403(request, round)
    profile = round_profile(round, profile_pk)
    questions = selectors.question_sets(round.framework_id)
    if request.method == "POST":
        access.require_editable(round)
        try:
            services.rating_form_save(participant=participant, profile=profile, data=request.POST.dict())
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Uw score voor %(profile)s is opgeslagen.") % {"profile": profile.name})
            next_pk = request.POST.get("next_profile")
            if next_pk and next_pk.isdigit():
                return redirect("zelfevaluatie:rating", pk=round.pk, profile_pk=int(next_pk))
            return redirect("zelfevaluatie:round-detail", pk=round.pk)
    rating_row, answers = selectors.participant_entries(participant=participant, profile_id=profile.pk)
    profiles = [rp.profile for rp in round.round_profiles.all()]
    index = profiles.index(profile)
    score_question, justification_question = selectors.score_form_questions(
        framework_id=round.framework_id, profile_id=profile.pk
    )
    return render(
        request,
        "zelfevaluatie/rating_form.html",
        {
            "round": round,
            "me": involvement(request.user, round),
            "profile": selectors.profile_for_panel(round=round, profile_pk=profile.pk),
            "rating": rating_row,
            "points": list(round.scale.points.all()),
            "score_question": score_question,
            "justification_question": justification_question,
            "questions": [(q, answers.get(q.pk)) for q in questions.self_evaluation],
            "questions_intro": questions.descriptions.get("self_evaluation", ""),
            "previous_profile": profiles[index - 1] if index > 0 else None,
            "next_profile": profiles[index + 1] if index + 1 < len(profiles) else None,
            "autosave_url": reverse("zelfevaluatie:rating-autosave", args=[round.pk, profile.pk]),
        },
    )


@require_POST
def rating_autosave(request, pk, profile_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_read(request.user, round)
    participant = _participant_or_403(request, round)
    profile = round_profile(round, profile_pk)
    if round.is_finished:
        return refused_response(_("Deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd."), status=403)
    try:
        services.rating_field_save(
            participant=participant,
            profile=profile,
            field=request.POST.get("field", ""),
            value=request.POST.get("value", ""),
        )
    except ValidationError as error:
        return refused_response(error_text(error))
    return saved_response()


def _team_profiles(round, bound_forms=None, stale=None):
    bound_forms = bound_forms or {}
    stale = stale or {}
    points = list(round.scale.points.all())
    conclusions = {c.profile_id: c for c in round.conclusions.all()}
    items = []
    for rp in round.round_profiles.all():
        rows = []
        for participant in round.participants.all():
            rating = next((r for r in participant.ratings.all() if r.profile_id == rp.profile_id), None)
            rows.append({"participant": participant, "rating": rating})
        scores = [row["rating"].score for row in rows if row["rating"] and row["rating"].score is not None]
        conclusion = conclusions.get(rp.profile_id)
        form = bound_forms.get(rp.profile_id) or ConclusionForm(
            scale_points=points,
            prefix=f"p{rp.profile_id}",
            initial={"agreed_score": conclusion.agreed_score, "justification": conclusion.justification}
            if conclusion
            else None,
        )
        items.append(
            {
                "profile": rp.profile,
                "rows": rows,
                "low": min(scores) if scores else None,
                "high": max(scores) if scores else None,
                "distribution": [(point, scores.count(point.value)) for point in points],
                "scored": len(scores),
                "conclusion": conclusion,
                "form": form,
                # After a refusal the form carries the newer revision: saving again is a deliberate choice.
                "revision": stale[rp.profile_id].revision
                if rp.profile_id in stale
                else revisions.revision_of(conclusion),
                "stale": stale.get(rp.profile_id),
            }
        )
    return items


def team(request, pk):
    """All individual scores side by side per profile; the team records the agreed score (MT)."""
    round = selectors.round_full(user=request.user, pk=pk)
    access.require_read(request.user, round)
    return render(
        request,
        "zelfevaluatie/team.html",
        {"round": round, "me": involvement(request.user, round), "profiles": _team_profiles(round)},
    )


@require_POST
def conclusion_save(request, pk, profile_pk):
    round = selectors.round_full(user=request.user, pk=pk)
    access.require_manage(request.user, round)
    access.require_editable(round)
    profile = round_profile(round, profile_pk)
    form = ConclusionForm(request.POST, scale_points=list(round.scale.points.all()), prefix=f"p{profile.pk}")
    as_json = autosave.wants_json(request)
    stale = {}
    if form.is_valid():
        try:
            conclusion = services.conclusion_save(
                round=round,
                profile=profile,
                user=request.user,
                agreed_score=form.cleaned_data["agreed_score"],
                justification=form.cleaned_data["justification"],
                revision=revisions.parse_revision(request.POST.get("revision")),
            )
        except revisions.StaleEdit as error:
            if as_json:
                stored = ProfileConclusion.objects.get(round=round, profile=profile)
                return autosave.stale_response(
                    error,
                    fields={
                        f"p{profile.pk}-agreed_score": str(stored.agreed_score),
                        f"p{profile.pk}-justification": stored.justification,
                    },
                )
            stale[profile.pk] = error
        except ValidationError as error:
            if as_json:
                return autosave.refused_response(error_text(error))
            form.add_error(None, error)
        else:
            done = _("De afgesproken score voor %(profile)s is vastgelegd.") % {"profile": profile.name}
            if as_json:
                return autosave.saved_response(revision=conclusion.revision, message=done)
            messages.success(request, done)
            return redirect(reverse("zelfevaluatie:team", args=[round.pk]) + f"#profiel-{profile.pk}")
    elif as_json:
        return autosave.refused_response(" ".join(m for errors in form.errors.values() for m in errors))
    return render(
        request,
        "zelfevaluatie/team.html",
        {
            "round": round,
            "me": involvement(request.user, round),
            "profiles": _team_profiles(round, {profile.pk: form}, stale),
        },
        status=409 if stale else 400,
    )


def profile_history(request, pk, profile_pk):
    """One profile's agreed scores across the organisation's rounds: waar is groei zichtbaar?"""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_member(request.user, round)
    profile = round_profile(round, profile_pk)
    rounds = selectors.organisation_rounds(user=request.user, organisation_id=round.organisation_id)
    scale_values = [point.value for point in round.scale.points.all()]
    growth = growth_for(rounds, scale_values=scale_values, only_profile=profile.name)
    history = []
    for item in rounds:
        conclusion = next((c for c in item.conclusions.all() if c.profile.name == profile.name), None)
        history.append({"round": item, "conclusion": conclusion})
    return render(
        request,
        "zelfevaluatie/profile_history.html",
        {
            "round": round,
            "profile": profile,
            "growth": growth,
            "chart": growth_svg(
                growth, title=_("Afgesproken score voor %(profile)s per ronde") % {"profile": profile.name}
            ),
            "history": history,
        },
    )
