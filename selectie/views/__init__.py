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
from .chair import board, board_live, meeting, meeting_candidate, meeting_item
from .criteria import criteria
from .dossier import dossier, dossier_build
from .fairness import fairness_csv, fairness_form, fairness_invite, fairness_organisation, fairness_pdf, fairness_report
from .letters import letter, letter_pdf, letter_send
from .practice import practice, practice_case, practice_cases, practice_rate
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
    "dossier",
    "dossier_build",
    "fairness_csv",
    "fairness_form",
    "fairness_invite",
    "fairness_organisation",
    "fairness_pdf",
    "fairness_report",
    "letter",
    "letter_pdf",
    "letter_send",
    "practice",
    "practice_case",
    "practice_cases",
    "practice_rate",
    "assignment_delete",
    "assignment_list",
    "board",
    "board_live",
    "calibration",
    "calibration_candidate",
    "candidate_create",
    "candidate_detail",
    "candidate_import",
    "candidate_list",
    "candidate_pdf",
    "candidate_purge",
    "candidate_submit",
    "criteria",
    "decision",
    "exercise_create",
    "exercise_delete",
    "exercise_matrix",
    "insight",
    "meeting",
    "meeting_candidate",
    "meeting_item",
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
