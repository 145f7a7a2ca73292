"""The seeded libraries are the sources, word for word: every text, every count."""

import json
import re

import pytest

from frameworks.models import (
    BehaviouralIndicator,
    Competency,
    Dilemma,
    Framework,
    GuidingQuestion,
    GuidingQuestionSet,
    Profile,
    ProfileTask,
    RatingScale,
    RoleLevel,
)
from frameworks.seed_fixtures import FIXTURE_DIR, SOURCE_DIR, SOURCE_ORDER, build_all

from ..seedtext import SEED_FILES, SEEDS_DIR, occurs_in_seed

pytestmark = pytest.mark.django_db

# Our own labels for things the sources do not name; every other text must be verbatim.
OWN_LABEL_FIELDS = {
    "frameworks.framework": {"name", "source"},
    "frameworks.ratingscale": {"name"},
    "frameworks.guidingquestionset": {"name"},
}
TEXT_FIELDS = {"name", "definition", "description", "text", "help_text", "note", "characteristic",
               "label", "label_en", "section", "target_group"}


def fixture_rows(name):
    return json.loads((FIXTURE_DIR / f"{name}.json").read_text(encoding="utf-8"))


def seed_of(name):
    return json.loads((SOURCE_DIR / f"{name}.json").read_text(encoding="utf-8"))["seed"]


def test_fixtures_are_built_from_the_current_sources():
    for filename, text in build_all().items():
        assert (FIXTURE_DIR / filename).read_text(encoding="utf-8") == text, f"run `make fixtures`: {filename}"


@pytest.mark.parametrize("name", SOURCE_ORDER)
def test_every_text_stands_verbatim_in_its_seed(name):
    seed = seed_of(name)
    assert seed in SEED_FILES
    missing = []
    for row in fixture_rows(name):
        exempt = OWN_LABEL_FIELDS.get(row["model"], set())
        for field, value in row["fields"].items():
            if field in TEXT_FIELDS and field not in exempt and isinstance(value, str) and value:
                if not occurs_in_seed(value, seed):
                    missing.append(f"{row['model']}#{row['pk']}.{field}: {value[:90]}")
    assert not missing, "\n".join(missing)


def seed_text(key):
    return (SEEDS_DIR / SEED_FILES[key]).read_text(encoding="utf-8")


def section(text, start, end):
    begin = text.index(start)
    return text[begin:text.index(end, begin)]
