"""Writes and rules of framework authoring: keyword-only, atomic, refusing stale and frozen edits."""

from ._common import FROZEN_MESSAGE, STALE_MESSAGE
from .content import (
    cluster_create,
    cluster_delete,
    cluster_update,
    competency_create,
    competency_delete,
    competency_move,
    competency_pick,
    competency_update,
    indicator_create,
    indicator_delete,
    indicator_move,
    indicator_update,
    level_create,
    level_delete,
    level_move,
    level_update,
)
from .evaluation import (
    OWN_SCALE_SIZES,
    framework_scale_choose,
    question_delete,
    question_save,
    question_set_delete,
    question_set_save,
    scale_points_update,
)
from .frameworks import (
    DEFAULT_LEVELS,
    EDITABLE_STATUSES,
    framework_create,
    framework_derive,
    framework_new_version,
    framework_publish,
    framework_step_update,
    framework_update,
    framework_versions,
)
from .profiles import (
    CORE_MAX,
    CORE_MIN,
    profile_competency_add,
    profile_competency_move,
    profile_competency_remove,
    profile_competency_update,
    profile_core_warning,
    profile_create,
    profile_delete,
    profile_update,
)
from .review import review_comment_add, review_comment_resolve, reviewer_invite
from .steps import STEPS, steps_progress

__all__ = [name for name in dir() if not name.startswith("_")]
