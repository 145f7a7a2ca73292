"""Personal data leaves no trace: scrubbing the logs that mention a person once their data is purged.

Purging a record is not enough. Django's admin history (``django_admin_log``) keeps the
``__str__`` of every object it saved and a JSON change message naming inline objects, and an
audit log may carry a name in its parameters. ``logs_scrub`` rewrites every such row so that
nothing of the person (name, e-mail) survives, while the row itself — who did what, when — stays.
"""

import json
import re
from collections.abc import Iterable

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

REDACTED = "[verwijderd]"

# Other stores (an audit event log, for instance) register a function here that receives the
# needles and the replacement and returns how many rows it rewrote.
EXTRA_SCRUBBERS: list = []


def _needles(values: Iterable[str]) -> list[str]:
    """The strings that identify a person; very short ones would scrub innocent words."""
    return sorted({value.strip() for value in values if value and len(value.strip()) >= 3}, key=len, reverse=True)


def scrub_text(text: str, needles: Iterable[str], replacement: str = REDACTED) -> str:
    for needle in _needles(needles):
        text = re.sub(re.escape(needle), replacement, text, flags=re.IGNORECASE)
        # JSON change messages escape non-ASCII characters ("Jos\u00e9"); scrub that spelling too.
        escaped = json.dumps(needle)[1:-1]
        if escaped != needle:
            text = re.sub(re.escape(escaped), replacement, text, flags=re.IGNORECASE)
    return text


def _mentions(field_names: list[str], needles: list[str]) -> Q:
    condition = Q(pk__in=[])
    for needle in needles:
        escaped = json.dumps(needle)[1:-1]
        for field in field_names:
            condition |= Q(**{f"{field}__icontains": needle})
            if escaped != needle:
                condition |= Q(**{f"{field}__icontains": escaped})
    return condition


def admin_log_scrub(*, objects: Iterable[models.Model], needles: Iterable[str], label: str) -> int:
    """Rewrite admin history about `objects` (shown as `label` from now on) and any entry naming a needle."""
    needles = _needles(needles)
    about = Q(pk__in=[])
    for obj in objects:
        about |= Q(content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False), object_id=str(obj.pk))
    entries = LogEntry.objects.filter(about | _mentions(["object_repr", "change_message"], needles))
    count = 0
    for entry in entries:
        if _is_about(entry, objects):
            # Earlier names of this person are not among the needles; what the admin wrote about the
            # object itself (its text, the texts of inline objects) is replaced whole.
            entry.object_repr = label
            entry.change_message = _relabel_inline_objects(entry.change_message, label)
        entry.object_repr = scrub_text(entry.object_repr, needles)[:200]
        entry.change_message = scrub_text(entry.change_message, needles)
        entry.save(update_fields=["object_repr", "change_message"])
        count += 1
    return count


def _relabel_inline_objects(change_message: str, label: str) -> str:
    try:
        messages = json.loads(change_message)
    except ValueError:
        return REDACTED if change_message else change_message
    if not isinstance(messages, list):
        return "[]"
    for message in messages:
        for details in message.values() if isinstance(message, dict) else []:
            if isinstance(details, dict) and "object" in details:
                details["object"] = label
    return json.dumps(messages)


def _is_about(entry: LogEntry, objects: Iterable[models.Model]) -> bool:
    for obj in objects:
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        if entry.content_type_id == content_type.pk and entry.object_id == str(obj.pk):
            return True
    return False


def logs_scrub(*, objects: Iterable[models.Model], needles: Iterable[str], label: str) -> int:
    """Scrub every log store of a person's traces; returns the number of rows rewritten."""
    objects = list(objects)
    needles = _needles(needles)
    count = admin_log_scrub(objects=objects, needles=needles, label=label)
    for scrubber in EXTRA_SCRUBBERS:
        count += scrubber(needles=needles, replacement=REDACTED)
    return count
