"""360° feedback: the extension point the conversation, exports and PDFs read (owned by issue 26b).

`summary_for(assessments, profile_competency_ids)` returns per profile competency id the aggregate of
the 360° raters' handed-in scores that may be shown (a group only with 3 or more responses):
``{pc_id: {"median": float, "spread": (low, high), "count": int}}``. Until 360° invitations exist there
is nothing to aggregate and it returns an empty dict, so the conversation shows no 360° column.
"""


def summary_for(assessments, profile_competency_ids) -> dict[int, dict]:
    return {}
