"""HR chooses a draft's beoordelingsschaal and edits its guiding-question sets; a published version is fixed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frameworks import services
from frameworks.models import Framework, GuidingQuestionSet, RatingScale
from tests.factories import make_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(org_a):
    return make_framework(org_a, name="Eigen VTH-profielen")


def test_hr_picks_the_vth_scale_then_the_divosa_scale(draft, users, seeded):
    vth = RatingScale.objects.get(name__startswith="VTH beoordelingsschaal")
    scale = services.framework_scale_choose(framework=draft, user=users["hr"], source=vth)
    assert list(scale.points.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
    assert scale.organisation_id == draft.organisation_id and scale.pk != vth.pk
    divosa = RatingScale.objects.get(name__startswith="Beoordelingsschema Divosa")
    services.framework_scale_choose(framework=draft, user=users["hr"], source=divosa)
    [only] = RatingScale.objects.filter(framework=draft)
    assert list(only.points.values_list("value", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert RatingScale.objects.filter(pk=vth.pk).exists()  # the library scale itself is untouched


def test_an_own_scale_gets_named_points(draft, users):
    scale = services.framework_scale_choose(framework=draft, user=users["hr"], points=4)
    points = {p.pk: (f"niveau {p.value}", "") for p in scale.points.all()}
    services.scale_points_update(framework=draft, user=users["hr"], points=points)
    assert list(scale.points.values_list("label", flat=True)) == ["niveau 1", "niveau 2", "niveau 3", "niveau 4"]
    with pytest.raises(ValidationError) as refused:
        services.framework_scale_choose(framework=draft, user=users["hr"], points=30)
    assert refused.value.code == "scale_choice"


def test_question_sets_with_their_step(draft, users):
    question_set = services.question_set_save(
        framework=draft, user=users["hr"], name="Hulpvragen stap 1", purpose=GuidingQuestionSet.Purpose.SELF_EVALUATION
    )
    services.question_save(question_set=question_set, user=users["hr"], text="Wat gaat goed?")
    services.question_save(question_set=question_set, user=users["hr"], text="Wat kan beter?")
    assert list(question_set.questions.values_list("text", "order")) == [("Wat gaat goed?", 1), ("Wat kan beter?", 2)]


def test_a_published_version_keeps_its_scale_and_questions(draft, users):
    services.framework_scale_choose(framework=draft, user=users["hr"], points=5)
    Framework.objects.filter(pk=draft.pk).update(published_at=timezone.now())
    with pytest.raises(ValidationError) as refused:
        services.framework_scale_choose(framework=draft, user=users["hr"], points=3)
    assert refused.value.code == "frozen"


def test_the_page_lets_hr_choose_a_scale_and_add_a_set(draft, users, client_as, seeded):
    client = client_as("hr")
    url = reverse("frameworks:evaluation-setup", args=[draft.pk])
    assert "nog geen beoordelingsschaal" in client.get(url).content.decode()
    vth = RatingScale.objects.get(name__startswith="VTH beoordelingsschaal")
    response = client.post(url, {"action": "scale", "scale-choice": str(vth.pk)})
    assert response.status_code == 302
    assert RatingScale.objects.filter(framework=draft).get().points.count() == 5
    response = client.post(
        url, {"action": "set", "set-name": "Collegiale toetsing", "set-purpose": "peer_review", "set-description": ""}
    )
    question_set = GuidingQuestionSet.objects.get(framework=draft)
    assert response.url == reverse("frameworks:question-set-edit", args=[question_set.pk])
    client.post(
        response.url, {"action": "question", "new-text": "Wat viel op?", "new-help_text": "", "new-section": ""}
    )
    assert question_set.questions.get().text == "Wat viel op?"


def test_only_the_author_changes_it(draft, client_as):
    url = reverse("frameworks:evaluation-setup", args=[draft.pk])
    assert client_as("selecteur").get(url).status_code == 403
    assert client_as("outsider").get(url).status_code == 404
