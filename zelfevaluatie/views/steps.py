"""Step 2 (collegiale toetsing) and step 3 (conclusies en actieplan)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import autosave, revisions
from competentie.accounts.names import display_name
from frameworks.models import Profile

from .. import access, selectors, services
from ..forms import ActionForm, PeerInviteForm
from ..models import RoundProfile
from .common import error_text, involvement, refused_response, saved_response

# --- step 2 ------------------------------------------------------------------------------------


def peer_reviews(request, pk):
    round = selectors.round_full(user=request.user, pk=pk)
    access.require_read(request.user, round)
    me = involvement(request.user, round)
    questions = selectors.question_sets(round.framework_id)
    form = PeerInviteForm(request.POST or None)
    if request.method == "POST":
        access.require_manage(request.user, round)
        access.require_editable(round)
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
    reviews = [
        {"review": review, "notes": {note.question_id: note for note in review.notes.all()}}
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
                {"review": item["review"], "answers": [(q, item["notes"].get(q.pk)) for q in questions.peer_review]}
                for item in reviews
            ],
        },
        status=400 if form.errors else 200,
    )


def peer_notes(request, pk, review_pk):
    """The invited reviewer writes notes on the step-2 hulpvragen (everyone else reads them)."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_read(request.user, round)
    review = selectors.peer_review_get(round=round, pk=review_pk)
    if review.reviewer_id != request.user.pk:
        raise PermissionDenied
    questions = selectors.question_sets(round.framework_id)
    if request.method == "POST":
        access.require_editable(round)
        try:
            for question in questions.peer_review:
                services.peer_note_save(
                    peer_review=review, question_id=question.pk, text=request.POST.get(f"note-{question.pk}", "")
                )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Uw aantekeningen zijn opgeslagen."))
            return redirect("zelfevaluatie:peer-reviews", pk=round.pk)
    notes = {note.question_id: note for note in review.notes.all()}
    return render(
        request,
        "zelfevaluatie/peer_notes.html",
        {
            "round": round,
            "review": review,
            "me": involvement(request.user, round),
            "questions": [(q, notes.get(q.pk)) for q in questions.peer_review],
            "autosave_url": reverse("zelfevaluatie:peer-notes-autosave", args=[round.pk, review.pk]),
        },
    )


@require_POST
def peer_notes_autosave(request, pk, review_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_read(request.user, round)
    review = selectors.peer_review_get(round=round, pk=review_pk)
    if review.reviewer_id != request.user.pk:
        raise PermissionDenied
    if round.is_finished:
        return refused_response(_("Deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd."), status=403)
    field = request.POST.get("field", "")
    try:
        if not field.startswith("note-") or not field[5:].isdigit():
            raise ValidationError(_("Onbekend veld."))
        services.peer_note_save(peer_review=review, question_id=int(field[5:]), text=request.POST.get("value", ""))
    except ValidationError as error:
        return refused_response(error_text(error))
    return saved_response()


def peer_review_remove(request, pk, review_pk):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_manage(request.user, round)
    access.require_editable(round)
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


def conclusions(request, pk):
    """Step 3. With JavaScript each question saves on its own as it is typed (conclusions_autosave);
    without it, the button posts every question with the revision it was shown at, and a question a
    colleague changed in the meantime is refused with both texts shown."""
    round = selectors.round_full(user=request.user, pk=pk)
    access.require_read(request.user, round)
    me = involvement(request.user, round)
    questions = selectors.question_sets(round.framework_id)
    stale, typed = {}, {}
    if request.method == "POST":
        access.require_manage(request.user, round)
        access.require_editable(round)
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
            "actions": round.actions.all(),
            "autosave_url": reverse("zelfevaluatie:conclusions-autosave", args=[round.pk]),
        },
        status=409 if stale else 200,
    )


@require_POST
def conclusions_autosave(request, pk):
    """One conclusion question (field=answer-<id>), as static/js/autosave.js posts it."""
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_manage(request.user, round)
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


def _round_profiles(round):
    return Profile.objects.filter(pk__in=RoundProfile.objects.filter(round=round).values("profile")).order_by(
        "order", "pk"
    )


def action_form(request, pk, action_pk=None):
    round = selectors.round_get(user=request.user, pk=pk)
    access.require_manage(request.user, round)
    access.require_editable(round)
    action = selectors.action_get(round=round, pk=action_pk) if action_pk else None
    form = ActionForm(request.POST or None, instance=action, profiles=_round_profiles(round))
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
    access.require_manage(request.user, round)
    access.require_editable(round)
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
