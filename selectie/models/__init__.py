from .accountability import (
    CriteriaVersion,
    FairnessAnswer,
    FairnessInvitation,
    FairnessSetup,
    PracticeAttempt,
    PracticeCase,
    PracticeExpertScore,
    PracticeRating,
    RejectionLetter,
)
from .procedures import (
    MAX_RETENTION,
    Assignment,
    Candidate,
    CandidatePersonalData,
    Exercise,
    SelectionProcedure,
)
from .scoring import ConsensusProposal, ConsensusScore, Decision, Score, Submission

__all__ = [
    "MAX_RETENTION",
    "CriteriaVersion",
    "FairnessAnswer",
    "FairnessInvitation",
    "FairnessSetup",
    "PracticeAttempt",
    "PracticeCase",
    "PracticeExpertScore",
    "PracticeRating",
    "RejectionLetter",
    "Assignment",
    "Candidate",
    "CandidatePersonalData",
    "ConsensusProposal",
    "ConsensusScore",
    "Decision",
    "Exercise",
    "Score",
    "SelectionProcedure",
    "Submission",
]
