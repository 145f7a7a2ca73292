"""A round's rendered parts in the cache (competentie/fragments.py), the round their owner.

The growth chart of a framework line draws the agreed scores and periods of all its rounds. It is filed
under the newest round of the line, with every round's key and stamp in its variant: a new round, an agreed
score recorded (services.agreement.conclusion_save) or a period changed (services.rounds.round_update) in any
of them files it anew. A finished round never changes, so a line of finished rounds is drawn once.
"""

import hashlib
from collections.abc import Callable

from competentie import fragments


def growth_fragments(lines: list[tuple[list, str, Callable[[], str]]], *, name: str) -> list:
    """The fragments of several lines of rounds (each oldest first, with its variant and render), in one
    cache read; each is kept until any round of its line changes."""
    wanted = []
    for rounds, variant, render in lines:
        stamps = ",".join(f"{round.pk}.{round.content_stamp}" for round in rounds)
        digest = hashlib.sha256(f"{stamps}|{variant}".encode()).hexdigest()[:32]
        wanted.append((rounds[-1], name, digest, render))
    return fragments.fragments_many(wanted)


def content_changed(round) -> None:
    fragments.content_changed(round)
