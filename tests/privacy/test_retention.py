"""Logs that name people are kept for a documented period and pruned by the daily purge_candidates."""

from datetime import date, timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

TODAY = date(2027, 6, 1)


def days_ago(days):
    return timezone.make_aware(timezone.datetime.combine(TODAY, timezone.datetime.min.time())) - timedelta(days=days)


def login_record(model, days, **extra):
    row = model.objects.create(
        username="hr",
        ip_address="203.0.113.10",
        user_agent=f"Tablet {days}",
        http_accept="*/*",
        path_info="/inloggen/",
        **extra,
    )
    model.objects.filter(pk=row.pk).update(attempt_time=days_ago(days))
    return row


def test_purge_candidates_also_prunes_old_login_records_audit_entries_and_sessions(users):
    login_days, audit_days = settings.LOGIN_LOG_RETENTION_DAYS, settings.AUDIT_RETENTION_DAYS
    assert (login_days, audit_days) == (180, 730)
    old, recent = {}, {}
    for model, extra in [
        (AccessLog, {}),
        (AccessFailureLog, {"locked_out": False}),
        (AccessAttempt, {"get_data": "", "post_data": "", "failures_since_start": 1}),
    ]:
        old[model] = login_record(model, login_days + 1, **extra)
        recent[model] = login_record(model, login_days - 1, **extra)
    entries = []
    for days in (audit_days + 1, audit_days - 1):
        entry = LogEntry.objects.log_actions(
            user_id=users["hr"].pk, queryset=[users["mt"]], action_flag=CHANGE, change_message="[]", single_object=True
        )
        LogEntry.objects.filter(pk=entry.pk).update(action_time=days_ago(days))
        entries.append(entry)
    expired = SessionStore()
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=days_ago(1))

    out = StringIO()
    call_command("purge_candidates", today=TODAY, stdout=out)

    for model in old:
        assert not model.objects.filter(pk=old[model].pk).exists(), model
        assert model.objects.filter(pk=recent[model].pk).exists(), model
    old_entry, new_entry = entries
    assert not LogEntry.objects.filter(pk=old_entry.pk).exists()
    assert LogEntry.objects.filter(pk=new_entry.pk).exists()
    assert not Session.objects.filter(session_key=expired.session_key).exists()
    assert "oude log- en sessieregels verwijderd" in out.getvalue()


AUDIT_STORES = {"admin.LogEntry", "audit.AuditEvent"}


def test_retention_covers_every_installed_audit_store():
    from django.apps import apps

    installed = {label for label in AUDIT_STORES if _installed(apps, label)}
    assert installed == AUDIT_STORES
    assert installed <= set(settings.RETENTION_AUDIT_MODELS)
    for label in installed:
        field = settings.RETENTION_AUDIT_MODELS[label]
        assert apps.get_model(label)._meta.get_field(field).get_internal_type() == "DateTimeField", label


def _installed(apps, label):
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def test_purge_candidates_prunes_finished_tasks_after_a_week_and_never_unfinished_ones(users, task_queue):
    from django_tasks_db.models import DBTaskResult

    from competentie.notifications.tasks import mail_send

    message = {"subject": "Hallo", "body": "Beste Hanna", "html": "", "to": ["hanna@aadorp.nl"]}
    old, recent, waiting = (mail_send.enqueue(messages=[message]).id for _ in range(3))
    days = settings.TASK_RESULT_RETENTION_DAYS
    assert days == 7
    DBTaskResult.objects.filter(pk=old).update(status="SUCCESSFUL", finished_at=days_ago(days + 1))
    DBTaskResult.objects.filter(pk=recent).update(status="FAILED", finished_at=days_ago(days - 1))

    call_command("purge_candidates", today=TODAY, stdout=StringIO())

    assert {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)} == {recent, waiting}
