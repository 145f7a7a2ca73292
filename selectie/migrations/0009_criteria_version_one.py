"""Every existing procedure gets version 1 of its criteria; it is frozen at its first score, and
every score points at it."""

from django.db import migrations
from django.db.models import Min


def snapshot(procedure, apps):
    Exercise = apps.get_model("selectie", "Exercise")
    ScalePoint = apps.get_model("frameworks", "ScalePoint")
    profile = procedure.profile
    return {
        "profile": {
            "id": profile.pk,
            "name": profile.name,
            "framework": profile.framework.name,
            "framework_version": profile.framework.version,
        },
        "scale": {
            "id": procedure.scale_id,
            "name": procedure.scale.name,
            "points": [[p.value, p.label] for p in ScalePoint.objects.filter(scale_id=procedure.scale_id).order_by("value")],
        },
        "competencies": [],
        "exercises": [
            {
                "id": e.pk,
                "name": e.name,
                "kind": e.kind,
                "phase": e.phase,
                "competencies": [{"id": c.pk, "name": c.name} for c in e.competencies.all()],
            }
            for e in Exercise.objects.filter(procedure=procedure).order_by("order", "pk")
        ],
    }


def version_one(apps, schema_editor):
    SelectionProcedure = apps.get_model("selectie", "SelectionProcedure")
    CriteriaVersion = apps.get_model("selectie", "CriteriaVersion")
    Score = apps.get_model("selectie", "Score")
    for procedure in SelectionProcedure.objects.select_related("profile__framework", "scale").iterator():
        first = Score.objects.filter(assignment__procedure=procedure).aggregate(at=Min("created_at"))["at"]
        version = CriteriaVersion.objects.create(
            procedure=procedure, number=1, frozen_at=first, snapshot=snapshot(procedure, apps) if first else {}
        )
        Score.objects.filter(assignment__procedure=procedure).update(criteria_version=version)


class Migration(migrations.Migration):
    dependencies = [("selectie", "0008_accountability")]

    operations = [migrations.RunPython(version_one, migrations.RunPython.noop)]
