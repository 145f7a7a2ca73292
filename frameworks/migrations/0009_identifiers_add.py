"""Identifiers and exchange data, step 1 of 3: add the columns, nullable and not yet unique.

Steps 2 (fill every existing row with its own uuid4) and 3 (make the column unique) follow in
their own migrations, so PostgreSQL never changes a table's schema in the transaction that
updated its rows.
"""

import django.db.models.deletion
from django.db import migrations, models

UUID_MODELS = ["framework", "cluster", "proficiencylevel", "competency", "behaviouralindicator"]


def _identifier_and_interchange(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="identificatie"),
        ),
        migrations.AddField(
            model_name=model_name,
            name="interchange",
            field=models.JSONField(blank=True, default=dict, editable=False, verbose_name="uitwisselgegevens"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0008_organisations_move_to_their_own_app"),
    ]

    operations = [
        *[operation for name in UUID_MODELS for operation in _identifier_and_interchange(name)],
        migrations.AddField(
            model_name="cluster",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                help_text="Leeg voor een cluster direct onder het framework; zo houdt een diepere indeling haar vorm.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="children",
                to="frameworks.cluster",
                verbose_name="valt onder",
            ),
        ),
        migrations.AddField(
            model_name="competency",
            name="esco_uri",
            field=models.URLField(
                blank=True,
                help_text="De vaardigheid in ESCO die hetzelfde betekent.",
                max_length=500,
                verbose_name="ESCO-adres",
            ),
        ),
        migrations.AddField(
            model_name="competency",
            name="competentnl_uri",
            field=models.URLField(
                blank=True,
                help_text="De vaardigheid in CompetentNL die hetzelfde betekent.",
                max_length=500,
                verbose_name="CompetentNL-adres",
            ),
        ),
        migrations.AddField(
            model_name="profile",
            name="hr21_family",
            field=models.CharField(blank=True, max_length=100, verbose_name="HR21-functiefamilie"),
        ),
        migrations.AddField(
            model_name="profile",
            name="hr21_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="HR21-normfunctie"),
        ),
        migrations.AddField(
            model_name="profile",
            name="hr21_code",
            field=models.CharField(blank=True, max_length=20, verbose_name="HR21-code"),
        ),
        migrations.CreateModel(
            name="Association",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uuid", models.UUIDField(editable=False, null=True, verbose_name="identificatie")),
                ("association_type", models.CharField(max_length=50, verbose_name="soort")),
                ("origin", models.CharField(max_length=500, verbose_name="van")),
                ("destination", models.CharField(max_length=500, verbose_name="naar")),
                (
                    "primary",
                    models.BooleanField(
                        default=False,
                        help_text="De plaats in de boom die het model zelf ook kent.",
                        verbose_name="boomrelatie",
                    ),
                ),
                ("order", models.PositiveIntegerField(default=0, verbose_name="volgorde")),
                ("data", models.JSONField(default=dict, verbose_name="zoals gelezen")),
                (
                    "framework",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="associations",
                        to="frameworks.framework",
                    ),
                ),
            ],
            options={
                "verbose_name": "relatie",
                "verbose_name_plural": "relaties",
                "ordering": ["framework_id", "order", "pk"],
            },
        ),
    ]
