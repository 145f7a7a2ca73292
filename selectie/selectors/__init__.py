"""Reads, always scoped to the user: another organisation's procedure, or a candidate or
assignment the selecteur was not given, is "not found" (404)."""

from .board import BoardCell, BoardRow, board, complete_counts, meeting_items, meeting_next  # noqa: F401
from .calibration import (  # noqa: F401
    DISAGREEMENT,
    Assessor,
    CalibrationCell,
    CalibrationRow,
    ConsensusBlock,
    calibration_matrix,
    candidate_history,
    candidate_scores_detail,
    consensus_blocks,
    consensus_history,
    consensus_score_get,
    procedure_disagreements,
    raters_by_pk,
    score_get,
    score_values,
)
from .criteria import criteria_history, criteria_version_latest, criteria_versions  # noqa: F401
from .dossier import dossier, procedure_unscoped  # noqa: F401
from .fairness import (  # noqa: F401
    fairness_characteristics,
    fairness_csv_rows,
    fairness_invitation_for_token,
    fairness_own_answers,
    fairness_report,
    fairness_report_organisation,
    hr_organisations,
)
from .letters import (  # noqa: F401
    decision_outcome,
    letter_observed_indicators,
    letter_of,
    letter_other_candidate_names,
    letter_panel,
)
from .numbers import numbers  # noqa: F401
from .practice import (  # noqa: F401
    my_practice,
    practice_attempt_of,
    practice_case_get,
    practice_cases,
    practice_feedback,
    practice_form_rows,
    practice_overview,
)
from .procedures import (  # noqa: F401
    allowed_indicator_ids,
    assessor_choices,
    assignment_get_for_selecteur,
    assignments_of_procedure,
    candidate_get,
    candidate_get_for_selecteur,
    candidate_list_for_hr,
    candidate_progress,
    chair_choices,
    exercises_with_competencies,
    frozen_profiles,
    has_submitted,
    indicators_for,
    my_assignments,
    panel_of_candidate,
    personal_data_of,
    procedure_competencies,
    procedure_for_form,
    procedure_get,
    procedure_is_assigned,
    procedure_list,
    procedure_profile_ids,
    rating_scales,
    submission_progress,
    submitted_selecteur_ids,
)
from .results import candidate_report, decision_of, results  # noqa: F401
from .scoring import ScoringItem, competency_or_none, scale_points, scoring_screen  # noqa: F401
