"""The learning approaches of the POP stand word for word in seed 002 §4.4, one description for each."""

import pytest

from competentie.people.learning import DESCRIPTIONS
from competentie.people.models import LearningApproach

from ..seedtext import occurs_in_seed


def test_every_learning_approach_has_a_description():
    assert set(DESCRIPTIONS) == set(LearningApproach.values)
    assert len(DESCRIPTIONS) == 6


@pytest.mark.parametrize("approach", LearningApproach.values)
def test_every_description_stands_verbatim_in_seed_002(approach):
    text = DESCRIPTIONS[approach]
    assert len(text) > 80
    assert occurs_in_seed(text, "divosa"), approach


def test_the_six_levels_of_schema_4_2_stand_verbatim_in_seed_002():
    import json
    from pathlib import Path

    rows = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "divosa.json").read_text("utf-8"))
    points = [row["fields"]["description"] for row in rows if row["model"] == "frameworks.scalepoint"]
    assert len(points) == 6
    for text in points:
        assert occurs_in_seed(text, "divosa"), text
