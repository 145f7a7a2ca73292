from .procedures import (
    MAX_RETENTION,
    Assignment,
    Candidate,
    CandidatePersonalData,
    Exercise,
    SelectionProcedure,
)
from .scoring import ConsensusProposal, ConsensusScore, Decision, PurgeLog, Score, ScoreChange, Submission

__all__ = [
    "MAX_RETENTION",
    "Assignment",
    "Candidate",
    "CandidatePersonalData",
    "ConsensusProposal",
    "ConsensusScore",
    "Decision",
    "Exercise",
    "PurgeLog",
    "Score",
    "ScoreChange",
    "SelectionProcedure",
    "Submission",
]
