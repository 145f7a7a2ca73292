"""Consensus scores and decisions, with refusal of stale edits."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit, revisions
from frameworks.models import Competency

from .. import selectors
from ..models import Candidate, ConsensusScore, Decision, SelectionProcedure
from .scoring import _check_value

# --- Consensus and decisions --------------------------------------------------------------------


def _require_deciding(procedure: SelectionProcedure) -> None:
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; de uitkomst ligt vast."), code="closed")


@transaction.atomic
def consensus_set(
    *,
    candidate: Candidate,
    competency: Competency,
    user: AbstractBaseUser,
    value,
    rationale: str,
    revision: int | None = None,
) -> ConsensusScore:
    """The chair records the agreed score with its rationale.

    ``revision`` is what the form saw (0: no consensus yet); a form made before a colleague recorded
    a newer consensus is refused (competentie.revisions), nothing overwritten.
    """
    procedure = candidate.procedure
    _require_deciding(procedure)
    if competency.pk not in {c.pk for c in selectors.procedure_competencies(procedure=procedure)}:
        raise ValidationError(_("Deze competentie hoort niet bij het profiel."), code="not_in_profile")
    value = _check_value(procedure, value)
    if value is None:
        raise ValidationError(_("Kies een consensusscore."), code="consensus_required")
    if not rationale.strip():
        raise ValidationError(_("Schrijf kort op waarom u samen tot deze score komt."), code="rationale_required")
    existing = ConsensusScore.objects.select_for_update().filter(candidate=candidate, competency=competency).first()
    revisions.revision_check(
        instance=existing,
        seen=revision,
        unchanged=existing is not None and (existing.value, existing.rationale) == (value, rationale.strip()),
        current=f"{existing.value}: {existing.rationale}" if existing else "",
    )
    if existing is None:
        consensus = ConsensusScore(
            candidate=candidate, competency=competency, value=value, rationale=rationale.strip(), decided_by=user
        )
        consensus.full_clean()
        revisions.revision_bump(consensus)
        consensus.save()
        audit.record(
            user,
            consensus,
            "consensus.set",
            within=candidate,
            competency=competency.name,
            value=value,
            rationale=consensus.rationale,
        )
        return consensus
    if (existing.value, existing.rationale) == (value, rationale.strip()):
        return existing  # a retried save whose answer was lost: nothing to change
    if existing.value != value or existing.rationale != rationale.strip():
        audit.record(
            user,
            existing,
            "consensus.changed",
            within=candidate,
            competency=competency.name,
            old_value=existing.value,
            old_rationale=existing.rationale,
            value=value,
            rationale=rationale.strip(),
        )
    existing.value, existing.rationale, existing.decided_by = value, rationale.strip(), user
    existing.full_clean()
    revisions.revision_bump(existing)
    existing.save()
    return existing


def justification_names_competency(justification: str, competencies) -> bool:
    text = justification.casefold()
    return any(c.name.casefold() in text for c in competencies)


@transaction.atomic
def decision_set(
    *, candidate: Candidate, user: AbstractBaseUser, outcome: str, justification: str, revision: int | None = None
) -> Decision:
    procedure = candidate.procedure
    _require_deciding(procedure)
    existing = Decision.objects.select_for_update().filter(candidate=candidate).first()
    revisions.revision_check(
        instance=existing,
        seen=revision,
        unchanged=existing is not None
        and (existing.outcome, existing.justification) == (outcome, justification.strip()),
        current=f"{existing.get_outcome_display()}: {existing.justification}" if existing else "",
    )
    competencies = selectors.procedure_competencies(procedure=procedure)
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
