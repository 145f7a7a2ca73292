"""The chair's views: the live board of the day and the calibration meeting, one item at a time."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import revisions
from competentie.accounts.names import display_name
from competentie.audit.reads import logs_read

from .. import access, charts, evidence, selectors, services
from ..disagreement import threshold_of
from ..forms import ConsensusForm
from .calibration import consensus_post

#: The board asks the server for a new state this often (htmx polling).
BOARD_REFRESH_SECONDS = 20


def chair_procedure(request, pk):
    """The chair (HR, or the designated selecteur) only; other panel members get a 403."""
    procedure = selectors.procedure_get(user=request.user, pk=pk)
    access.require(
        access.is_chair(request.user, procedure), _("Alleen de voorzitter van de kalibratie ziet dit overzicht.")
    )
    return procedure, access.is_hr(request.user, procedure)


def _board_context(request, procedure, is_hr):
    return {
        "procedure": procedure,
        "is_hr": is_hr,
        "board": selectors.board(procedure=procedure, user=request.user),
        "refresh": BOARD_REFRESH_SECONDS,
        "now": timezone.localtime(),
        "disagreement": threshold_of(procedure),
    }


@logs_read("selectie.SelectionProcedure", purpose="selection")
def board(request, pk):
    """Candidates × selecteurs × exercises for the chair; refreshes itself."""
    procedure, is_hr = chair_procedure(request, pk)
    return render(request, "selectie/board.html", _board_context(request, procedure, is_hr))


def board_live(request, pk):
    """The board's table alone, for the page to poll."""
    procedure, is_hr = chair_procedure(request, pk)
    return render(request, "selectie/includes/_board.html", _board_context(request, procedure, is_hr))


def meeting(request, pk):
    """Start (or continue) the calibration meeting at the first item without a consensus."""
    procedure, _is_hr = chair_procedure(request, pk)
    item = selectors.meeting_next(procedure=procedure)
    if item is None:
        messages.success(request, _("Elke kandidaat heeft op elke competentie een consensus."))
        return redirect("selectie:board", procedure.pk)
    return redirect("selectie:meeting-item", procedure.pk, item[0].pk, item[1].pk)


def meeting_candidate(request, pk, candidate_pk):
    """The meeting for one candidate: their first competency without a consensus."""
    procedure, _is_hr = chair_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    missing = services.consensus_missing(candidate=candidate)
    competencies = missing or selectors.procedure_competencies(procedure=procedure)
    if not competencies:
        raise Http404
    return redirect("selectie:meeting-item", procedure.pk, candidate.pk, competencies[0].pk)


@logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
def meeting_item(request, pk, candidate_pk, competency_pk):
    """One candidate, one competency: every score with its evidence and observed behaviour side by
    side, a dot plot, and one action that records the consensus with its rationale, then the next."""
    procedure, is_hr = chair_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    competencies = selectors.procedure_competencies(procedure=procedure)
    competency = next((c for c in competencies if c.pk == competency_pk), None)
    if competency is None:
        raise Http404
    points = selectors.scale_points(procedure=procedure)
    assigned, submitted = selectors.panel_of_candidate(candidate=candidate)
    can_see = access.can_see_scores_of_candidate(request.user, procedure, submitted, assigned)
    if request.method == "POST":
        access.require(can_see, _("Dien eerst uw eigen scores voor deze kandidaat in."))
        following = selectors.meeting_next(procedure=procedure, after=(candidate.pk, competency.pk))
        here = reverse("selectie:meeting-item", args=[procedure.pk, candidate.pk, competency.pk])
        if following is None:
            done = reverse("selectie:board", args=[procedure.pk])
        else:
            done = reverse("selectie:meeting-item", args=[procedure.pk, following[0].pk, following[1].pk])
        return consensus_post(request, procedure, candidate, competency, points, back_url=here, done_url=done)
    block = None
    plot = None
    columns = []
    indicator_rows = []
    if can_see:
        block = selectors.consensus_blocks(candidate=candidate, competencies=[competency], handed_in=submitted)[0]
        if any(s.assignment.selecteur_id != request.user.pk for s in block.scores):
            services.scores_seen(user=request.user, procedure=procedure, candidates=[candidate], where=_("overleg"))
        block.early = bool(assigned - submitted)
        block.form = ConsensusForm(
            instance=block.consensus, prefix=f"c{competency.pk}", points=points, early=block.early
        )
        block.revision = revisions.revision_of(block.consensus)
        values = [p.value for p in points]
        plot = charts.score_dots(
            [(display_name(s.assignment.selecteur), s.value) for s in block.scores],
            low=min(values, default=1),
            high=max(values, default=5),
        )
        by_selecteur = {}
        for score in block.scores:
            by_selecteur.setdefault(score.assignment.selecteur, []).append(score)
        columns = list(by_selecteur.items())
        # Which of the competency's indicators each selecteur ticked, side by side.
        ticked = {selecteur: {i.pk for score in scores for i in score.ticked} for selecteur, scores in columns}
        indicator_rows = [
            (indicator, [indicator.pk in ticked[selecteur] for selecteur, _scores in columns])
            for indicator in selectors.indicators_for(
                profile_ids=competency.profile_ids, competency_ids=[competency.pk]
            ).get(competency.pk, [])
        ]
    index = [c.pk for c in competencies].index(competency.pk)
    following = selectors.meeting_next(procedure=procedure, after=(candidate.pk, competency.pk))
    return render(
        request,
        "selectie/meeting.html",
        {
            "procedure": procedure,
            "is_hr": is_hr,
            "candidate": candidate,
            "competency": competency,
            "position": index + 1,
            "competency_count": len(competencies),
            "item": block,
            "columns": columns,
            "indicator_rows": indicator_rows,
            "plot": plot,
            "can_see": can_see,
            "waiting_for": len(assigned - submitted),
            "following": following,
            "previous": competencies[index - 1] if index > 0 else None,
            "can_decide": not procedure.is_closed,
            "no_evidence": evidence.no_evidence_message(),
        },
    )
