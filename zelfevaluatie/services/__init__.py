"""Writes and rules of a self-evaluation round, one module per concern. Every write refuses a finished round."""

from competentie.revisions import StaleEdit  # noqa: F401 - what a stale save raises

from .actions import action_create, action_delete, action_update, conclusion_answer_save  # noqa: F401
from .agreement import conclusion_save, may_record_agreement  # noqa: F401
from .participants import participant_add, participant_add_by_username, participant_remove  # noqa: F401
from .peer_review import (  # noqa: F401
    peer_host_notes_save,
    peer_note_save,
    peer_review_invite,
    peer_review_remove,
    peer_suggestion_save,
)
from .ratings import (  # noqa: F401
    hulpvraag_answer_save,
    is_scorer,
    rating_clear_score,
    rating_field_save,
    rating_form_save,
    rating_save,
    rating_submit,
)
from .rounds import (  # noqa: F401
    NEXT_STATUS,
    actions_carry_forward,
    framework_round_profiles,
    profile_snapshot,
    round_advance,
    round_create,
    round_open_team_view,
    round_profile_scorers_set,
    round_update,
)
