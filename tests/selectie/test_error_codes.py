"""Refusals carry a code, so views and tests need not match Dutch sentences."""

import pytest
from django.core.exceptions import ValidationError

from selectie import services
from selectie.models import Score

from .conftest import score_all


def code_of(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.error_list[0].code


def test_revising_a_score_is_refused_with_a_code(day, selecteurs, users):
    user, hr, candidate = selecteurs["selecteur"], users["hr"], day.candidates[0]
    score_all(day, user, candidate)
    score = Score.objects.filter(assignment__candidate=candidate, assignment__selecteur=user).first()

    def revise(**changes):
        arguments = {"score": score, "user": hr, "value": 4, "evidence": score.evidence, "reason": "Besproken"}
        return lambda: services.score_revise(**{**arguments, **changes})

    assert code_of(revise()) == "not_submitted"
    services.candidate_submit(candidate=candidate, user=user)
    assert code_of(revise(reason=" ")) == "reason_required"
    assert code_of(revise(value=9)) == "not_on_scale"
    assert code_of(revise(value=score.value)) == "unchanged"
    assert code_of(revise(revision=score.revision - 1)) == "stale"


def test_consensus_decisions_and_transitions_are_refused_with_a_code(day, users):
    hr, candidate, competency = users["hr"], day.candidates[0], day.competencies[0]

    def consensus(**changes):
        arguments = {"candidate": candidate, "competency": competency, "user": hr, "value": 3, "rationale": "x"}
        return lambda: services.consensus_set(**{**arguments, **changes})

    assert code_of(consensus(value=None)) == "consensus_required"
    assert code_of(consensus(rationale=" ")) == "rationale_required"
    decide = lambda: services.decision_set(candidate=candidate, user=hr, outcome="door", justification="Goed.")  # noqa: E731
    assert code_of(decide) == "consensus_missing"  # issue 12: a decision needs consensus on every competency
    assert code_of(consensus(early_reason="Haast.")) == "no_scores"  # issue 28: not without a handed-in score
    score_all(day, users["selecteur"], candidate, submit=True)
    for each in day.competencies:
        services.consensus_set(
            candidate=candidate, competency=each, user=hr, value=3, rationale="x", early_reason="Nog niet ingediend."
        )
    assert code_of(decide) == "justification_without_competency"
    assert code_of(lambda: services.procedure_transition(procedure=day.procedure, user=hr, status="afgerond")) == (
        "invalid_transition"
    )
