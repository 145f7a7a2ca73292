"""The guide's texts in fixtures/ontwikkeling.json stand word for word in the Rotterdam guide."""

import json

import pytest

from ontwikkeling.guide import GUIDE_FIXTURE
from ontwikkeling.models import GuideText, KolbStage, LearningLevel, MeasurementLevel, Moment

from ..seedtext import occurs_in_seed

pytestmark = pytest.mark.django_db

ROWS = json.loads(GUIDE_FIXTURE.read_text(encoding="utf-8"))


def rows_of(kind):
    return [row["fields"] for row in ROWS if row["fields"]["kind"] == kind]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['fields']['kind']}:{row['fields']['code']}")
def test_every_guide_text_stands_verbatim_in_the_guide(row):
    fields = row["fields"]
    assert not fields["text"] or occurs_in_seed(fields["text"], "ontwikkelprogramma"), fields["text"]
    if not fields["title_is_ours"]:
        assert occurs_in_seed(fields["title"], "ontwikkelprogramma"), fields["title"]


def test_the_guide_counts_seven_principles_six_steps_four_kolb_stages_three_levels_four_moments():
    assert [r["title"] for r in rows_of("principle")][:2] == [
        "Aansluiting op de organisatiecontext",
        "Gebruikersgericht ontwerp",
    ]
    counts = {kind: len(rows_of(kind)) for kind in GuideText.Kind.values}
    assert counts == {
        "principle": 7,
        "step": 6,
        "question": 32,
        "kolb": 4,
        "learning_level": 3,
        "measurement_level": 3,
        "moment": 4,
    }


def test_the_step_titles_and_the_doel_questions_are_the_guides():
    assert [r["title"] for r in rows_of("step")] == [
        "Definieer het doel en de randvoorwaarden",
        "Analyseer de huidige situatie",
        "Betrek belanghebbenden",
        "Ontwerp het framework",
        "Implementeer en communiceer",
        "Effectmeting",
    ]
    doel = [r["text"] for r in rows_of("question") if r["code"].startswith("doel.")]
    assert doel == [
        "Waarom ontwikkelen we dit programma?",
        "Wat moet het opleveren voor de organisatie en de deelnemers?",
        "Waar draagt het programma aan bij?",
    ]


def test_measurement_levels_are_the_guides_three_with_their_subjects():
    assert {(r["title"], r["text"]) for r in rows_of("measurement_level")} == {
        ("Deelnemer", "leereffect, gedrag, motivatie en houding"),
        ("Programma", "kwaliteit, werking en relevantie"),
        ("Organisatie", "ondersteuning en ruimte voor toepassen"),
    }


@pytest.mark.parametrize(
    "kind, choices",
    [
        ("kolb", KolbStage),
        ("learning_level", LearningLevel),
        ("measurement_level", MeasurementLevel),
        ("moment", Moment),
    ],
)
def test_the_model_choices_carry_the_same_words_as_the_fixture(kind, choices):
    assert [(r["code"], r["title"]) for r in rows_of(kind)] == [(value, str(label)) for value, label in choices.choices]


def test_the_migration_loaded_every_guide_text():
    assert GuideText.objects.count() == len(ROWS)
    principle = GuideText.objects.get(kind="principle", code="4")
    assert principle.title == "Leren als ecosysteem"


def test_only_the_third_learning_level_and_two_headings_are_our_wording():
    ours = sorted((r["kind"], r["title"]) for r in (row["fields"] for row in ROWS) if r["title_is_ours"])
    assert ours == [
        ("learning_level", "Ik en de organisatie en omgeving"),
        ("question", "Hoe pakt u dit aan?"),
        ("question", "Hoe pakt u dit aan?"),
        ("question", "Hoe pakt u dit aan?"),
        ("question", "Voor betrokkenen en belanghebbenden in en buiten de organisatie"),
        ("question", "Voor betrokkenen en belanghebbenden in en buiten de organisatie"),
    ]
