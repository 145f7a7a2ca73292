from .calibration import calibration, calibration_candidate, insight, score_revise
from .candidates import (
    assignment_delete,
    assignment_list,
    candidate_create,
    candidate_detail,
    candidate_import,
    candidate_list,
    candidate_purge,
)
from .procedures import (
    exercise_create,
    exercise_delete,
    exercise_matrix,
    procedure_create,
    procedure_detail,
    procedure_list,
    procedure_transition,
    procedure_update,
)
from .results import candidate_pdf, decision, procedure_pdf, results
from .scoring import candidate_submit, score_autosave, score_screen

__all__ = [
    "assignment_delete",
    "assignment_list",
    "calibration",
    "calibration_candidate",
    "candidate_create",
    "candidate_detail",
    "candidate_import",
    "candidate_list",
    "candidate_pdf",
    "candidate_purge",
    "candidate_submit",
    "decision",
    "exercise_create",
    "exercise_delete",
    "exercise_matrix",
    "insight",
    "procedure_create",
    "procedure_detail",
    "procedure_list",
    "procedure_pdf",
    "procedure_transition",
    "procedure_update",
    "results",
    "score_autosave",
    "score_revise",
    "score_screen",
]
