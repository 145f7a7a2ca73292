"""Organisation and Membership now belong to the organisations app (see its 0001_initial).

State only: the tables stay. The foreign keys of frameworks and rating scales point to the
organisations app, and this app forgets both models. The other apps point their own foreign
keys to the organisations app first (their migrations say `run_before` this one), so this app's
migrations need not know them.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0007_merge_20261201_0009"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="framework",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Leeg voor een openbare bibliotheek die iedereen mag lezen.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="frameworks",
                        to="organisations.organisation",
                        verbose_name="organisatie",
                    ),
                ),
                migrations.AlterField(
                    model_name="ratingscale",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Leeg voor een openbare schaal.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rating_scales",
                        to="organisations.organisation",
                        verbose_name="organisatie",
                    ),
                ),
                migrations.DeleteModel(name="Membership"),
                migrations.DeleteModel(name="Organisation"),
            ],
            database_operations=[],
        ),
    ]
