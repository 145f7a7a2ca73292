"""Step 2 (collegiale toetsing) and step 3 (conclusies en actieplan)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import autosave, revisions
from competentie.accounts.names import display_name
from competentie.audit.reads import logs_read

from .. import access, selectors, services
from ..blindness import visibility_for
from ..forms import ActionForm, HostNotesForm, PeerInviteForm
from .common import error_text, involvement, refused_response, round_profile, saved_response

# --- what the team found, per profile ------------------------------------------------------------


def profile_findings(request, round):
    """Per profile: the agreed score and onderbouwing, the spread, handed-in step-1 notes and peers' suggestions.

    Step 2 (for the invited peer) and step 3 (for the team) read the same list; notes follow the
    blindness rule, so nobody reads a colleague's notes before it is their turn.
    """
    visibility = visibility_for(request.user, round)
    participants = list(round.participants.all())
    conclusions = {c.profile_id: c for c in round.conclusions.all()}
    points = list(round.scale.points.all())
    notes: dict[int, list] = {}
    for answer in round.answers.all():
        if answer.participant_id and answer.profile_id and answer.text.strip():
            if visibility.shows(answer.participant_id, answer.profile_id):
                notes.setdefault(answer.profile_id, []).append(answer)
    suggestions: dict[int, list] = {}
    for review in round.peer_reviews.all():
        for suggestion in review.suggestions.all():
            if suggestion.text.strip():
                suggestions.setdefault(suggestion.profile_id, []).append((review, suggestion))
    findings = []
    for rp in round.round_profiles.all():
        scores = []
        if visibility.profile_open(rp.profile_id):
            for participant in participants:
                for rating in participant.ratings.all():
                    if (
                        rating.profile_id == rp.profile_id
                        and rating.score is not None
                        and rating.submitted_at is not None
                    ):
                        scores.append(rating.score)
        findings.append(
            {
                "profile": rp.profile,
                "conclusion": conclusions.get(rp.profile_id),
                "scores_visible": visibility.profile_open(rp.profile_id),
                "low": min(scores) if scores else None,
                "high": max(scores) if scores else None,
                "distribution": [(point, scores.count(point.value)) for point in points if scores.count(point.value)],
                "notes": notes.get(rp.profile_id, []),
                "suggestions": suggestions.get(rp.profile_id, []),
            }
        )
    return findings


# --- step 2 ------------------------------------------------------------------------------------


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def peer_reviews(request, pk):
    round = selectors.round_full(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
    me = involvement(request.user, round)
    questions = selectors.question_sets(round.framework_id)
    form = PeerInviteForm(request.POST or None)
    if request.method == "POST":
        access.require(access.can_edit_round(request.user, round))
        if form.is_valid():
            try:
                review = services.peer_review_invite(
                    round=round, username=form.cleaned_data["username"], invited_by=request.user
                )
            except ValidationError as error:
                form.add_error("username", error)
            else:
                messages.success(
                    request,
                    _("%(name)s (%(organisation)s) is uitgenodigd voor de collegiale toetsing.")
                    % {"name": display_name(review.reviewer), "organisation": review.organisation},
                )
                return redirect("zelfevaluatie:peer-reviews", pk=round.pk)
    profile_names = {rp.profile_id: rp.profile.name for rp in round.round_profiles.all()}
    reviews = [
        {
            "review": review,
            "notes": {note.question_id: note for note in review.notes.all()},
            "suggestions": [
                (profile_names.get(s.profile_id, ""), s) for s in review.suggestions.all() if s.text.strip()
            ],
        }
        for review in round.peer_reviews.all()
    ]
    return render(
        request,
        "zelfevaluatie/peer_reviews.html",
        {
            "round": round,
            "me": me,
            "form": form if me.can_edit else None,
            "questions": questions.peer_review,
            "reviews": [
                {
                    "review": item["review"],
                    "answers": [(q, item["notes"].get(q.pk)) for q in questions.peer_review],
                    "suggestions": item["suggestions"],
                    "host_form": HostNotesForm(
                        initial={"host_notes": item["review"].host_notes}, prefix=f"h{item['review'].pk}"
                    ),
                }
                for item in reviews
            ],
        },
        status=400 if form.errors else 200,
    )


@logs_read("zelfevaluatie.PeerReview", kwarg="review_pk", purpose="self_evaluation")
def peer_notes(request, pk, review_pk):
    """The invited reviewer reads what the team found (read-only) and writes notes and suggestions per profile."""
    round = selectors.round_full(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
    review = selectors.peer_review_get(round=round, pk=review_pk)
    access.require(access.is_reviewer_of(request.user, review))
    questions = selectors.question_sets(round.framework_id)
    if request.method == "POST":
        access.require(access.is_open(round))
        try:
            for question in questions.peer_review:
                services.peer_note_save(
                    peer_review=review, question_id=question.pk, text=request.POST.get(f"note-{question.pk}", "")
                )
            for rp in round.round_profiles.all():
                key = f"suggestion-{rp.profile_id}"
                if key in request.POST:
                    services.peer_suggestion_save(peer_review=review, profile=rp.profile, text=request.POST[key])
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Uw aantekeningen zijn opgeslagen."))
            return redirect("zelfevaluatie:peer-reviews", pk=round.pk)
    notes = {note.question_id: note for note in review.notes.all()}
    own_suggestions = {s.profile_id: s for s in review.suggestions.all()}
    findings = profile_findings(request, round)
    for item in findings:
        item["own_suggestion"] = own_suggestions.get(item["profile"].pk)
    return render(
        request,
        "zelfevaluatie/peer_notes.html",
        {
            "round": round,
            "review": review,
            "me": involvement(request.user, round),
            "questions": [(q, notes.get(q.pk)) for q in questions.peer_review],
            "findings": findings,
            "autosave_url": reverse("zelfevaluatie:peer-notes-autosave", args=[round.pk, review.pk]),
        },
    )


@require_POST
def peer_host_notes(request, pk, review_pk):
    """The host organisation records its own notes of the conversation with this reviewer."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.is_member(request.user, round))
    access.require(access.is_open(round))
    review = selectors.peer_review_get(round=round, pk=review_pk)
    form = HostNotesForm(request.POST, prefix=f"h{review.pk}")
    if form.is_valid():
        services.peer_host_notes_save(peer_review=review, text=form.cleaned_data["host_notes"], user=request.user)
        messages.success(request, _("De aantekeningen van het gesprek zijn opgeslagen."))
    return redirect(reverse("zelfevaluatie:peer-reviews", args=[round.pk]) + f"#toetsing-{review.pk}")


@require_POST
def peer_notes_autosave(request, pk, review_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
    review = selectors.peer_review_get(round=round, pk=review_pk)
    access.require(access.is_reviewer_of(request.user, review))
    if round.is_finished:
        return refused_response(_("Deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd."), status=403)
    field = request.POST.get("field", "")
    value = request.POST.get("value", "")
    try:
        if field.startswith("note-") and field[5:].isdigit():
            services.peer_note_save(peer_review=review, question_id=int(field[5:]), text=value)
        elif field.startswith("suggestion-") and field[11:].isdigit():
            profile = round_profile(round, int(field[11:]))
            services.peer_suggestion_save(peer_review=review, profile=profile, text=value)
        else:
            raise ValidationError(_("Onbekend veld."), code="unknown_field")
    except ValidationError as error:
        return refused_response(error_text(error))
    return saved_response()


def peer_review_remove(request, pk, review_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    review = selectors.peer_review_get(round=round, pk=review_pk)
    if request.method == "POST":
        services.peer_review_remove(peer_review=review)
        messages.success(request, _("De uitnodiging is ingetrokken."))
        return redirect("zelfevaluatie:peer-reviews", pk=round.pk)
    return render(
        request,
        "zelfevaluatie/confirm_delete.html",
        {
            "round": round,
            "title": _("Uitnodiging intrekken"),
            "question": _(
                "Wilt u de uitnodiging van %(name)s (%(organisation)s) intrekken? Diens aantekeningen worden ook verwijderd."
            )
            % {"name": display_name(review.reviewer), "organisation": review.organisation},
        },
    )


# --- step 3 ------------------------------------------------------------------------------------


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def conclusions(request, pk):
    """Step 3. With JavaScript each question saves on its own as it is typed (conclusions_autosave);
    without it, the button posts every question with the revision it was shown at, and a question a
    colleague changed in the meantime is refused with both texts shown."""
    round = selectors.round_full(user=request.user, pk=pk)
    access.require(access.can_read_round(request.user, round))
    me = involvement(request.user, round)
    questions = selectors.question_sets(round.framework_id)
    stale, typed = {}, {}
    if request.method == "POST":
        access.require(access.can_edit_round(request.user, round))
        problems = []
        for question in questions.conclusions:
            text = request.POST.get(f"answer-{question.pk}")
            if text is None:
                continue
            try:
                services.conclusion_answer_save(
                    round=round,
                    question_id=question.pk,
                    user=request.user,
                    text=text,
                    revision=revisions.parse_revision(request.POST.get(f"revision-answer-{question.pk}")),
                )
            except revisions.StaleEdit as error:
                stale[question.pk], typed[question.pk] = error, text
            except ValidationError as error:
                problems.append(error_text(error))
        for problem in problems:
            messages.error(request, problem)
        if not stale and not problems:
            messages.success(request, _("De conclusies zijn opgeslagen."))
            return redirect("zelfevaluatie:conclusions", pk=round.pk)
        round = selectors.round_full(user=request.user, pk=pk)
    team_answers = {a.question_id: a for a in round.answers.all() if a.participant_id is None and a.profile_id is None}
    return render(
        request,
        "zelfevaluatie/conclusions.html",
        {
            "round": round,
            "me": me,
            "questions": [
                {
                    "question": q,
                    "answer": team_answers.get(q.pk),
                    # After a refusal: the user's own text stays in the field, the stored one beside it,
                    # and the form carries the newer revision so saving again is a deliberate choice.
                    "text": typed[q.pk] if q.pk in typed else getattr(team_answers.get(q.pk), "text", ""),
                    "revision": revisions.revision_of(team_answers.get(q.pk)),
                    "stale": stale.get(q.pk),
                }
                for q in questions.conclusions
            ],
            "action_plan_questions": questions.action_plan,
            "findings": profile_findings(request, round),
            "actions": round.actions.all(),
            "autosave_url": reverse("zelfevaluatie:conclusions-autosave", args=[round.pk]),
        },
        status=409 if stale else 200,
    )


@require_POST
def conclusions_autosave(request, pk):
    """One conclusion question (field=answer-<id>), as static/js/autosave.js posts it."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_manage_round(request.user, round))
    if round.is_finished:
        return autosave.refused_response(
            _("Deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd."), status=403
        )
    field = request.POST.get("field", "")
    parts = autosave.field_parts(field, "answer")
    try:
        if parts is None:
            raise ValidationError(_("Onbekend veld."), code="unknown_field")
        answer = services.conclusion_answer_save(
            round=round,
            question_id=parts[1],
            text=request.POST.get("value", ""),
            user=request.user,
            revision=revisions.parse_revision(request.POST.get("revision")),
        )
    except revisions.StaleEdit as error:
        return autosave.stale_response(error, fields={field: error.current})
    except ValidationError as error:
        return autosave.refused_response(error_text(error))
    return autosave.saved_response(revision=answer.revision)


def action_form(request, pk, action_pk=None):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    action = selectors.action_get(round=round, pk=action_pk) if action_pk else None
    form = ActionForm(request.POST or None, instance=action, profiles=selectors.round_profiles(round=round))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if action is None:
                services.action_create(round=round, **data)
            else:
                services.action_update(
                    action=action, revision=revisions.parse_revision(request.POST.get("revision")), **data
                )
        except revisions.StaleEdit as error:
            stale = error  # shown beside the user's text (includes/stale_edit.html)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De actie is opgeslagen."))
            return redirect(reverse("zelfevaluatie:conclusions", args=[round.pk]) + "#actieplan")
    revision = stale.revision if stale else request.POST.get("revision") or revisions.revision_of(action)
    return render(
        request,
        "zelfevaluatie/action_form.html",
        {"round": round, "form": form, "action": action, "stale": stale, "revision": revision},
    )


def action_delete(request, pk, action_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require(access.can_edit_round(request.user, round))
    action = selectors.action_get(round=round, pk=action_pk)
    if request.method == "POST":
        services.action_delete(action=action)
        messages.success(request, _("De actie is verwijderd."))
        return redirect(reverse("zelfevaluatie:conclusions", args=[round.pk]) + "#actieplan")
    return render(
        request,
        "zelfevaluatie/confirm_delete.html",
        {
            "round": round,
            "title": _("Actie verwijderen"),
            "question": _("Wilt u de actie “%(what)s” verwijderen?") % {"what": action.what},
        },
    )
