"""Copy the three old history tables into the one audit log.

FrameworkChange rows stored finished Dutch sentences; they keep that sentence (params `_text`)
under the new action code. ScoreChange and PurgeLog rows had their facts in columns, so they
become ordinary events rendered when read.
"""

from django.db import migrations

FIELD = {"score": "value", "bewijs": "evidence"}


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    FrameworkChange = apps.get_model("frameworks", "FrameworkChange")
    ScoreChange = apps.get_model("selectie", "ScoreChange")
    PurgeLog = apps.get_model("selectie", "PurgeLog")

    def content_type(app_label, model):
        return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    framework_type = content_type("frameworks", "framework")
    score_type = content_type("selectie", "score")
    consensus_type = content_type("selectie", "consensusscore")
    candidate_type = content_type("selectie", "candidate")
    procedure_type = content_type("selectie", "selectionprocedure")
    events = []
    for change in FrameworkChange.objects.order_by("pk").iterator():
        action = change.action.removeprefix("framework_")
        events.append(
            AuditEvent(
                at=change.at,
                actor_id=change.user_id,
                content_type=framework_type,
                content_id=change.framework_id,
                action=f"framework.{action}",
                params={"_text": change.description},
            )
        )
    for change in ScoreChange.objects.select_related("score__assignment", "consensus__competency").order_by("pk").iterator():
        if change.score_id:
            events.append(
                AuditEvent(
                    at=change.changed_at,
                    actor_id=change.changed_by_id,
                    content_type=score_type,
                    content_id=change.score_id,
                    within_type=candidate_type,
                    within_id=change.score.assignment.candidate_id,
                    action="score.revised",
                    params={
                        "field": FIELD.get(change.field, change.field),
                        "old": change.old,
                        "new": change.new,
                        "reason": change.reason,
                    },
                )
            )
        elif change.consensus_id:
            old_value, _sep, old_rationale = change.old.partition(": ")
            value, _sep, rationale = change.new.partition(": ")
            events.append(
                AuditEvent(
                    at=change.changed_at,
                    actor_id=change.changed_by_id,
                    content_type=consensus_type,
                    content_id=change.consensus_id,
                    within_type=candidate_type,
                    within_id=change.consensus.candidate_id,
                    action="consensus.changed",
                    params={
                        "competency": change.consensus.competency.name,
                        "old_value": old_value,
                        "old_rationale": old_rationale,
                        "value": value,
                        "rationale": rationale,
                    },
                )
            )
    for log in PurgeLog.objects.order_by("pk").iterator():
        if log.candidate_id is None:
            continue  # the candidate row is gone; nothing left to attach the line to
        events.append(
            AuditEvent(
                at=log.purged_at,
                actor_id=log.purged_by_id,
                content_type=candidate_type,
                content_id=log.candidate_id,
                within_type=procedure_type if log.procedure_id else None,
                within_id=log.procedure_id,
                action="candidate.purged",
                params={"code": log.candidate_code, "via": log.via},
            )
        )
    AuditEvent.objects.bulk_create(events, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_event"),
        ("frameworks", "0003_cluster_revision"),
        ("selectie", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
