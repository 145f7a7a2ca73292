"""Existing rounds get their lineage and chair; "concept" becomes open; of two open rounds on one
lineage the older is finished, so the constraint of the next migration can hold.

Its own migration (and transaction): PostgreSQL refuses schema changes on a table with pending
deferred-constraint events from data updates in the same transaction.
"""

import django.utils.timezone
from django.db import migrations


def backfill(apps, schema_editor):
    """Lineage and chair for existing rounds; "concept" becomes open; older duplicate open rounds close."""
    Framework = apps.get_model("frameworks", "Framework")
    EvaluationRound = apps.get_model("zelfevaluatie", "EvaluationRound")
    frameworks = {f.pk: f for f in Framework.objects.only("pk", "first_version_id", "based_on_id")}

    def root(pk):
        seen = set()
        while pk not in seen:
            seen.add(pk)
            framework = frameworks[pk]
            if (
                framework.first_version_id
                and framework.first_version_id != pk
                and framework.first_version_id in frameworks
            ):
                pk = framework.first_version_id
            elif framework.based_on_id and framework.based_on_id in frameworks:
                pk = framework.based_on_id
            else:
                return pk
        return pk

    open_seen = set()
    for round in EvaluationRound.objects.order_by("-created_at", "-pk"):
        round.lineage_id = root(round.framework_id)
        round.chair_id = round.chair_id or round.created_by_id
        if round.status == "concept":
            round.status = "in_behandeling"
        if round.status != "afgerond":
            key = (round.organisation_id, round.lineage_id)
            if key in open_seen:
                round.status = "afgerond"
                round.finished_at = django.utils.timezone.now()
            open_seen.add(key)
        round.save(update_fields=["lineage", "chair", "status", "finished_at"])


class Migration(migrations.Migration):
    dependencies = [("zelfevaluatie", "0002_round_rules_blindness_peer_notes")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
