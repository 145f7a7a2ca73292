from .cycles import Assessment, AssessmentCycle, AssessmentScore
from .conversations import Conversation, ConversationItem

__all__ = ["Assessment", "AssessmentCycle", "AssessmentScore", "Conversation", "ConversationItem"]
