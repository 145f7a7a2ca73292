"""The organisation of a programme is now `organisations.Organisation` (same table, state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ontwikkeling", "0002_guide_texts"),
        ("organisations", "0001_initial"),
    ]
    # Before frameworks forgets its Organisation model, nothing may still point at it.
    run_before = [("frameworks", "0008_organisations_move_to_their_own_app")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="programme",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="programmes",
                        to="organisations.organisation",
                        verbose_name="organisatie",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
