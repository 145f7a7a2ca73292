"""The guide's texts (fixtures/ontwikkeling.json) in the database, and small lookups on them."""

import json
from pathlib import Path

from django.conf import settings

GUIDE_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "ontwikkeling.json"
FIELDS = ("step", "order", "title", "text", "title_is_ours")


def guide_rows() -> list[dict]:
    return json.loads(GUIDE_FIXTURE.read_text(encoding="utf-8"))


def guide_texts_load(model=None) -> int:
    """Insert or update every guide text by (kind, code); safe to run again. Returns the number of rows.

    One read and at most one insert and one update for all rows: it runs in a data migration and
    again after every flush of the test database."""
    if model is None:
        from .models import GuideText as model
    rows = guide_rows()
    existing = {(text.kind, text.code): text for text in model.objects.all()}
    new, changed = [], []
    for row in rows:
        fields = row["fields"]
        values = {name: fields[name] for name in FIELDS}
        text = existing.get((fields["kind"], fields["code"]))
        if text is None:
            new.append(model(kind=fields["kind"], code=fields["code"], **values))
        elif any(getattr(text, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(text, name, value)
            changed.append(text)
    model.objects.bulk_create(new)
    if changed:
        model.objects.bulk_update(changed, FIELDS)
    return len(rows)
