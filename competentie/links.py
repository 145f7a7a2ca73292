"""Personal links for people without an account: the one mechanism for every app.

A candidate's fairness questionnaire (selectie) and an outside 360° rater's form (medewerkers) are
reached through a link in an e-mail. The link carries a random token; only its SHA-256 hash is
stored, so the database (or a backup) never holds a working link. A link may also be single-use
(it stops working once the form is handed in) and expire; `link_state` says which of those applies,
in one place. How many links one person may send per day is capped by the app that sends them
(`sends_left`).
"""

import hashlib
import secrets
from datetime import datetime

from django.utils import timezone

TOKEN_BYTES = 24


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def token_new() -> tuple[str, str]:
    """A fresh token for the URL and the hash to store."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


OPEN, USED, EXPIRED = "open", "used", "expired"


def link_state(*, used_at: datetime | None, expires_at: datetime | None, now: datetime | None = None) -> str:
    """Whether a link still opens its form: used once (single-use) or past its date, it no longer does."""
    now = now or timezone.now()
    if used_at is not None:
        return USED
    if expires_at is not None and now >= expires_at:
        return EXPIRED
    return OPEN


def sends_left(*, sent_recently: int, limit: int) -> int:
    """How many more links may go out now, given how many went out in the window the limit covers."""
    return max(0, limit - sent_recently)
