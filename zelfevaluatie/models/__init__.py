from .actions import Action
from .review import PeerReview, PeerReviewNote, PeerSuggestion
from .rounds import EvaluationRound, Participant, RoundProfile, display_name
from .scoring import Answer, ProfileConclusion, Rating

__all__ = [
    "Action",
    "Answer",
    "EvaluationRound",
    "Participant",
    "PeerReview",
    "PeerReviewNote",
    "PeerSuggestion",
    "ProfileConclusion",
    "Rating",
    "RoundProfile",
    "display_name",
]
