"""The demo programme: the guide's Rotterdam example, verbatim where the guide speaks; safe to run twice."""

import pytest

from frameworks.demo import demo_accounts_create
from ontwikkeling import demo, selectors
from ontwikkeling.models import LearningLevel, Programme
from ontwikkeling.results import cohort_results

from ..seedtext import SEED_FILES, SEEDS_DIR, normalise, occurs_in_seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(seeded):
    demo_accounts_create()
    programme, _accounts = demo.demo_programme_create()
    return programme


def test_running_the_demo_twice_creates_one_programme(programme):
    again, accounts = demo.demo_programme_create()
    assert again == programme
    assert Programme.objects.filter(name=demo.PROGRAMME_NAME).count() == 1
    assert all(not created for _name, _description, created in accounts)


def test_the_guides_words_are_verbatim(programme):
    texts = [demo.STORYLINE, demo.CHALLENGE, demo.NEED, demo.SUBTHEME, *demo.CONDITIONS]
    texts += [name for _level, name in demo.LINES]
    for text in texts:
        assert occurs_in_seed(text, "ontwikkelprogramma"), text
    assert programme.storyline == demo.STORYLINE


def test_the_two_named_competencies_carry_the_guides_example_behaviour(programme):
    # The extraction lost one space ("toontin"); compare without spaces for exactly that repair.
    seed = normalise((SEEDS_DIR / SEED_FILES["ontwikkelprogramma"]).read_text(encoding="utf-8")).replace(" ", "")
    for name, behaviour in demo.NAMED:
        competency = programme.framework.competencies.get(name=name)
        assert competency.indicators.get().text == behaviour
        assert behaviour.replace(" ", "") in seed
        assert occurs_in_seed(f"{name.lower()} (bijvoorbeeld:", "ontwikkelprogramma")


def test_the_other_four_come_from_the_seeded_library_and_the_source_says_so(programme):
    derived = programme.framework.competencies.exclude(name__in=[n for n, _b in demo.NAMED])
    assert sorted(c.name for c in derived) == sorted(demo.FROM_LIBRARY)
    assert all(c.derived_from is not None and c.derived_from.framework.is_library for c in derived)
    assert "PiCompany" in programme.framework.source and "andere vier" in programme.framework.source


def test_three_half_years_and_three_levels_of_learning(programme):
    assert [p.name for p in programme.phases.all()] == ["Halfjaar 1", "Halfjaar 2", "Halfjaar 3"]
    assert {line.level for line in programme.learning_lines.all()} == set(LearningLevel.values)


def test_the_demo_cohort_of_five_shows_results(programme):
    cohort = programme.cohorts.get()
    results = cohort_results(
        selectors.cohort_get(user=programme.created_by, pk=cohort.pk),
        competencies=selectors.programme_competencies_of(programme),
        levels=selectors.framework_levels(programme),
    )
    assert [m.code for m in results.shown] == ["voormeting", "halverwege"]
