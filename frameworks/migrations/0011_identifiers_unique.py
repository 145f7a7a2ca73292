"""Identifiers, step 3 of 3: now that every row has its own, the column is required and unique."""

import uuid

from django.db import migrations, models

MODELS = ["framework", "cluster", "proficiencylevel", "competency", "behaviouralindicator", "association"]


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0010_identifiers_fill"),
    ]

    operations = [
        migrations.AlterField(
            model_name=name,
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="identificatie"),
        )
        for name in MODELS
    ]
