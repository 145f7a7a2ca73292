"""SECURITY.md lists every store of personal data, with the periods the code really uses."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

SECURITY_MD = Path(settings.BASE_DIR) / "SECURITY.md"
# Columns that hold personal data wherever they occur; foreign keys to a user are personal too.
PERSONAL_FIELDS = {
    "email",
    "ip_address",
    "user_agent",
    "username",
    "first_name",
    "last_name",
    "session_data",
    "contact_name",
    "object_repr",
    "change_message",
}


def stores() -> dict[str, dict[str, str]]:
    """The table of "Wat we opslaan": each listed database table with its row (period, who)."""
    text = SECURITY_MD.read_text(encoding="utf-8")
    section = text.split("## Wat we opslaan", 1)[1].split("\n## ", 1)[0]
    listed = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in {"gegevens", ""} or set(cells[0]) <= {"-"}:
            continue
        what, tables, period, who = cells
        for table in re.findall(r"`([a-z0-9_]+)`", tables):
            listed[table] = {"what": what, "period": period, "who": who}
    return listed


def personal_tables() -> dict[str, list[str]]:
    user_model = get_user_model()
    found = {}
    for model in apps.get_models():
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if field.name in PERSONAL_FIELDS or (field.is_relation and field.related_model is user_model)
        ]
        if fields:
            found[model._meta.db_table] = fields
    return found


def test_every_table_with_personal_data_is_listed_in_security_md(db):
    listed = stores()
    missing = {table: fields for table, fields in personal_tables().items() if table not in listed}
    assert not missing, f"add these tables (and their period and readers) to SECURITY.md: {missing}"


def test_security_md_lists_only_real_tables_each_with_a_period_and_readers(db):
    existing = set(connection.introspection.table_names())
    for table, row in stores().items():
        assert table in existing, f"SECURITY.md names {table}, which does not exist"
        assert row["period"] and row["who"], table


def test_security_md_states_the_periods_the_code_uses(db):
    from selectie.models import SelectionProcedure

    listed = stores()
    assert f"{settings.LOGIN_LOG_RETENTION_DAYS} dagen" in listed["axes_accesslog"]["period"]
    assert f"{settings.AUDIT_RETENTION_DAYS} dagen" in listed["django_admin_log"]["period"]
    assert f"{settings.SESSION_IDLE_MINUTES} minuten" in listed["django_session"]["period"]
    assert f"{settings.TASK_RESULT_RETENTION_DAYS} dagen" in listed["django_tasks_database_dbtaskresult"]["period"]
    field = SelectionProcedure._meta.get_field("retention_weeks")
    maximum = max(v.limit_value for v in field.validators if hasattr(v, "limit_value"))
    candidate = listed["selectie_candidatepersonaldata"]["period"]
    assert f"{field.default} weken" in candidate and f"{maximum} weken" in candidate
    for label in settings.RETENTION_AUDIT_MODELS:
        try:
            table = apps.get_model(label)._meta.db_table
        except LookupError:
            continue
        assert table in listed, label
        assert f"{settings.AUDIT_RETENTION_DAYS} dagen" in listed[table]["period"], table
