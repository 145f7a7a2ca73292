"""A closed procedure's calibration matrix is kept in the cache (selectie/fragments.py) and built afresh
on the request after anything it shows changes: the disagreement threshold, a selecteur's name."""

import pytest
from django.urls import reverse

from selectie import services
from selectie.models import Score, SelectionProcedure

from ..selectie.conftest import build_day, score_all

pytestmark = pytest.mark.django_db

Status = SelectionProcedure.Status


@pytest.fixture
def closed(users, org_a, vth_profile, selecteurs):
    """K-001 scored 1 by one selecteur and 4 by the other (a flagged difference), then the procedure closed."""
    day = build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=vth_profile,
        assessors=[selecteurs["selecteur"], selecteurs["selecteur2"]],
        candidates=1,
        assigned=1,
    )
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, value=1, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=4, submit=True)
    procedure = day.procedure
    for status in (Status.SCORING, Status.CALIBRATION, Status.CLOSED):
        procedure = services.procedure_transition(procedure=procedure, user=users["hr"], status=status)
    return procedure


def _matrix(client, procedure) -> str:
    response = client.get(reverse("selectie:calibration", args=[procedure.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index('<table class="table table-bordered') : page.index("</table>")]


def test_a_closed_matrix_is_served_from_the_cache(closed, client_as, django_assert_max_num_queries):
    client = client_as("hr")
    first = _matrix(client, closed)
    assert '<td class="text-center">4</td>' in first
    # Behind the cache's back (no service does this: a closed procedure's scores are final).
    Score.objects.filter(assignment__procedure=closed).update(value=2)
    # Session, user, memberships, the procedure (4), "is HR" from the memberships, the matrix (one read),
    # scores already seen (1), the read line (3).
    with django_assert_max_num_queries(9):
        second = _matrix(client, closed)
    assert second == first


def test_a_changed_threshold_shows_on_the_next_request(closed, client_as, users):
    client = client_as("hr")
    assert "verschil 3" in _matrix(client, closed)
    services.procedure_update(procedure=closed, user=users["hr"], disagreement_threshold=4)
    matrix = _matrix(client, closed)
    assert "verschil 3" not in matrix and '<td class="text-center">4</td>' in matrix


def test_a_renamed_selecteur_shows_on_the_next_request(closed, client_as, selecteurs):
    client = client_as("hr")
    assert "Anneke van Dam" not in _matrix(client, closed)
    person = selecteurs["selecteur2"]
    person.first_name, person.last_name = "Anneke", "van Dam"
    person.save(update_fields=["first_name", "last_name"])
    assert "Anneke van Dam" in _matrix(client, closed)


def test_an_open_procedure_is_not_kept(day, selecteurs, client_as):
    candidate = day.candidates[0]
    score_all(day, selecteurs["selecteur"], candidate, value=1, submit=True)
    score_all(day, selecteurs["selecteur2"], candidate, value=4, submit=True)
    client = client_as("hr")
    assert '<td class="text-center">4</td>' in _matrix(client, day.procedure)
    Score.objects.filter(assignment__procedure=day.procedure, value=4).update(value=5)
    assert '<td class="text-center">5</td>' in _matrix(client, day.procedure)
