from .authoring import FrameworkStep, ReviewComment, Reviewer
from .frameworks import Association, BehaviouralIndicator, Cluster, Competency, Framework, ProficiencyLevel
from .imports import CaseImportJob
from .profiles import (
    Dilemma,
    DilemmaPosition,
    ExpertiseArea,
    Profile,
    ProfileCompetency,
    ProfileTask,
    RoleLevel,
)
from .questions import GuidingQuestion, GuidingQuestionSet
from .scales import RatingScale, ScalePoint
from .subscriptions import FrameworkShare, Subscription, SubscriptionItem

__all__ = [
    "Association",
    "BehaviouralIndicator",
    "CaseImportJob",
    "Cluster",
    "Competency",
    "Dilemma",
    "DilemmaPosition",
    "ExpertiseArea",
    "Framework",
    "FrameworkShare",
    "FrameworkStep",
    "GuidingQuestion",
    "GuidingQuestionSet",
    "ProficiencyLevel",
    "Profile",
    "ProfileCompetency",
    "ProfileTask",
    "RatingScale",
    "ReviewComment",
    "Reviewer",
    "RoleLevel",
    "ScalePoint",
    "Subscription",
    "SubscriptionItem",
]
