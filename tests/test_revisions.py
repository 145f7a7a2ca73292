"""The one stale-edit rule (competentie/revisions.py), on a real record of each app."""

import pytest
from django.core.exceptions import ValidationError

from competentie import revisions
from frameworks.models import Competency, FrameworkStep
from selectie.models import ConsensusScore
from zelfevaluatie.models import Action, Answer, ProfileConclusion

pytestmark = pytest.mark.django_db


def test_every_record_several_people_edit_carries_the_shared_revision():
    for model in (Competency, FrameworkStep, ConsensusScore, Answer, ProfileConclusion, Action):
        assert issubclass(model, revisions.Revisioned), model


def test_a_save_from_the_current_revision_passes_and_an_older_one_is_refused_with_the_stored_value(framework_a):
    competency = framework_a.competencies.first()
    revisions.revision_check(instance=competency, seen=competency.revision)
    with pytest.raises(revisions.StaleEdit) as refused:
        revisions.revision_check(instance=competency, seen=competency.revision - 1, current=competency.name)
    assert refused.value.code == "stale"
    assert refused.value.current == competency.name and refused.value.revision == competency.revision


def test_a_record_that_does_not_exist_yet_has_revision_zero():
    assert revisions.revision_of(None) == revisions.NEW == 0
    revisions.revision_check(instance=None, seen=0)
    with pytest.raises(revisions.StaleEdit):
        revisions.revision_check(instance=None, seen=3)


def test_an_unchanged_value_or_no_revision_is_never_a_conflict(framework_a):
    competency = framework_a.competencies.first()
    revisions.revision_check(instance=competency, seen=competency.revision + 5, unchanged=True)
    revisions.revision_check(instance=competency, seen=None)


def test_a_revision_from_a_request_is_parsed_or_refused_with_a_code():
    assert revisions.parse_revision(None) is None and revisions.parse_revision("") is None
    assert revisions.parse_revision("7") == 7 and revisions.parse_revision(" 0 ") == 0
    with pytest.raises(ValidationError) as refused:
        revisions.parse_revision("zeven")
    assert refused.value.code == "invalid_revision"
