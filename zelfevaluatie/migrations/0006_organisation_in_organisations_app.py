"""Rounds and peer reviews point to `organisations.Organisation` (same table, state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("zelfevaluatie", "0005_merge_round_rules_and_revisions"),
        ("organisations", "0001_initial"),
    ]
    # Before frameworks forgets its Organisation model, nothing may still point at it.
    run_before = [("frameworks", "0008_organisations_move_to_their_own_app")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="evaluationround",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evaluation_rounds",
                        to="organisations.organisation",
                        verbose_name="organisatie",
                    ),
                ),
                migrations.AlterField(
                    model_name="peerreview",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="peer_reviews_given",
                        to="organisations.organisation",
                        verbose_name="collega-organisatie",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
