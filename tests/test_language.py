"""Plain Dutch in every page: no Django "---------" placeholder in any form of a full journey."""

import pytest

from .walk import walked

pytestmark = pytest.mark.django_db


def test_no_form_shows_the_empty_placeholder(walk_of_organisation_a):
    found = [
        (answer.persona, answer.route)
        for answer in walked(walk_of_organisation_a, ("hr", "selecteur", "mt", "beheerder"))
        if answer.status == 200 and answer.content_type.startswith("text/html") and "---------" in answer.body
    ]
    assert found == [], "\n".join(map(str, sorted(set(found))))


def test_no_template_prints_an_english_field_beside_the_dutch_one():
    """English names from the sources (ScalePoint.label_en) reach a page only through a property that
    shows them in the English interface (ScalePoint.gloss), never straight from the field."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = [
        f"{template.relative_to(root)}: {match.group(0)}"
        for template in [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.*")]
        for match in re.finditer(r"\{\{[^}]*\b\w+_en\b[^}]*\}\}", template.read_text(encoding="utf-8"))
    ]
    assert not offenders, "\n".join(offenders)
