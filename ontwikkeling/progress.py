"""Where a participant stands with their measurements today: the status a coach and the team see.

Only whether something was handed in and when it is due — never what was answered.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_STARTED = "niet_begonnen", _("nog niet begonnen")
    IN_PROGRESS = "bezig", _("bezig")
    HANDED_IN = "ingeleverd", _("ingeleverd")
    OVERDUE = "te_laat", _("te laat")


@dataclass
class Progress:
    status: str
    open: list  # windows open now and not handed in, by deadline
    overdue: list  # windows past their deadline and not handed in
    next: object | None  # the next window that has not opened yet

    @property
    def label(self) -> str:
        return Status(self.status).label


def participant_progress(windows, handed_in: set[str], today: date) -> Progress:
    """windows: the cohort's MeasurementWindows; handed_in: the moments the participant handed in."""
    windows = sorted(windows, key=lambda window: (window.opens_on, window.pk or 0))
    opened = [w for w in windows if w.opens_on <= today]
    missing = [w for w in opened if w.moment not in handed_in]
    overdue = [w for w in missing if w.due_on < today]
    open_now = sorted((w for w in missing if w.due_on >= today), key=lambda w: w.due_on)
    upcoming = next((w for w in windows if w.opens_on > today), None)
    if overdue:
        status = Status.OVERDUE
    elif opened and not missing:
        status = Status.HANDED_IN
    elif handed_in:
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    return Progress(status, open_now, overdue, upcoming)
