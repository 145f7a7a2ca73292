"""Consensus scores and decisions: recorded by the chair, after every hand-in (or earlier with a
reason, but never before any handed-in score: selectie.evidence), with refusal of stale edits and
every change in the audit log."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit, revisions
from frameworks.models import Competency

from .. import access, evidence, selectors
from ..models import Candidate, ConsensusProposal, ConsensusScore, Decision, SelectionProcedure
from .scoring import _check_value

# --- Consensus and decisions --------------------------------------------------------------------


def _require_deciding(procedure: SelectionProcedure) -> None:
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; de uitkomst ligt vast."), code="closed")


def _require_chair(user: AbstractBaseUser, procedure: SelectionProcedure) -> None:
    if not access.is_chair(user, procedure):
        raise ValidationError(
            _("Alleen de voorzitter van de kalibratie legt de consensus en het besluit vast. Doe een voorstel."),
            code="not_chair",
        )


def consensus_missing_reason(*, candidate: Candidate, competency: Competency) -> str:
    """Why a consensus would come early: "" when every assigned selecteur handed in and there are scores."""
    assigned, submitted = selectors.panel_of_candidate(candidate=candidate)
    if not assigned or assigned - submitted:
        return "not_all_handed_in"
    return "" if evidence.has_evidence(candidate=candidate, competency_id=competency.pk) else evidence.NO_EVIDENCE


@transaction.atomic
def consensus_set(
    *,
    candidate: Candidate,
    competency: Competency,
    user: AbstractBaseUser,
    value,
    rationale: str,
    early_reason: str = "",
    revision: int | None = None,
) -> ConsensusScore:
    """The chair records the panel's consensus with its rationale, once every assigned selecteur
    handed in for this candidate — or earlier with a stated reason, which goes into the history.

    ``revision`` is what the form saw (0: no consensus yet); a form made before a colleague recorded
    a newer consensus is refused (competentie.revisions), nothing overwritten.
    """
    procedure = candidate.procedure
    _require_deciding(procedure)
    _require_chair(user, procedure)
    if competency.pk not in {c.pk for c in selectors.procedure_competencies(procedure=procedure)}:
        raise ValidationError(_("Deze competentie hoort niet bij het profiel."), code="not_in_profile")
    value = _check_value(procedure, value)
    if value is None:
        raise ValidationError(_("Kies een consensusscore."), code="consensus_required")
    rationale, early_reason = rationale.strip(), (early_reason or "").strip()
    if not rationale:
        raise ValidationError(_("Schrijf kort op waarom u samen tot deze score komt."), code="rationale_required")
    early = consensus_missing_reason(candidate=candidate, competency=competency)
    if early == "not_all_handed_in" and not early_reason:
        raise ValidationError(
            _("Nog niet alle selecteurs hebben ingediend. Geef aan waarom u toch al een consensus vastlegt."),
            code=early,
        )
    # The one rule (selectie.evidence): no reason opens a consensus that rests on no handed-in score.
    if early == evidence.NO_EVIDENCE or (
        early and not evidence.has_evidence(candidate=candidate, competency_id=competency.pk)
    ):
        raise ValidationError(evidence.no_evidence_message(), code=evidence.NO_EVIDENCE)
    existing = ConsensusScore.objects.select_for_update().filter(candidate=candidate, competency=competency).first()
    revisions.revision_check(
        instance=existing,
        seen=revision,
        unchanged=existing is not None and (existing.value, existing.rationale) == (value, rationale),
        current=f"{existing.value}: {existing.rationale}" if existing else "",
    )
    if existing is not None and (existing.value, existing.rationale) == (value, rationale):
        return existing  # a retried save whose answer was lost: nothing to change
    consensus = existing or ConsensusScore(candidate=candidate, competency=competency)
    old_value, old_rationale = (existing.value, existing.rationale) if existing else (None, "")
    consensus.value, consensus.rationale, consensus.decided_by = value, rationale, user
    consensus.full_clean()
    revisions.revision_bump(consensus)
    consensus.save()
    if early:
        audit.record(
            user,
            consensus,
            "consensus.early",
            within=candidate,
            competency=competency.name,
            value=value,
            rationale=rationale,
            reason=early_reason,
            why=early,
        )
    elif existing is None:
        audit.record(
            user,
            consensus,
            "consensus.set",
            within=candidate,
            competency=competency.name,
            value=value,
            rationale=rationale,
        )
    else:
        audit.record(
            user,
            consensus,
            "consensus.changed",
            within=candidate,
            competency=competency.name,
            old_value=old_value,
            old_rationale=old_rationale,
            value=value,
            rationale=rationale,
        )
    return consensus


@transaction.atomic
def consensus_propose(
    *, candidate: Candidate, competency: Competency, user: AbstractBaseUser, value, comment: str
) -> ConsensusProposal:
    """A panel member who handed in proposes a score or comments; the chair decides."""
    procedure = candidate.procedure
    _require_deciding(procedure)
    assigned, submitted = selectors.panel_of_candidate(candidate=candidate)
    if not access.can_see_scores_of_candidate(user, procedure, submitted, assigned):
        raise ValidationError(_("Dien eerst uw eigen scores voor deze kandidaat in."), code="not_handed_in")
    if competency.pk not in {c.pk for c in selectors.procedure_competencies(procedure=procedure)}:
        raise ValidationError(_("Deze competentie hoort niet bij het profiel."), code="not_in_profile")
    if not (comment or "").strip():
        raise ValidationError(_("Schrijf uw voorstel of opmerking op."), code="comment_missing")
    proposal = ConsensusProposal(
        candidate=candidate,
        competency=competency,
        author=user,
        value=_check_value(procedure, value),
        comment=comment.strip(),
    )
    proposal.full_clean()
    proposal.save()
    return proposal


def consensus_missing(*, candidate: Candidate) -> list[Competency]:
    """The profile's competencies that have no consensus yet for this candidate."""
    done = set(ConsensusScore.objects.filter(candidate=candidate).values_list("competency_id", flat=True))
    return [c for c in selectors.procedure_competencies(procedure=candidate.procedure) if c.pk not in done]


def justification_names_competency(justification: str, competencies) -> bool:
    text = justification.casefold()
    return any(c.name.casefold() in text for c in competencies)


@transaction.atomic
def decision_set(
    *, candidate: Candidate, user: AbstractBaseUser, outcome: str, justification: str, revision: int | None = None
) -> Decision:
    procedure = candidate.procedure
    _require_deciding(procedure)
    _require_chair(user, procedure)
    existing = Decision.objects.select_for_update().filter(candidate=candidate).first()
    revisions.revision_check(
        instance=existing,
        seen=revision,
        unchanged=existing is not None
        and (existing.outcome, existing.justification) == (outcome, justification.strip()),
        current=f"{existing.get_outcome_display()}: {existing.justification}" if existing else "",
    )
    competencies = selectors.procedure_competencies(procedure=procedure)
    refusal = evidence.decision_refusal(candidate=candidate, competencies=competencies)
    if refusal is not None:
        raise ValidationError(refusal[1], code=refusal[0])
    if not justification_names_competency(justification, competencies):
        raise ValidationError(
            _("Onderbouw het besluit met minstens één competentie uit het profiel (%(names)s).")
            % {"names": ", ".join(c.name for c in competencies)},
            code="justification_without_competency",
        )
    decision = existing or Decision(candidate=candidate)
    decision.outcome, decision.justification, decision.decided_by = outcome, justification.strip(), user
    decision.full_clean()
    revisions.revision_bump(decision)
    decision.save()
    audit.record(
        user,
        decision,
        "decision.set",
        within=candidate,
        outcome=decision.outcome,
        justification=decision.justification,
    )
    return decision
