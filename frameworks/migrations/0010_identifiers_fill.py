"""Identifiers, step 2 of 3: every existing row gets its own uuid4, once (rows that have one keep it)."""

import uuid

from django.db import migrations

MODELS = ["Framework", "Cluster", "ProficiencyLevel", "Competency", "BehaviouralIndicator", "Association"]


def fill(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("frameworks", name)
        rows = list(model.objects.filter(uuid__isnull=True).only("pk"))
        for row in rows:
            row.uuid = uuid.uuid4()
        model.objects.bulk_update(rows, ["uuid"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0009_identifiers_add"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
