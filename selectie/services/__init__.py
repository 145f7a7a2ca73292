"""Writes and the rules of a selection procedure. Views, admin, commands and tests call these."""

from .candidates import (  # noqa: F401
    HEADER_ALIASES,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    candidate_create,
    candidate_personal_data_update,
    candidates_import_csv,
)
from .criteria import (  # noqa: F401
    criteria_snapshot,
    criteria_version_create,
    criteria_version_current,
    profile_and_scale_open,
    require_criteria_open,
)
from .decisions import (  # noqa: F401
    consensus_missing,
    consensus_missing_reason,
    consensus_propose,
    consensus_set,
    decision_set,
    justification_names_competency,
)
from .fairness import (  # noqa: F401
    fairness_answers_save,
    fairness_answers_withdraw,
    fairness_invitation_create,
    fairness_invite,
    fairness_setup_save,
    token_hash,
)
from .letters import letter_draft, letter_problems, letter_save, letter_send  # noqa: F401
from .practice import PRACTICE_MINIMUM, practice_case_save, practice_expert_save, practice_rate  # noqa: F401
from .privacy import candidate_purge, candidates_past_retention, candidates_purge_expired, retention_end  # noqa: F401
from .scoring import (  # noqa: F401
    UNSET,
    NotFound,
    candidate_submit,
    score_autosave,
    score_revise,
    score_save,
    submission_problems,
)
from .seen import scores_seen  # noqa: F401
from .setup import (  # noqa: F401
    SELECTION_SCALE_NAME,
    SELECTION_SCALE_POINTS,
    TRANSITIONS,
    assignment_delete,
    assignments_create,
    exercise_create,
    exercise_delete,
    exercise_matrix_save,
    procedure_create,
    procedure_transition,
    procedure_update,
    selection_scale_default,
)
