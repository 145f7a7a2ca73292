"""Personal data leaves no trace: scrubbing the logs that mention a person once their data is purged.

Purging a record is not enough. Django's admin history (``django_admin_log``) keeps the
``__str__`` of every object it saved and a JSON change message naming inline objects, and an
audit log may carry a name in its parameters. ``logs_scrub`` rewrites every such row so that
nothing of the person (name, e-mail) survives, while the row itself — who did what, when — stays.
"""

import json
import logging
import re
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.models import Q

logger = logging.getLogger(__name__)

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


# --- On disk -----------------------------------------------------------------------------------


def log_tables() -> list[str]:
    """The tables of the log stores that a scrub rewrites (the admin history and the audit log)."""
    return [apps.get_model(label)._meta.db_table for label in settings.RETENTION_AUDIT_MODELS]


def database_files_scrub(*, rewrite: Iterable[str] = (), vacuum: Iterable[str] = (), using=DEFAULT_DB_ALIAS) -> None:
    """After a purge has committed: no readable copy of the deleted or rewritten rows in the database files.

    SQLite: ``secure_delete`` (on for every connection, see settings.py) zeroes deleted content in its
    page, but the write-ahead log (``-wal``) still holds the pages as they were before; a TRUNCATE
    checkpoint copies the zeroed pages into the database file and empties the log.

    PostgreSQL: a DELETE or UPDATE leaves the old row in its page (a dead tuple) until VACUUM, and
    VACUUM only marks that space as free; the bytes stay until the page is reused. VACUUM FULL
    writes the table into a new file and removes the old one. The tables in `rewrite` hold the
    personal data itself and are small: they get VACUUM FULL (a lock of milliseconds). The tables in
    `vacuum` are the large logs, which must keep accepting writes: a plain VACUUM. SECURITY.md says
    what that leaves and for how long.

    Cleaning up is not the purge: the data is already deleted, so a refusal (another connection
    holding the database, no right to VACUUM) is logged and the purge stands.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    try:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                busy, _log_frames, _copied = cursor.fetchone()
            if busy:
                logger.warning("Opschonen na verwijderen: de database was bezet; het WAL-bestand volgt later.")
        elif connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in dict.fromkeys(rewrite):
                    cursor.execute(f"VACUUM FULL {quote(table)}")
                for table in dict.fromkeys(vacuum):
                    cursor.execute(f"VACUUM {quote(table)}")
    except DatabaseError:
        logger.warning("Opschonen na verwijderen mislukt; de gegevens zijn wel verwijderd.", exc_info=True)


def database_files_scrub_on_commit(*, rewrite: Iterable[str] = (), vacuum: Iterable[str] = (), using=DEFAULT_DB_ALIAS):
    """The same, once the purge's transaction has committed (VACUUM and a checkpoint run outside one)."""
    rewrite, vacuum = list(rewrite), list(vacuum)
    transaction.on_commit(lambda: database_files_scrub(rewrite=rewrite, vacuum=vacuum, using=using), using=using)
