"""Load the seeded libraries (PiCompany, Divosa, VTH, the Rotterdam example) safely and idempotently."""

import json
from collections import defaultdict

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

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
        call_command("loaddata", FIXTURE_DIR / filename, verbosity=0)
        loaded.append(name)
    return loaded
