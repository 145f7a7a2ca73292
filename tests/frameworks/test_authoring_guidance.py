"""Guidance while authoring: comments that survive a new version, a picker that finds definitions,
a publish check that warns, and step 1 that shows the doel and doelgroep."""

import pytest
from django.urls import reverse

from frameworks import selectors, services
from frameworks.models import BehaviouralIndicator, Competency, ProfileCompetency, ReviewComment

from ..factories import make_framework

pytestmark = pytest.mark.django_db


def test_open_review_comments_carry_into_the_next_version(users, framework_a):
    hr, reviewer = users["hr"], users["mt"]
    services.reviewer_invite(framework=framework_a, user=hr, reviewer=reviewer)
    competency = framework_a.competencies.order_by("order").first()
    indicator = competency.indicators.first()
    on_competency = services.review_comment_add(
        framework=framework_a, user=reviewer, text="Te vaag?", competency=competency
    )
    services.review_comment_add(framework=framework_a, user=reviewer, text="Meetbaar?", indicator=indicator)
    done = services.review_comment_add(framework=framework_a, user=reviewer, text="Spelfout", competency=competency)
    services.review_comment_resolve(comment=done, user=hr)
    services.framework_publish(framework=framework_a, user=hr)

    draft = services.framework_new_version(framework=framework_a, user=hr)

    carried = ReviewComment.objects.filter(framework=draft).select_related("competency", "indicator")
    assert sorted(c.text for c in carried) == ["Meetbaar?", "Te vaag?"]
    assert all(c.resolved_at is None and c.author == reviewer for c in carried)
    by_text = {c.text: c for c in carried}
    assert by_text["Te vaag?"].competency.framework == draft
    assert by_text["Te vaag?"].competency.name == competency.name
    assert by_text["Te vaag?"].created_at == on_competency.created_at
    assert by_text["Meetbaar?"].indicator.competency.framework == draft
    assert by_text["Meetbaar?"].indicator.text == indicator.text
    assert ReviewComment.objects.filter(framework=framework_a).count() == 3
    assert draft.reviewers.filter(user=reviewer).exists()
    page = selectors.framework_detail(user=hr, pk=draft.pk)
    assert len(page.open_comments) == 2


def test_the_picker_finds_words_in_definitions_and_word_forms(users, framework_a, seeded):
    found = selectors.competency_picker(user=users["hr"], framework=framework_a, query="Analyseren")
    assert "Probleemanalyse" in {c.name for c in found}
    found = selectors.competency_picker(user=users["hr"], framework=framework_a, query="verbanden leggen")
    assert "Probleemanalyse" in {c.name for c in found}
    assert selectors.competency_picker(user=users["hr"], framework=framework_a, query="qwertyuiop") == []


def test_the_publish_check_warns_but_does_not_block(client_as, users, org_a):
    framework = make_framework(org_a, name="Waarschuwingen", competencies=3, indicators=1)
    profile = framework.profiles.get(parent__isnull=True)
    expert = framework.levels.get(name="expert")
    ProfileCompetency.objects.filter(profile__framework=framework).update(required_level=expert)
    warnings = selectors.publish_warnings(framework=framework)
    assert any(f"Profiel “{profile.name}” heeft" in w and "zes tot acht" in w for w in warnings)
    assert any("niveau “expert”" in w for w in warnings)
    client = client_as("hr")
    page = client.get(reverse("frameworks:framework-publish", args=[framework.pk])).content.decode()
    assert "zes tot acht" in page and "niveau “expert”" in page
    assert client.post(reverse("frameworks:framework-publish", args=[framework.pk])).status_code == 302
    framework.refresh_from_db()
    assert framework.published_at is not None


def test_a_profile_of_seven_with_indicators_at_each_required_level_gets_no_warning(org_a):
    framework = make_framework(org_a, name="Netjes", competencies=7, indicators=3, profiles=0)
    level = framework.levels.get(name="gevorderd")
    profile = framework.profiles.create(name="Adviseur", order=1)
    for n, competency in enumerate(Competency.objects.filter(framework=framework)):
        ProfileCompetency.objects.create(profile=profile, competency=competency, required_level=level, order=n)
    assert BehaviouralIndicator.objects.filter(competency__framework=framework, level=level).count() == 7
    assert selectors.publish_warnings(framework=framework) == []


def test_publish_warnings_cost_the_same_queries_at_two_sizes(org_a, django_assert_max_num_queries):
    small = make_framework(org_a, competencies=3)
    large = make_framework(org_a, competencies=30, profiles=5)
    # Expect 5 queries: profiles, their competencies, profile indicators, competencies' indicators (+1 spare).
    for framework in (small, large):
        with django_assert_max_num_queries(5):
            selectors.publish_warnings(framework=framework)


def test_step_one_shows_the_doel_and_doelgroep_with_a_link_to_edit_them(client_as, org_a):
    framework = make_framework(org_a, description="Objectief selecteren", target_group="Klantmanagers")
    page = client_as("hr").get(reverse("frameworks:framework-detail", args=[framework.pk])).content.decode()
    step_one = page[page.index('id="stap-1"') : page.index('id="stap-2"')]
    assert "Objectief selecteren" in step_one and "Klantmanagers" in step_one
    assert reverse("frameworks:framework-edit", args=[framework.pk]) in step_one
