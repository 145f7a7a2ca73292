"""Put the lines written before the hash chain into it, oldest (lowest id) first.

The hash is computed by the same functions the application uses (competentie/audit/chain.py), with
the historical model's values, so `manage.py verify_audit_log` holds right after migrating.
"""

import secrets

from django.db import migrations

from competentie.audit.chain import GENESIS, line_hash, normalised, params_digest


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    ContentType = apps.get_model("contenttypes", "ContentType")
    labels = {ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}
    seq, prev = 0, GENESIS
    batch = []
    for row in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        seq += 1
        row.seq, row.prev_hash = seq, prev
        row.params = normalised(row.params)
        row.params_salt = secrets.token_hex(16)
        row.params_digest = params_digest(
            salt=row.params_salt, params=row.params, ip_address=row.ip_address, user_agent=row.user_agent
        )
        row.hash = prev = line_hash(
            seq=seq,
            prev_hash=row.prev_hash,
            at=row.at,
            actor_id=row.actor_id,
            content_type=labels.get(row.content_type_id, ""),
            content_id=row.content_id,
            within_type=labels.get(row.within_type_id, ""),
            within_id=row.within_id,
            action=row.action,
            purpose=row.purpose,
            result=row.result,
            digest=row.params_digest,
        )
        batch.append(row)
        if len(batch) >= 1000:
            AuditEvent.objects.bulk_update(batch, ["seq", "prev_hash", "hash", "params", "params_salt", "params_digest"])
            batch = []
    if batch:
        AuditEvent.objects.bulk_update(batch, ["seq", "prev_hash", "hash", "params", "params_salt", "params_digest"])
    ChainHead.objects.update_or_create(pk=1, defaults={"seq": seq, "hash": prev})


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_hash_chain")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
