"""Writes and rules of a self-evaluation round, one module per concern. Every write refuses a finished round."""

from competentie.revisions import StaleEdit  # noqa: F401 - what a stale save raises

from .actions import action_create, action_delete, action_update, conclusion_answer_save  # noqa: F401
from .agreement import conclusion_save  # noqa: F401
from .participants import participant_add, participant_add_by_username, participant_remove  # noqa: F401
from .peer_review import peer_note_save, peer_review_invite, peer_review_remove  # noqa: F401
from .ratings import (  # noqa: F401
    hulpvraag_answer_save,
    rating_clear_score,
    rating_field_save,
    rating_form_save,
    rating_save,
)
from .rounds import (  # noqa: F401
    NEXT_STATUS,
    actions_carry_forward,
    framework_round_profiles,
    profile_snapshot,
    round_advance,
    round_create,
    round_update,
)
