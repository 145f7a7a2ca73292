"""Writes and rules of the development programme, one module per concern."""

from .cohorts import (
    cohort_create,
    cohort_invite_by_email,
    participant_invite,
    participant_manager_set,
    plan_save,
    windows_default,
    windows_save,
)
from .design import principles_save, programme_create, step_save
from .measurements import measurement_submit, window_refusal
from .privacy import participant_remove, participants_anonymise_expired

__all__ = [
    "cohort_create",
    "cohort_invite_by_email",
    "measurement_submit",
    "participant_invite",
    "participant_manager_set",
    "participant_remove",
    "participants_anonymise_expired",
    "plan_save",
    "principles_save",
    "programme_create",
    "step_save",
    "window_refusal",
    "windows_default",
    "windows_save",
]
