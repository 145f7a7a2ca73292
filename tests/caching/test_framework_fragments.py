"""A framework's competency list and a profile's body are kept in the cache (competentie/fragments.py)
and rendered afresh on the request after any change to the framework's content."""

from django.urls import reverse

from frameworks import services
from frameworks.models import BehaviouralIndicator, Framework
from tests.factories import make_framework


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _competencies(page: str) -> str:
    start = page.index('aria-labelledby="competenties"')
    return page[start : page.index("</section>", start)]


def test_a_reworded_indicator_appears_on_the_next_request_of_the_profile_page(client_as, users, org_a):
    framework = make_framework(org_a, competencies=2, profiles=1)
    profile = framework.profiles.get(parent__isnull=True)
    url = reverse("frameworks:profile-detail", args=[profile.pk])
    client = client_as("hr")
    assert "Vraagt door." in _page(client, url)
    indicator = BehaviouralIndicator.objects.filter(profile_competency__profile=profile).first()
    services.indicator_update(
        indicator=indicator,
        user=users["hr"],
        revision=indicator.revision,
        text="Vat samen wat de klant zei.",
        level=None,
    )
    page = _page(client, url)
    assert "Vat samen wat de klant zei." in page


def test_a_renamed_competency_appears_on_the_next_request_of_the_framework_page(client_as, users, org_a):
    framework = make_framework(org_a, competencies=2, profiles=0)
    url = reverse("frameworks:framework-detail", args=[framework.pk])
    client = client_as("hr")
    assert "Competentie 0" in _page(client, url)
    competency = framework.competencies.get(name="Competentie 0")
    services.competency_update(
        competency=competency,
        user=users["hr"],
        revision=competency.revision,
        name="Samenwerken met ketenpartners",
        definition=competency.definition,
        kind=competency.kind,
        hard_to_learn=competency.hard_to_learn,
        cluster=competency.cluster,
    )
    page = _page(client, url)
    assert "Samenwerken met ketenpartners" in page
    assert "Competentie 0<" not in page


def test_a_published_framework_page_is_served_from_the_cache_with_the_same_html(
    client_as, org_a, django_assert_max_num_queries
):
    framework = make_framework(org_a, competencies=20, profiles=0)
    Framework.objects.filter(pk=framework.pk).update(status=Framework.Status.ADOPTED, published_at="2026-12-01T10:00Z")
    url = reverse("frameworks:framework-detail", args=[framework.pk])
    client = client_as("selecteur")
    first = _page(client, url)
    competency = framework.competencies.first()
    # Behind the cache's back (no service does this): the cached list is what the page shows.
    type(competency).objects.filter(pk=competency.pk).update(name="Niet via de diensten gewijzigd")
    with django_assert_max_num_queries(11):  # the framework, its levels and profiles; the list in one read
        second = _page(client, url)
    assert _competencies(second) == _competencies(first)
    assert "Niet via de diensten gewijzigd" not in second


def test_the_authors_list_and_the_readers_list_are_kept_apart_and_carry_no_form_token(client_as, org_a):
    framework = make_framework(org_a, competencies=2, profiles=0)
    url = reverse("frameworks:framework-detail", args=[framework.pk])
    author = _page(client_as("hr"), url)
    reader = _page(client_as("selecteur"), url)
    assert 'form="competentie-verplaatsen"' in author
    assert 'form="competentie-verplaatsen"' not in reader
    # The move buttons post the one form outside the cached list, which carries this request's token.
    assert author.count('name="csrfmiddlewaretoken"') >= 1
    fragment_start = author.index('aria-labelledby="competenties"')
    assert "csrfmiddlewaretoken" not in author[fragment_start : author.index("</section>", fragment_start)]


def test_saving_an_old_copy_of_the_framework_keeps_the_newer_stamp(org_a, users):
    framework = make_framework(org_a, competencies=1, profiles=0)
    old_copy = Framework.objects.get(pk=framework.pk)
    competency = framework.competencies.get()
    services.competency_update(
        competency=competency,
        user=users["hr"],
        revision=competency.revision,
        name="Nieuwe naam",
        definition=competency.definition,
        kind=competency.kind,
        hard_to_learn=False,
        cluster=None,
    )
    stamp = Framework.objects.get(pk=framework.pk).content_stamp
    assert stamp > old_copy.content_stamp
    old_copy.description = "Een ander doel"
    old_copy.save()
    assert Framework.objects.get(pk=framework.pk).content_stamp == stamp
