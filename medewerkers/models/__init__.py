from .conversations import Conversation, ConversationItem
from .cycles import Assessment, AssessmentCycle, AssessmentScore

__all__ = ["Assessment", "AssessmentCycle", "AssessmentScore", "Conversation", "ConversationItem"]
