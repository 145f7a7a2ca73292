from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("zelfevaluatie", "0003_backfill_lineage_and_chair")]

    operations = [
        migrations.AddConstraint(
            model_name="evaluationround",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "afgerond"), _negated=True),
                fields=("organisation", "lineage"),
                name="one_open_round_per_lineage",
            ),
        ),
    ]
