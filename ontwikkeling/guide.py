"""The guide's texts (fixtures/ontwikkeling.json) in the database, and small lookups on them."""

import json
from pathlib import Path

from django.conf import settings

GUIDE_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "ontwikkeling.json"
FIELDS = ("step", "order", "title", "text", "title_is_ours")


def guide_rows() -> list[dict]:
    return json.loads(GUIDE_FIXTURE.read_text(encoding="utf-8"))


def guide_texts_load(model=None) -> int:
    """Insert or update every guide text by (kind, code); safe to run again. Returns the number of rows."""
    if model is None:
        from .models import GuideText as model
    rows = guide_rows()
    for row in rows:
        fields = row["fields"]
        model.objects.update_or_create(
            kind=fields["kind"], code=fields["code"], defaults={name: fields[name] for name in FIELDS}
        )
    return len(rows)
