"""Consensus scores and decisions, with refusal of stale edits."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frameworks.models import Competency

from .. import selectors
from ..models import Candidate, ConsensusScore, Decision, ScoreChange, SelectionProcedure
from .scoring import _check_fresh, _check_value

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
    seen: str | None = None,
) -> ConsensusScore:
    procedure = candidate.procedure
    _require_deciding(procedure)
    if competency.pk not in {c.pk for c in selectors.procedure_competencies(procedure=procedure)}:
        raise ValidationError(_("Deze competentie hoort niet bij het profiel."))
    value = _check_value(procedure, value)
    if value is None:
        raise ValidationError(_("Kies een consensusscore."))
    if not rationale.strip():
        raise ValidationError(_("Schrijf kort op waarom u samen tot deze score komt."))
    existing = ConsensusScore.objects.select_for_update().filter(candidate=candidate, competency=competency).first()
    _check_fresh(existing, "decided_at", seen)
    if existing is None:
        consensus = ConsensusScore(
            candidate=candidate, competency=competency, value=value, rationale=rationale.strip(), decided_by=user
        )
        consensus.full_clean()
        consensus.save()
        return consensus
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
    existing.save()
    return existing


def justification_names_competency(justification: str, competencies) -> bool:
    text = justification.casefold()
    return any(c.name.casefold() in text for c in competencies)


@transaction.atomic
def decision_set(
    *, candidate: Candidate, user: AbstractBaseUser, outcome: str, justification: str, seen: str | None = None
) -> Decision:
    procedure = candidate.procedure
    _require_deciding(procedure)
    _check_fresh(Decision.objects.select_for_update().filter(candidate=candidate).first(), "decided_at", seen)
    competencies = selectors.procedure_competencies(procedure=procedure)
    if not justification_names_competency(justification, competencies):
        raise ValidationError(
            _("Onderbouw het besluit met minstens één competentie uit het profiel (%(names)s).")
            % {"names": ", ".join(c.name for c in competencies)}
        )
    decision = Decision.objects.filter(candidate=candidate).first() or Decision(candidate=candidate)
    decision.outcome, decision.justification, decision.decided_by = outcome, justification.strip(), user
    decision.full_clean()
    decision.save()
    return decision
