from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from competentie import autosave, revisions
from frameworks.models import Competency

from .. import access, selectors, services
from .. import insight as insight_math
from ..forms import ConsensusForm, ScoreReviseForm
from ..models import ConsensusScore
from .common import hr_procedure, member_procedure

#: A tablet shows a readable matrix for about this many candidates at once.
CANDIDATES_PER_PAGE = 25


def calibration(request, pk):
    """Candidate × competency × selecteur, with a flag where selecteurs differ by 2 or more."""
    procedure, is_hr = member_procedure(request, pk)
    competencies, rows = selectors.calibration_matrix(procedure=procedure, user=request.user, is_hr=is_hr)
    only_flagged = request.GET.get("verschil") == "1"
    flagged_count = sum(row.has_disagreement for row in rows)
    if only_flagged:
        rows = [row for row in rows if row.has_disagreement]
    page = Paginator(rows, CANDIDATES_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "selectie/calibration.html",
        {
            "procedure": procedure,
            "competencies": competencies,
            "rows": page.object_list,
            "page": page,
            "is_hr": is_hr,
            "disagreement": selectors.DISAGREEMENT,
            "only_flagged": only_flagged,
            "flagged_count": flagged_count,
        },
    )


def _calibration_candidate(request, pk, candidate_pk):
    procedure, is_hr = member_procedure(request, pk)
    if is_hr:
        candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    else:
        candidate = selectors.candidate_get_for_selecteur(user=request.user, procedure=procedure, pk=candidate_pk)
    submitted = selectors.submitted_selecteur_ids(candidate=candidate)
    if not access.can_see_scores_of_candidate(request.user, procedure, submitted):
        raise PermissionDenied(_("Dien eerst uw eigen scores voor deze kandidaat in."))
    return procedure, is_hr, candidate, submitted


def calibration_candidate(request, pk, candidate_pk):
    """All scores for one candidate, and the consensus per competency."""
    procedure, is_hr, candidate, submitted = _calibration_candidate(request, pk, candidate_pk)
    points = selectors.scale_points(procedure=procedure)
    competencies = selectors.procedure_competencies(procedure=procedure)
    consensus = {c.competency_id: c for c in ConsensusScore.objects.filter(candidate=candidate)}
    if request.method == "POST":
        return _consensus_post(request, procedure, candidate, points)
    # Selecteurs see colleagues' scores once those colleagues handed them in; HR sees all.
    history = selectors.candidate_history(candidate=candidate)
    scores = selectors.candidate_scores_detail(
        candidate=candidate, selecteur_ids=None if is_hr else submitted, history=history
    )
    blocks = []
    for competency in competencies:
        own = [s for s in scores if s.competency_id == competency.pk]
        values = [s.value for s in own if s.value is not None]
        existing = consensus.get(competency.pk)
        blocks.append(
            {
                "competency": competency,
                "scores": own,
                "spread": (max(values) - min(values)) if len(values) >= 2 else 0,
                "consensus": existing,
                "form": ConsensusForm(instance=existing, prefix=f"c{competency.pk}", points=points),
                "revision": revisions.revision_of(existing),
            }
        )
    return render(
        request,
        "selectie/calibration_candidate.html",
        {
            "procedure": procedure,
            "candidate": candidate,
            "blocks": blocks,
            "is_hr": is_hr,
            "disagreement": selectors.DISAGREEMENT,
            "history": selectors.consensus_history(history=history),
            "can_decide": not procedure.is_closed,
        },
    )


def _consensus_post(request, procedure, candidate, points):
    """Record one competency's consensus. From the page's script (autosave.js) the answer is JSON and
    the page stays as it is, so text typed under other competencies is never thrown away; without
    JavaScript the page is shown again (and the script keeps unsent drafts in the browser)."""
    competency = get_object_or_404(Competency, pk=request.POST.get("competency") or 0)
    prefix = f"c{competency.pk}"
    form = ConsensusForm(request.POST, prefix=prefix, points=points)
    as_json = autosave.wants_json(request)
    if not form.is_valid():
        problems = [f"{competency.name}: {message}" for errors in form.errors.values() for message in errors]
        if as_json:
            return autosave.refused_response(" ".join(problems))
        for message in problems:
            messages.error(request, message)
        return redirect("selectie:calibration-candidate", procedure.pk, candidate.pk)
    try:
        consensus = services.consensus_set(
            candidate=candidate,
            competency=competency,
            user=request.user,
            value=form.cleaned_data["value"],
            rationale=form.cleaned_data["rationale"],
            revision=revisions.parse_revision(request.POST.get("revision")),
        )
    except revisions.StaleEdit as error:
        if as_json:
            stored = ConsensusScore.objects.get(candidate=candidate, competency=competency)
            return autosave.stale_response(
                error, fields={f"{prefix}-value": str(stored.value), f"{prefix}-rationale": stored.rationale}
            )
        for message in error.messages:
            messages.error(request, f"{competency.name}: {message} {error.current}")
    except ValidationError as error:
        if as_json:
            return autosave.refused_response(f"{competency.name}: {' '.join(error.messages)}")
        for message in error.messages:
            messages.error(request, f"{competency.name}: {message}")
    else:
        done = _("Consensus voor “%(name)s” vastgelegd.") % {"name": competency.name}
        if as_json:
            return autosave.saved_response(revision=consensus.revision, message=done)
        messages.success(request, done)
    return redirect("selectie:calibration-candidate", procedure.pk, candidate.pk)


def score_revise(request, pk, score_pk):
    """Change a handed-in score, with a reason that goes into the audit trail."""
    procedure, is_hr = member_procedure(request, pk)
    score = selectors.score_get(procedure=procedure, pk=score_pk)
    if not is_hr and score.assignment.selecteur_id != request.user.pk:
        raise Http404
    if not access.can_revise_score(request.user, procedure, score.assignment.selecteur_id):
        raise PermissionDenied
    form = ScoreReviseForm(
        request.POST or None,
        points=selectors.scale_points(procedure=procedure),
        initial={"value": score.value, "evidence": score.evidence},
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.score_revise(
                score=score,
                user=request.user,
                revision=revisions.parse_revision(request.POST.get("revision")),
                **form.cleaned_data,
            )
        except revisions.StaleEdit as error:
            stale = error  # shown beside the user's text (includes/stale_edit.html)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("De score is gewijzigd; de wijziging is vastgelegd."))
            return redirect("selectie:calibration-candidate", procedure.pk, score.assignment.candidate_id)
    return render(
        request,
        "selectie/score_revise.html",
        {
            "procedure": procedure,
            "score": score,
            "form": form,
            # After a refusal the form carries the newer revision: saving again is a deliberate choice.
            "revision": stale.revision if stale else request.POST.get("revision") or score.revision,
            "stale": stale,
        },
    )


def insight(request, pk):
    """Rater insight for HR: leniency, halo, agreement and coverage."""
    procedure = hr_procedure(request, pk)
    ratings = [(s, c, k, v) for c, s, k, v in selectors.score_values(procedure=procedure)]
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in={r[0] for r in ratings})}
    codes = dict(procedure.candidates.values_list("pk", "code"))
    competencies = selectors.procedure_competencies(procedure=procedure)
    exercises = selectors.exercises_with_competencies(procedure=procedure)
    observed = {c.pk for e in exercises for c in e.competencies.all()}
    scored = {k for _s, _c, k, _v in ratings}
    return render(
        request,
        "selectie/insight.html",
        {
            "procedure": procedure,
            "leniency": [(users[item.rater], item) for item in insight_math.leniency(ratings)],
            "halo": [(users[item.rater], codes.get(item.candidate), item) for item in insight_math.halo(ratings)],
            "agreement": insight_math.agreement(ratings),
            "not_observed": [c for c in competencies if c.pk not in observed],
            "not_scored": [c for c in competencies if c.pk not in scored],
            "threshold": insight_math.LENIENCY_THRESHOLD,
        },
    )
