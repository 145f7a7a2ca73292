"""Loading the seeded libraries (frameworks/seeding.py): the database holds the fixtures row for row."""

import json

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management.base import CommandError

from frameworks.models import Competency, Framework
from frameworks.seed_fixtures import FIXTURE_DIR
from frameworks.seeding import SEED_FIXTURES, seed_libraries_load
from ontwikkeling.guide import guide_rows, guide_texts_load
from ontwikkeling.models import GuideText

pytestmark = pytest.mark.django_db


def _fixture_rows() -> list[dict]:
    return [row for filename in SEED_FIXTURES for row in json.loads((FIXTURE_DIR / filename).read_text())]


def test_every_fixture_row_is_in_the_database_with_the_same_fields(seeded):
    rows = _fixture_rows()
    by_model = {}
    for row in rows:
        by_model.setdefault(row["model"], []).append(row["pk"])
    stored = {}
    for label, pks in by_model.items():
        objects = apps.get_model(label).objects.filter(pk__in=pks)
        for row in json.loads(serializers.serialize("json", objects)):
            stored[(row["model"], row["pk"])] = row["fields"]
    assert len(stored) == len(rows)
    for row in rows:
        fields = stored[(row["model"], row["pk"])]
        assert {name: fields[name] for name in row["fields"]} == row["fields"], (row["model"], row["pk"])


def test_a_second_load_loads_nothing_and_new_rows_get_keys_past_the_fixtures(seeded):
    assert seed_libraries_load() == []
    library = Framework.objects.libraries().first()
    highest = max(row["pk"] for row in _fixture_rows() if row["model"] == "frameworks.competency")
    added = Competency.objects.create(framework=library, name="Eigen competentie", order=999)
    assert added.pk > highest


def test_a_library_is_not_loaded_over_other_data_on_its_keys(seeded):
    example = Framework.objects.libraries().get(name="Voorbeeld gemeente Rotterdam: Ontwikkelingsgericht vermogen")
    example_pk = example.pk
    example.competencies.all().delete()
    example.delete()
    Framework.objects.create(pk=example_pk, name="Iets anders")
    with pytest.raises(CommandError, match="dezelfde sleutels"):
        seed_libraries_load()


def test_the_guide_texts_are_loaded_once_and_a_changed_text_is_put_back(seeded):
    assert GuideText.objects.count() == len(guide_rows())
    text = GuideText.objects.order_by("pk").first()
    original = text.text
    text.text = "Gewijzigd"
    text.save()
    assert guide_texts_load() == len(guide_rows())
    assert GuideText.objects.count() == len(guide_rows())
    text.refresh_from_db()
    assert text.text == original
