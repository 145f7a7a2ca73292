from .procedures import (
    MAX_RETENTION,
    Assignment,
    Candidate,
    CandidatePersonalData,
    Exercise,
    SelectionProcedure,
)
from .scoring import ConsensusScore, Decision, PurgeLog, Score, ScoreChange, Submission

__all__ = [
    "MAX_RETENTION",
    "Assignment",
    "Candidate",
    "CandidatePersonalData",
    "ConsensusScore",
    "Decision",
    "Exercise",
    "PurgeLog",
    "Score",
    "ScoreChange",
    "SelectionProcedure",
    "Submission",
]
