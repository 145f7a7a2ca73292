from .procedures import (
    MAX_RETENTION,
    Assignment,
    Candidate,
    CandidatePersonalData,
    Exercise,
    SelectionProcedure,
)
from .scoring import ConsensusScore, Decision, Score, Submission

__all__ = [
    "MAX_RETENTION",
    "Assignment",
    "Candidate",
    "CandidatePersonalData",
    "ConsensusScore",
    "Decision",
    "Exercise",
    "Score",
    "SelectionProcedure",
    "Submission",
]
