"""Retention of logs: login records and audit entries name people, so they go after a fixed period.

Run daily by ``manage.py purge_candidates`` (together with candidates' personal data):

- login records of django-axes (successful logins, failed attempts, lockouts: username, address,
  browser) after LOGIN_LOG_RETENTION_DAYS (default 180);
- audit entries (RETENTION_AUDIT_MODELS: the Django admin history and the audit event log) after AUDIT_RETENTION_DAYS (default 730, two years);
- finished tasks of the database queue (an e-mail task carries its messages: addresses, names, links)
  after TASK_RESULT_RETENTION_DAYS (default 7);
- expired sessions.

SECURITY.md lists these periods; tests/privacy/test_security_md.py keeps the two in step.
"""

from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from competentie.privacy import database_files_scrub_on_commit

LOGIN_MODELS = {
    "axes.AccessLog": "attempt_time",
    "axes.AccessAttempt": "attempt_time",
    "axes.AccessFailureLog": "attempt_time",
}
# Unfinished tasks have no finished_at and stay until a worker has done them.
TASK_MODELS = {"django_tasks_database.DBTaskResult": "finished_at"}


def _prune(models: dict[str, str], cutoff: datetime) -> dict[str, int]:
    counts = {}
    for label, date_field in models.items():
        try:
            model = apps.get_model(label)
        except LookupError:  # a store of another release (the audit log replaces the purge log)
            continue
        if hasattr(model._default_manager, "prune_before"):
            # A hash-chained log deletes only its oldest lines, never a hole (competentie/audit/chain.py).
            counts[label] = model._default_manager.prune_before(cutoff)
            continue
        # Retention is the one sanctioned deletion of audit rows: the base manager's plain QuerySet
        # passes by the read-only guard an audit model may put on its default manager.
        counts[label] = model._base_manager.filter(**{f"{date_field}__lt": cutoff}).delete()[1].get(label, 0)
    return counts


def logs_prune(*, now: datetime | None = None) -> dict[str, int]:
    """Delete login records and audit entries past their retention, and expired sessions; rows per store."""
    now = now or timezone.now()
    counts = _prune(LOGIN_MODELS, now - timedelta(days=settings.LOGIN_LOG_RETENTION_DAYS))
    counts |= _prune(settings.RETENTION_AUDIT_MODELS, now - timedelta(days=settings.AUDIT_RETENTION_DAYS))
    counts |= _prune(TASK_MODELS, now - timedelta(days=settings.TASK_RESULT_RETENTION_DAYS))
    counts["sessions.Session"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    pruned = [apps.get_model(label)._meta.db_table for label, count in counts.items() if count]
    if pruned:  # what was deleted leaves the database files too
        database_files_scrub_on_commit(vacuum=pruned)
    return counts
