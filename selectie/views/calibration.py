from collections import Counter
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from competentie import autosave, revisions
from competentie.audit.reads import logs_read

from .. import access, charts, evidence, fragments, selectors, services
from .. import insight as insight_math
from ..disagreement import threshold_of
from ..forms import ConsensusForm, ProposalForm, ScoreReviseForm
from .common import hr_procedure, member_procedure

#: A tablet shows a readable matrix for about this many candidates at once.
CANDIDATES_PER_PAGE = 25


@dataclass(frozen=True)
class _Seen:
    """A candidate whose colleagues' scores the page shows (what scores_seen records)."""

    pk: int
    code: str


def _calibration_matrix(request, procedure, is_hr, only_flagged) -> dict:
    """The matrix of one page, rendered, with the candidates whose colleagues' scores it shows: plain
    values only, so a closed procedure's matrix can be kept in the cache (selectie/fragments.py)."""
    competencies, rows = selectors.calibration_matrix(procedure=procedure, user=request.user, is_hr=is_hr)
    flagged_count = sum(row.has_disagreement for row in rows)
    if only_flagged:
        rows = [row for row in rows if row.has_disagreement]
    page = Paginator(rows, CANDIDATES_PER_PAGE).get_page(request.GET.get("pagina"))
    html = render_to_string(
        "selectie/includes/_calibration_matrix.html",
        {
            "procedure": procedure,
            "competencies": competencies,
            "rows": page.object_list,
            "page": page,
            "disagreement": threshold_of(procedure),
            "only_flagged": only_flagged,
            "flagged_count": flagged_count,
        },
        request=None,
    )
    seen = [
        (row.candidate.pk, row.candidate.code)
        for row in page.object_list
        if _shows_colleagues(row.selecteurs, request.user)
    ]
    return {"html": html, "seen": seen}


@logs_read("selectie.SelectionProcedure", purpose="selection")
def calibration(request, pk):
    """Candidate × competency × selecteur, with a flag where selecteurs differ by 2 or more.

    A closed procedure's matrix never changes: it is built once per viewer and kept (selectie/fragments.py)."""
    procedure, is_hr = member_procedure(request, pk)
    only_flagged = request.GET.get("verschil") == "1"

    def compute():
        return _calibration_matrix(request, procedure, is_hr, only_flagged)

    if procedure.is_closed:
        matrix = fragments.calibration_kept(
            procedure,
            user=request.user,
            is_hr=is_hr,
            page=request.GET.get("pagina", ""),
            only_flagged=only_flagged,
            compute=compute,
        )
    else:
        matrix = compute()
    services.scores_seen(
        user=request.user,
        procedure=procedure,
        candidates=[_Seen(pk, code) for pk, code in matrix["seen"]],
        where=_("kalibratie"),
    )
    return render(
        request,
        "selectie/calibration.html",
        {
            "procedure": procedure,
            "matrix": mark_safe(matrix["html"]),
            "is_hr": is_hr,
            "disagreement": threshold_of(procedure),
        },
    )


def _shows_colleagues(selecteurs, user) -> bool:
    return any(getattr(s, "pk", s) != user.pk for s in selecteurs)


def _calibration_candidate(request, pk, candidate_pk):
    procedure, is_hr = member_procedure(request, pk)
    if is_hr:
        candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    else:
        candidate = selectors.candidate_get_for_selecteur(user=request.user, procedure=procedure, pk=candidate_pk)
    assigned, submitted = selectors.panel_of_candidate(candidate=candidate)
    access.require(
        access.can_see_scores_of_candidate(request.user, procedure, submitted, assigned),
        _("Dien eerst uw eigen scores voor deze kandidaat in."),
    )
    return procedure, is_hr, candidate, assigned, submitted


def consensus_post(request, procedure, candidate, competency, points, *, back_url: str, done_url: str | None = None):
    """Record the chair's consensus for one competency, or a panel member's proposal.

    From the calibration page's script (autosave.js) the answer is JSON and the page stays as it
    is, so text typed under other competencies is never thrown away; without JavaScript (and from
    the meeting mode) the answer is a redirect: to `done_url` once recorded, else to `back_url`."""
    if request.POST.get("action") == "propose":
        form = ProposalForm(request.POST, prefix=f"p{competency.pk}", points=points)
        try:
            if not form.is_valid():
                raise ValidationError([m for errors in form.errors.values() for m in errors])
            services.consensus_propose(
                candidate=candidate, competency=competency, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, f"{competency.name}: {message}")
        else:
            messages.success(request, _("Uw voorstel voor “%(name)s” is vastgelegd.") % {"name": competency.name})
        return redirect(back_url)
    access.require(
        access.can_record_consensus(request.user, procedure),
        _("Alleen de voorzitter van de kalibratie legt de consensus vast."),
    )
    prefix = f"c{competency.pk}"
    form = ConsensusForm(request.POST, prefix=prefix, points=points, early=True)
    as_json = autosave.wants_json(request)
    if not form.is_valid():
        problems = [f"{competency.name}: {message}" for errors in form.errors.values() for message in errors]
        if as_json:
            return autosave.refused_response(" ".join(problems))
        for message in problems:
            messages.error(request, message)
        return redirect(back_url)
    try:
        consensus = services.consensus_set(
            candidate=candidate,
            competency=competency,
            user=request.user,
            value=form.cleaned_data["value"],
            rationale=form.cleaned_data["rationale"],
            early_reason=form.cleaned_data.get("early_reason", ""),
            revision=revisions.parse_revision(request.POST.get("revision")),
        )
    except revisions.StaleEdit as error:
        if as_json:
            stored = selectors.consensus_score_get(candidate=candidate, competency=competency)
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
        return redirect(done_url or back_url)
    return redirect(back_url)


@logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
def calibration_candidate(request, pk, candidate_pk):
    """All scores for one candidate, and the consensus per competency (recorded by the chair)."""
    procedure, is_hr, candidate, assigned, submitted = _calibration_candidate(request, pk, candidate_pk)
    points = selectors.scale_points(procedure=procedure)
    is_chair = access.can_record_consensus(request.user, procedure)
    everyone_in = bool(assigned) and not (assigned - submitted)
    if request.method == "POST":
        competency = selectors.competency_or_none(pk=request.POST.get("competency") or 0)
        if competency is None:
            raise Http404
        back = reverse("selectie:calibration-candidate", args=[procedure.pk, candidate.pk])
        return consensus_post(request, procedure, candidate, competency, points, back_url=back)
    # Panel members see colleagues' scores once those colleagues handed them in; the chair sees all.
    visible = None if access.is_chair(request.user, procedure) else submitted
    history = selectors.candidate_history(candidate=candidate)
    blocks = selectors.consensus_blocks(
        candidate=candidate, selecteur_ids=visible, history=history, handed_in=submitted
    )
    if _shows_colleagues({s.assignment.selecteur_id for b in blocks for s in b.scores}, request.user):
        services.scores_seen(user=request.user, procedure=procedure, candidates=[candidate], where=_("kalibratie"))
    can_decide = not procedure.is_closed
    for block in blocks:
        prefix = block.competency.pk
        block.early = not everyone_in
        block.revision = revisions.revision_of(block.consensus)
        if not (can_decide and block.grounded):
            continue  # the page shows no form for this competency
        # The chair records the consensus; a panel member proposes: each sees only their own form.
        if is_chair:
            block.form = ConsensusForm(instance=block.consensus, prefix=f"c{prefix}", points=points, early=block.early)
        else:
            block.proposal_form = ProposalForm(prefix=f"p{prefix}", points=points)
    return render(
        request,
        "selectie/calibration_candidate.html",
        {
            "procedure": procedure,
            "candidate": candidate,
            "blocks": blocks,
            "is_hr": is_hr,
            "is_chair": is_chair,
            "everyone_in": everyone_in,
            "waiting_for": len(assigned - submitted),
            "disagreement": threshold_of(procedure),
            "history": selectors.consensus_history(history=history),
            "can_decide": can_decide,
            "no_evidence": evidence.no_evidence_message(),
        },
    )


def score_revise(request, pk, score_pk):
    """Change a handed-in score, with a reason that goes into the audit trail."""
    procedure, is_hr = member_procedure(request, pk)
    score = selectors.score_get(procedure=procedure, pk=score_pk)
    if not is_hr and score.assignment.selecteur_id != request.user.pk:
        raise Http404
    if score.assignment.selecteur_id != request.user.pk:
        # HR on this candidate's panel sees a colleague's score only after handing in their own.
        assigned, submitted = selectors.panel_of_candidate(candidate=score.assignment.candidate)
        access.require(
            access.can_see_scores_of_candidate(request.user, procedure, submitted, assigned),
            _("Dien eerst uw eigen scores voor deze kandidaat in."),
        )
        services.scores_seen(
            user=request.user, procedure=procedure, candidates=[score.assignment.candidate], where=_("score wijzigen")
        )
    access.require(access.can_revise_score(request.user, procedure, score.assignment.selecteur_id))
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


@logs_read("selectie.SelectionProcedure", purpose="selection")
def insight(request, pk):
    """Rater insight for HR: how scores compare, agreement with its interval, and coverage.

    Statements describe scores, never colleagues, and none is made below a minimum sample."""
    procedure = hr_procedure(request, pk)
    ratings = [(s, c, k, v) for c, s, k, v in selectors.score_values(procedure=procedure)]
    users = selectors.raters_by_pk(ids={r[0] for r in ratings})
    codes = dict(procedure.candidates.values_list("pk", "code"))
    competencies = selectors.procedure_competencies(procedure=procedure)
    exercises = selectors.exercises_with_competencies(procedure=procedure)
    observed = {c.pk for e in exercises for c in e.competencies.all()}
    scored = {k for _s, _c, k, _v in ratings}
    leniency = [(users[item.rater], item) for item in insight_math.leniency(ratings)]
    points = [p.value for p in selectors.scale_points(procedure=procedure)]
    span = (max(points) - min(points)) if points else 4
    plot = charts.deviation_plot([(str(user), list(item.deviations)) for user, item in leniency], span=span)
    disagreements = selectors.procedure_disagreements(procedure=procedure)
    flagged, compared = Counter(), Counter()
    for (_candidate, competency_id), disagreement in disagreements.items():
        if disagreement.selecteurs >= 2:
            compared[competency_id] += 1
            flagged[competency_id] += disagreement.flagged
    by_competency = [(c, flagged[c.pk], compared[c.pk]) for c in competencies]
    return render(
        request,
        "selectie/insight.html",
        {
            "procedure": procedure,
            "leniency": leniency,
            "plot": plot,
            "halo": [(users[item.rater], codes.get(item.candidate), item) for item in insight_math.halo(ratings)],
            "agreement": insight_math.agreement(ratings),
            "not_observed": [c for c in competencies if c.pk not in observed],
            "not_scored": [c for c in competencies if c.pk not in scored],
            "threshold": insight_math.LENIENCY_THRESHOLD,
            "min_paired": insight_math.MIN_PAIRED,
            "min_targets": insight_math.MIN_TARGETS,
            "disagreement": threshold_of(procedure),
            "by_competency": by_competency,
            "numbers": selectors.numbers(procedure=procedure, ratings=ratings),
        },
    )
