from .conversations import Conversation, ConversationItem
from .cycles import Assessment, AssessmentCycle, AssessmentScore
from .feedback import RaterInvitation
from .portfolio import PortfolioFile, PortfolioItem, PortfolioJudgement

__all__ = [
    "Assessment",
    "AssessmentCycle",
    "AssessmentScore",
    "Conversation",
    "ConversationItem",
    "PortfolioFile",
    "PortfolioItem",
    "PortfolioJudgement",
    "RaterInvitation",
]
