"""The product's one audit event log.

    from competentie import audit

    audit.record(user, score, "score.revised", within=candidate, field="value", old=2, new=3, reason="…")
    audit.history_for(candidate)          # newest first; each event has .text in the reader's language

`within` files the event also under a containing object, so a candidate's history shows the
changes to its scores. Event wording lives in each app's `audit_events.py` (see registry.py).
"""

from .api import event, history_for, history_for_many, record, record_many
from .registry import register

__all__ = ["event", "history_for", "history_for_many", "record", "record_many", "register"]
