"""The profile × competency matrix: required levels at a glance, click to edit, in the PDF too."""

import re

import pytest
from django.urls import reverse

from frameworks import selectors
from frameworks.models import Framework, ProfileCompetency

from ..factories import make_framework
from .test_pdf import pdf_text, squash

pytestmark = pytest.mark.django_db


def test_vth_matrix_shows_every_required_level(client_as, seeded):
    vth = Framework.objects.get(name="VTH competentieprofielen")
    content = client_as("mt").get(reverse("frameworks:framework-matrix", args=[vth.pk])).content.decode()
    pcs = ProfileCompetency.objects.filter(profile__framework=vth).select_related("required_level", "profile")
    assert pcs.count() > 0
    cells = re.findall(r"<td>([^<]*)</td>", content)
    filled = [cell for cell in cells if cell]
    assert len(filled) == pcs.count()
    assert sorted(filled) == sorted(pc.required_level.name if pc.required_level else "✓" for pc in pcs)
    for profile in {pc.profile for pc in pcs}:
        assert profile.name in content
    assert "profielcompetenties" not in content  # a library: nothing to click


def test_authors_click_a_cell_to_edit_the_required_level(client_as, framework_a):
    pc = ProfileCompetency.objects.filter(profile__framework=framework_a).first()
    author = client_as("hr").get(reverse("frameworks:framework-matrix", args=[framework_a.pk])).content.decode()
    assert reverse("frameworks:profile-competency-edit", args=[pc.pk]) in author
    reader = client_as("selecteur").get(reverse("frameworks:framework-matrix", args=[framework_a.pk])).content.decode()
    assert reverse("frameworks:profile-competency-edit", args=[pc.pk]) not in reader
    assert pc.required_level.name in reader


def test_the_framework_page_links_to_the_matrix(client_as, framework_a):
    page = client_as("hr").get(reverse("frameworks:framework-detail", args=[framework_a.pk])).content.decode()
    assert reverse("frameworks:framework-matrix", args=[framework_a.pk]) in page


def test_matrix_costs_the_same_queries_at_two_sizes(users, org_a, django_assert_max_num_queries):
    for size in (3, 40):
        framework = make_framework(org_a, competencies=size, profiles=size // 3 + 1)
        # Expect 8 queries: memberships, framework, clusters, competencies, profiles, their
        # competencies, hoofdtaken, the hoofdtaken's competencies.
        with django_assert_max_num_queries(8):
            selectors.profile_matrix(user=users["hr"], pk=framework.pk)


def test_the_framework_pdf_has_the_matrix(client_as, framework_a, tmp_path):
    response = client_as("hr").get(reverse("frameworks:framework-pdf", args=[framework_a.pk]))
    text = squash(pdf_text(response.content, tmp_path))
    assert "Matrix profielen × competenties" in text
    assert "Vereist niveau per competentie" in text
