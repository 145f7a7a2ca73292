"""Reminders before deadlines, queued once each by the daily `send_reminders` command.

Each app that has deadlines lists its due reminders in a function named in the setting
NOTIFICATION_REMINDERS (a dotted path); the function takes `today` and returns `Reminder`s.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from .mail import render_message
from .models import SentReminder
from .tasks import mail_send, message_data


@dataclass(frozen=True)
class Reminder:
    kind: str  # also the template name
    key: str  # what the reminder is about, e.g. "procedure-12"
    recipient: object
    context: dict = field(default_factory=dict, hash=False, compare=False)


def due_reminders(today: date) -> list[Reminder]:
    reminders = []
    for path in settings.NOTIFICATION_REMINDERS:
        reminders.extend(import_string(path)(today))
    return reminders


def reminders_send(*, today: date) -> int:
    """Queue every due reminder that was not sent before (a task worker sends it); returns how many.

    The row is claimed before queueing (a unique constraint), so two runs on one day cannot
    both send; a failed send releases the claim so tomorrow's run tries again (tasks.mail_send).
    """
    queued = 0
    for reminder in due_reminders(today):
        if not reminder.recipient.email or not reminder.recipient.is_active:
            continue
        try:
            with transaction.atomic():
                claim = SentReminder.objects.create(kind=reminder.kind, key=reminder.key, recipient=reminder.recipient)
        except IntegrityError:
            continue  # already sent on an earlier day
        message = render_message(reminder.kind, reminder.recipient, reminder.context)
        mail_send.enqueue(messages=[message_data(message)], reminder_ids=[claim.pk])
        queued += 1
    return queued
