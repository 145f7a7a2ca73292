"""When a panel member first saw colleagues' scores: the proof of independent judgement in the dossier.

Pages that show colleagues' scores for a candidate (the calibration overview and candidate page,
the meeting, revising a colleague's score) call `scores_seen`; the first time a person sees them
for a candidate, one audit event "scores.first_seen" is written. Two queries, whatever the number
of candidates on the page; later visits write nothing.
"""

from django.contrib.auth.models import AbstractBaseUser

from competentie import audit

SEEN = "scores.first_seen"


def scores_seen(*, user: AbstractBaseUser, procedure, candidates, where: str) -> int:
    """Record the first sight of colleagues' scores for each of `candidates`; returns how many were new.

    The event is filed under the procedure (with the candidate's id and code), so a candidate's own
    history keeps showing only what happened to their scores, consensus and decision."""
    candidates = [c for c in candidates if c is not None]
    if not candidates or not user.is_authenticated:
        return 0
    seen = {
        params.get("candidate")
        for params in audit.history_for(procedure, actions=[SEEN]).filter(actor=user).values_list("params", flat=True)
    }
    new = [c for c in candidates if c.pk not in seen]
    audit.record_many(audit.event(user, procedure, SEEN, candidate=c.pk, code=c.code, where=where) for c in new)
    return len(new)
