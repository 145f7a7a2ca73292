from .choices import KolbStage, LearningLevel, MeasurementLevel, MeasurementMoment, Moment, Rater, StakeholderRelation
from .cohorts import Cohort, MeasurementWindow, Participant
from .guide import GuideText
from .measurements import Answer, Measurement, SelfRating
from .programmes import (
    CommunicationEntry,
    Condition,
    DesignSession,
    Intervention,
    LearningLine,
    Phase,
    PrincipleNote,
    Programme,
    Stakeholder,
    Subtheme,
)

__all__ = [
    "Answer",
    "Cohort",
    "CommunicationEntry",
    "Condition",
    "DesignSession",
    "GuideText",
    "Intervention",
    "KolbStage",
    "LearningLevel",
    "LearningLine",
    "Measurement",
    "MeasurementLevel",
    "MeasurementMoment",
    "MeasurementWindow",
    "Moment",
    "Participant",
    "Phase",
    "PrincipleNote",
    "Programme",
    "Rater",
    "SelfRating",
    "Stakeholder",
    "StakeholderRelation",
    "Subtheme",
]
