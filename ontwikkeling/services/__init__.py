"""Writes and rules of the development programme, one module per concern."""

from .cohorts import cohort_create, participant_invite, plan_save
from .design import principles_save, programme_create, step_save
from .measurements import measurement_submit

__all__ = [
    "cohort_create",
    "measurement_submit",
    "participant_invite",
    "plan_save",
    "principles_save",
    "programme_create",
    "step_save",
]
