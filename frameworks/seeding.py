"""Load the seeded libraries (PiCompany, Divosa, VTH, the Rotterdam example) safely and idempotently."""

import json
from collections import defaultdict

from django.apps import apps
from django.core import serializers
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection, transaction

from .models import Framework
from .seed_fixtures import FIXTURE_DIR, SOURCE_ORDER

SEED_FIXTURES = [f"{name}.json" for name in SOURCE_ORDER]


def _rows(filename: str) -> list[dict]:
    return json.loads((FIXTURE_DIR / filename).read_text(encoding="utf-8"))


def _framework_name(rows: list[dict]) -> str:
    return next(row["fields"]["name"] for row in rows if row["model"] == "frameworks.framework")


def _taken_primary_keys(rows: list[dict]) -> list[str]:
    """Rows whose primary key already holds other data: loading would overwrite it."""
    pks_by_model = defaultdict(list)
    for row in rows:
        pks_by_model[row["model"]].append(row["pk"])
    taken = []
    for label, pks in pks_by_model.items():
        model = apps.get_model(label)
        taken += [f"{label}#{pk}" for pk in model.objects.filter(pk__in=pks).values_list("pk", flat=True)]
    return taken


@transaction.atomic
def seed_libraries_load() -> list[str]:
    """Load every library that is not there yet; return the names of those loaded."""
    loaded = []
    for filename in SEED_FIXTURES:
        rows = _rows(filename)
        name = _framework_name(rows)
        if Framework.objects.libraries().filter(name=name).exists():
            continue
        taken = _taken_primary_keys(rows)
        if taken:
            raise CommandError(
                f"{filename}: de database bevat al andere gegevens op dezelfde sleutels "
                f"({', '.join(taken[:5])}…). Laad de bibliotheken in een lege database."
            )
        _insert(filename, rows)
        loaded.append(name)
    return loaded


def _insert(filename: str, rows: list[dict]) -> None:
    """What `loaddata` does for rows whose keys are free, in one INSERT per model instead of one per row.

    `loaddata` saves object by object: about a second for the libraries, paid again by every test
    that follows a flush. The rows are inserted as `loaddata` would: with their own primary keys,
    foreign keys checked once at the end, and the sequences moved past the highest key. Unlike
    `loaddata` it sends no save signals (no model of the fixtures has a receiver) and writes no
    many-to-many rows (none of the fixtures has any; one that does is refused below, not lost).
    """
    by_model = defaultdict(list)
    for item in serializers.deserialize("python", rows):
        if any(item.m2m_data.values()):
            raise CommandError(f"{filename}: many-to-many data for {item.object._meta.label}; extend _insert")
        by_model[type(item.object)].append(item.object)
    with connection.constraint_checks_disabled():
        for model, objects in by_model.items():
            # Raw, as loaddata saves: the fixture's own timestamps are kept, where bulk_create would
            # stamp the auto_now fields with the current time.
            fields = model._meta.local_concrete_fields
            size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
            for start in range(0, len(objects), size):
                model._base_manager._insert(objects[start : start + size], fields=fields, raw=True)
    connection.check_constraints(table_names=[model._meta.db_table for model in by_model])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(by_model)):
            cursor.execute(statement)
