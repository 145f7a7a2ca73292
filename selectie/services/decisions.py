"""Consensus scores and decisions, with refusal of stale edits."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import revisions
from frameworks.models import Competency

from .. import selectors
from ..models import Candidate, ConsensusScore, Decision, ScoreChange, SelectionProcedure
from .scoring import _check_value

# --- Consensus and decisions --------------------------------------------------------------------


def _require_deciding(procedure: SelectionProcedure) -> None:
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; de uitkomst ligt vast."))


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
        raise ValidationError(_("Deze competentie hoort niet bij het profiel."))
    value = _check_value(procedure, value)
    if value is None:
        raise ValidationError(_("Kies een consensusscore."))
    if not rationale.strip():
        raise ValidationError(_("Schrijf kort op waarom jullie tot deze score komen."))
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
        return consensus
    if (existing.value, existing.rationale) == (value, rationale.strip()):
        return existing  # a retried save whose answer was lost: nothing to change
    if existing.value != value or existing.rationale != rationale.strip():
        ScoreChange.objects.create(
            consensus=existing,
            changed_by=user,
            field="consensusscore",
            old=f"{existing.value}: {existing.rationale}",
            new=f"{value}: {rationale.strip()}",
            reason=rationale.strip(),
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
            % {"names": ", ".join(c.name for c in competencies)}
        )
    decision = existing or Decision(candidate=candidate)
    decision.outcome, decision.justification, decision.decided_by = outcome, justification.strip(), user
    decision.full_clean()
    revisions.revision_bump(decision)
    decision.save()
    return decision
