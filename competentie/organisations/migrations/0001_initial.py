"""Organisation and Membership move here from the frameworks app, without touching a row.

The models change app only in Django's bookkeeping (`SeparateDatabaseAndState`): the tables
`frameworks_organisation` and `frameworks_membership` stay as they are; frameworks forgets the
models in its 0008, and every foreign key to an organisation is pointed here in its own app.

Their content types move along (same row, new app label), so audit events, admin log entries
and permissions that name an organisation or a membership keep pointing at the right model.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["organisation", "membership"]


def _move_content_types(apps, *, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_forwards(apps, schema_editor):
    _move_content_types(apps, source="frameworks", target="organisations")


def content_types_backwards(apps, schema_editor):
    _move_content_types(apps, source="organisations", target="frameworks")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        # The tables were made (and the roles last changed) by the frameworks app.
        ("frameworks", "0007_merge_20261201_0009"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, unique=True, verbose_name="naam")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt")),
                    ],
                    options={
                        "verbose_name": "organisatie",
                        "verbose_name_plural": "organisaties",
                        "db_table": "frameworks_organisation",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("hr", "HR / framework-auteur"),
                                    ("selecteur", "Selecteur"),
                                    ("mt", "Managementteam"),
                                    ("beheerder", "Beheerder"),
                                    ("deelnemer", "Deelnemer ontwikkelprogramma"),
                                    ("begeleider", "Begeleider (coach)"),
                                ],
                                max_length=20,
                                verbose_name="rol",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="gebruiker",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="organisations.organisation",
                                verbose_name="organisatie",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lidmaatschap",
                        "verbose_name_plural": "lidmaatschappen",
                        "db_table": "frameworks_membership",
                        "ordering": ["organisation_id", "user_id"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "organisation"), name="unique_membership_per_organisation"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_forwards, content_types_backwards),
    ]
