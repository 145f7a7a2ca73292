"""Links to shared vocabularies: ESCO and CompetentNL addresses on a competency, the HR21 normfunctie
on a profile — edited in the authoring forms, shown on the competency page and in the PDFs, and
found by the dictionary picker."""

import pytest
from django.urls import reverse

from frameworks.models import Competency

from .test_pdf import pdf_text, squash

pytestmark = pytest.mark.django_db
ESCO = "http://data.europa.eu/esco/skill/2e6d3f8c-1a2b-4c3d-9e8f-0a1b2c3d4e5f"
CNL = "https://competentnl.nl/id/vaardigheid/samenwerken"


def competency_post(competency, **changes) -> dict:
    data = {
        "name": competency.name,
        "definition": competency.definition,
        "kind": competency.kind,
        "cluster": competency.cluster_id or "",
        "esco_uri": "",
        "competentnl_uri": "",
        "revision": competency.revision,
    }
    return {**data, **changes}


def test_author_sets_esco_and_competentnl_links_and_the_page_and_pdf_show_them(client_as, framework_a, tmp_path):
    competency = framework_a.competencies.order_by("order").first()
    client = client_as("hr")
    url = reverse("frameworks:competency-edit", args=[competency.pk])
    assert 'name="esco_uri"' in client.get(url).content.decode()
    response = client.post(url, competency_post(competency, esco_uri=ESCO, competentnl_uri=CNL))
    assert response.status_code == 302
    competency.refresh_from_db()
    assert (competency.esco_uri, competency.competentnl_uri) == (ESCO, CNL)
    page = client.get(reverse("frameworks:competency-detail", args=[competency.pk])).content.decode()
    assert f'href="{ESCO}"' in page and f'href="{CNL}"' in page
    response = client_as("mt").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
    text = squash(pdf_text(response.content, tmp_path)).replace(" ", "")
    assert ESCO in text and CNL in text


@pytest.mark.parametrize("value", ["geen adres", "javascript:alert(1)"])
def test_a_link_that_is_not_a_web_address_is_refused(client_as, framework_a, value):
    competency = framework_a.competencies.order_by("order").first()
    url = reverse("frameworks:competency-edit", args=[competency.pk])
    response = client_as("hr").post(url, competency_post(competency, esco_uri=value))
    assert response.status_code == 200
    assert "Voer een geldige URL in" in response.content.decode() or "geldige" in response.content.decode()
    competency.refresh_from_db()
    assert competency.esco_uri == ""


def test_a_new_competency_gets_its_links(client_as, framework_a):
    response = client_as("hr").post(
        reverse("frameworks:competency-create", args=[framework_a.pk]),
        {"name": "Samenwerken", "definition": "", "kind": "", "cluster": "", "esco_uri": ESCO, "competentnl_uri": ""},
    )
    assert response.status_code == 302
    assert framework_a.competencies.get(name="Samenwerken").esco_uri == ESCO


def test_author_sets_the_hr21_normfunctie_of_a_profile_and_the_profile_shows_it(client_as, framework_a, tmp_path):
    profile = framework_a.profiles.get(parent__isnull=True)
    client = client_as("hr")
    url = reverse("frameworks:profile-edit", args=[profile.pk])
    assert 'name="hr21_code"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": profile.name,
            "code": "",
            "description": "",
            "characteristic": "",
            "parent": "",
            "expertise_areas": "",
            "tasks": "",
            "hr21_family": "Dienstverlening",
            "hr21_name": "Klantcontactmedewerker",
            "hr21_code": "DV.KCM.1",
            "revision": profile.revision,
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.hr21_family, profile.hr21_name, profile.hr21_code) == (
        "Dienstverlening",
        "Klantcontactmedewerker",
        "DV.KCM.1",
    )
    page = client.get(reverse("frameworks:profile-detail", args=[profile.pk])).content.decode()
    assert "Dienstverlening – Klantcontactmedewerker (DV.KCM.1)" in page
    response = client_as("mt").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
    assert "Klantcontactmedewerker (DV.KCM.1)" in squash(pdf_text(response.content, tmp_path))


def test_the_dictionary_picker_finds_a_competency_by_its_esco_address(client_as, framework_a, seeded):
    source = Competency.objects.filter(framework__is_dictionary=True, framework__organisation=None).first()
    Competency.objects.filter(pk=source.pk).update(esco_uri=ESCO)
    other = Competency.objects.filter(framework__is_dictionary=True).exclude(pk=source.pk).first()
    client = client_as("hr")
    response = client.get(
        reverse("frameworks:competency-pick", args=[framework_a.pk]), {"q": ESCO}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert f'value="{source.pk}"' in content and f'value="{other.pk}"' not in content
    response = client.get(reverse("frameworks:dictionary"), {"q": ESCO})
    assert source.name in response.content.decode()
    client.post(reverse("frameworks:competency-pick", args=[framework_a.pk]), {"source": source.pk})
    assert framework_a.competencies.get(derived_from=source).esco_uri == ESCO  # the copy keeps its link
