from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import autosave, revisions
from competentie.audit.reads import logs_read

from .. import access, selectors, services
from ..blindness import scorers_of, visibility_for
from ..forms import ConclusionForm, RatingForm, TeamOpenForm
from ..growth import growth_for, growth_svg, spread_svg
from .common import error_text, involvement, refused_response, round_profile, saved_response


def _participant_or_403(request, round):
    participant = access.participant_of(request.user, round)
    access.require(participant is not None)
    return participant


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def rating(request, pk, profile_pk):
    """Step 1 for one participant and one profile: own score, justification and hulpvragen notes; hand in."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
    participant = _participant_or_403(request, round)
    profile = round_profile(round, profile_pk)
    questions = selectors.question_sets(round.framework_id)
    points = list(round.scale.points.all())
    rating_row, answers = selectors.participant_entries(participant=participant, profile_id=profile.pk)
    initial = {
        "score": rating_row.score if rating_row else None,
        "justification": rating_row.justification if rating_row else "",
        **{f"answer-{q.pk}": answers[q.pk].text for q in questions.self_evaluation if q.pk in answers},
    }
    form = RatingForm(request.POST or None, initial=initial, scale_points=points, questions=questions.self_evaluation)
    status = 200
    if request.method == "POST":
        access.require(access.is_open(round))
        if form.is_valid():
            try:
                services.rating_form_save(
                    participant=participant,
                    profile=profile,
                    score=form.cleaned_data["score"],
                    justification=form.cleaned_data["justification"],
                    answers=form.answers(),
                    hand_in=form.hand_in,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if form.hand_in:
                    messages.success(
                        request,
                        _("Uw score voor %(profile)s is ingeleverd. U ziet nu de scores van uw collega's.")
                        % {"profile": profile.name},
                    )
                    return redirect(_team_url(round, profile.pk))
                messages.success(request, _("Uw score voor %(profile)s is opgeslagen.") % {"profile": profile.name})
                next_pk = request.POST.get("next_profile")
                if next_pk and next_pk.isdigit():
                    return redirect("zelfevaluatie:rating", pk=round.pk, profile_pk=int(next_pk))
                return redirect("zelfevaluatie:round-detail", pk=round.pk)
        status = 400
    profiles = [rp.profile for rp in round.round_profiles.all()]
    index = profiles.index(profile)
    score_question, justification_question = selectors.score_form_questions(
        framework_id=round.framework_id, profile_id=profile.pk
    )
    me = involvement(request.user, round)
    handed_in = rating_row is not None and rating_row.is_submitted
    assigned = selectors.is_assigned(round=round, participant=participant, profile_id=profile.pk)
    return render(
        request,
        "zelfevaluatie/rating_form.html",
        {
            "round": round,
            "me": me,
            "can_write": me.can_rate and not handed_in and assigned,
            "handed_in": handed_in,
            "assigned": assigned,
            "profile": selectors.profile_for_panel(round=round, profile_pk=profile.pk),
            "rating": rating_row,
            "form": form,
            "points": points,
            "score_question": score_question,
            "justification_question": justification_question,
            "questions_intro": questions.descriptions.get("self_evaluation", ""),
            "previous_profile": profiles[index - 1] if index > 0 else None,
            "next_profile": profiles[index + 1] if index + 1 < len(profiles) else None,
            "autosave_url": reverse("zelfevaluatie:rating-autosave", args=[round.pk, profile.pk]),
        },
        status=status,
    )


@require_POST
def rating_autosave(request, pk, profile_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
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


def _team_profiles(round, visibility, bound_forms=None, stale=None, *, only_profile_id=None):
    """Per profile: who handed in, and (when the blindness rule allows) scores, justifications, notes, spread."""
    bound_forms = bound_forms or {}
    stale = stale or {}
    points = list(round.scale.points.all())
    conclusions = {c.profile_id: c for c in round.conclusions.all()}
    participants = list(round.participants.all())
    step1_answers = {}
    for answer in round.answers.all():
        if answer.participant_id and answer.profile_id and answer.text.strip():
            step1_answers.setdefault((answer.participant_id, answer.profile_id), []).append(answer)
    items = []
    for rp in round.round_profiles.all():
        if only_profile_id is not None and rp.profile_id != only_profile_id:
            continue
        is_open = visibility.profile_open(rp.profile_id)
        rows = []
        for participant in scorers_of(rp, participants):
            rating = next((r for r in participant.ratings.all() if r.profile_id == rp.profile_id), None)
            shown = visibility.shows(participant.pk, rp.profile_id)
            rows.append(
                {
                    "participant": participant,
                    "handed_in": rating is not None and rating.is_submitted,
                    "shown": shown,
                    "rating": rating if shown else None,
                    "notes": step1_answers.get((participant.pk, rp.profile_id), []) if shown else [],
                }
            )
        # The spread counts handed-in scores only, and only for a reader who may see them.
        scores = [
            row["rating"].score
            for row in rows
            if is_open and row["handed_in"] and row["rating"] and row["rating"].score is not None
        ]
        conclusion = conclusions.get(rp.profile_id)
        form = bound_forms.get(rp.profile_id) or ConclusionForm(
            scale_points=points,
            prefix=f"p{rp.profile_id}",
            initial={"agreed_score": conclusion.agreed_score, "justification": conclusion.justification}
            if conclusion
            else None,
        )
        distribution = [(point, scores.count(point.value)) for point in points]
        items.append(
            {
                "profile": rp.profile,
                "is_open": is_open,
                "rows": rows,
                "handed_in_count": sum(1 for row in rows if row["handed_in"]),
                "low": min(scores) if scores else None,
                "high": max(scores) if scores else None,
                "distribution": distribution,
                "chart": spread_svg(distribution, profile_name=rp.profile.name) if scores else None,
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


def _team_url(round, profile_id) -> str:
    """The team view opened on one profile."""
    return reverse("zelfevaluatie:team", args=[round.pk]) + f"?profiel={profile_id}#profiel-{profile_id}"


def _team_chooser(round, selected_id, visibility):
    """Every profile of the round as a link, with how many of its scorers handed in (no scores: those
    are only shown for the selected profile, under the blindness rule). Who handed in comes from the
    visibility the page was built with, not from a second pass over every rating."""
    participants = list(round.participants.all())
    chooser = []
    for rp in round.round_profiles.all():
        scorer_ids = {participant.pk for participant in scorers_of(rp, participants)}
        chooser.append(
            {
                "profile": rp.profile,
                "handed_in": len(scorer_ids & visibility.handed_in.get(rp.profile_id, set())),
                "total": len(scorer_ids),
                "url": _team_url(round, rp.profile_id),
                "current": rp.profile_id == selected_id,
            }
        )
    return chooser


def _team_context(request, round, selected_id, bound_forms=None, stale=None):
    visibility = visibility_for(request.user, round)
    return {
        "round": round,
        "me": involvement(request.user, round),
        "profiles": _team_profiles(round, visibility, bound_forms, stale, only_profile_id=selected_id),
        "chooser": _team_chooser(round, selected_id, visibility),
        "can_agree": access.can_record_agreement(request.user, round),
        "is_chair": access.is_chair(request.user, round),
        "open_form": TeamOpenForm(),
    }


def _selected_profile_id(request) -> int | None:
    value = request.GET.get("profiel", "")
    return int(value) if value.isdigit() else None


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def team(request, pk):
    """One profile at a time, chosen from the list of all: who handed in; after your own hand-in the
    scores, justifications and notes side by side. A page costs one profile, however many the round has."""
    selected_id = _selected_profile_id(request)
    round = selectors.round_with_answers(user=request.user, pk=pk, profile_id=selected_id)
    access.require(access.is_member(request.user, round))
    if selected_id is None:
        selected_id = next((rp.profile_id for rp in round.round_profiles.all()), None)
    else:
        round_profile(round, selected_id)
    return render(request, "zelfevaluatie/team.html", _team_context(request, round, selected_id))


@require_POST
def team_open(request, pk):
    """The chair opens the team view before everyone handed in, with a reason that is recorded."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.is_chair(request.user, round))
    access.require(access.is_open(round))
    form = TeamOpenForm(request.POST)
    if form.is_valid():
        try:
            services.round_open_team_view(round=round, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Het teamoverzicht is geopend voor iedereen. De reden is vastgelegd."))
    else:
        messages.error(request, _("Schrijf op waarom het teamoverzicht nu al open gaat."))
    return redirect("zelfevaluatie:team", pk=round.pk)


@require_POST
def conclusion_save(request, pk, profile_pk):
    """The agreed score, recorded in the team view or the meeting mode (as a page, or saved in place by the
    autosave module); a form made before a colleague's newer agreement is refused (stale edit)."""
    round = selectors.round_with_answers(user=request.user, pk=pk, profile_id=profile_pk)
    access.require(access.can_record_agreement(request.user, round))
    access.require(access.is_open(round))
    profile = round_profile(round, profile_pk)
    form = ConclusionForm(request.POST, scale_points=list(round.scale.points.all()), prefix=f"p{profile.pk}")
    as_json = autosave.wants_json(request)
    in_meeting = request.POST.get("return") == "meeting"
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
                stored = selectors.conclusion_get(round=round, profile=profile)
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
            if in_meeting:
                return redirect("zelfevaluatie:meeting", pk=round.pk, profile_pk=profile.pk)
            return redirect(_team_url(round, profile.pk))
    elif as_json:
        return autosave.refused_response(" ".join(m for errors in form.errors.values() for m in errors))
    if in_meeting:
        return meeting(request, pk, profile_pk, bound_form=form, stale=stale)
    return render(
        request,
        "zelfevaluatie/team.html",
        _team_context(request, round, profile.pk, {profile.pk: form}, stale),
        status=409 if stale else 400,
    )


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def meeting(request, pk, profile_pk, bound_form=None, stale=None):
    """MT meeting mode: one profile per screen for the projector, the agreed score recorded in place."""
    round = selectors.round_with_answers(user=request.user, pk=pk, profile_id=profile_pk)
    access.require(access.is_member(request.user, round))
    profile = round_profile(round, profile_pk)
    visibility = visibility_for(request.user, round)
    [item] = _team_profiles(
        round, visibility, {profile.pk: bound_form} if bound_form else None, stale, only_profile_id=profile.pk
    )
    profiles = [rp.profile for rp in round.round_profiles.all()]
    index = profiles.index(profile)
    return render(
        request,
        "zelfevaluatie/meeting.html",
        {
            "round": round,
            "me": involvement(request.user, round),
            "item": item,
            "position": index + 1,
            "total": len(profiles),
            "previous_profile": profiles[index - 1] if index > 0 else None,
            "next_profile": profiles[index + 1] if index + 1 < len(profiles) else None,
            "can_agree": access.can_record_agreement(request.user, round),
        },
        status=(409 if stale else 400) if bound_form is not None else 200,
    )


def profile_history(request, pk, profile_pk):
    """One profile's agreed scores across the organisation's rounds: waar is groei zichtbaar?"""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.is_member(request.user, round))
    profile = round_profile(round, profile_pk)
    rounds = selectors.lineage_rounds(user=request.user, round=round)
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
