"""Until this release CandidatePersonalData.__str__ held the candidate's name, so the Django admin
history (object_repr, and inline change messages of a candidate) kept names after a purge.
Keep only the anonymous code in every such entry."""

import json
import re

from django.db import migrations

NAMED = re.compile(r"^(K-\d+):.*$", re.DOTALL)


def _code_only(text):
    return NAMED.sub(r"\1", text) if isinstance(text, str) else text


def scrub(apps, schema_editor):
    LogEntry = apps.get_model("admin", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.filter(app_label="selectie", model__in=["candidate", "candidatepersonaldata"])
    for entry in LogEntry.objects.filter(content_type__in=types):
        entry.object_repr = _code_only(entry.object_repr)
        try:
            messages = json.loads(entry.change_message or "[]")
        except ValueError:
            messages = []
        for message in messages if isinstance(messages, list) else []:
            for details in message.values() if isinstance(message, dict) else []:
                if isinstance(details, dict) and "object" in details:
                    details["object"] = _code_only(details["object"])
        entry.change_message = json.dumps(messages)
        entry.save(update_fields=["object_repr", "change_message"])


class Migration(migrations.Migration):
    dependencies = [
        ("selectie", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(scrub, migrations.RunPython.noop)]
