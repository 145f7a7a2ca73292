"""The team overview PDF: a profile × person matrix of agreed versus required level, in numbers and words,
with the same people as the page (a manager sees only their own reports)."""

import subprocess

import pytest
from django.test import Client
from django.urls import reverse

from competentie.organisations.models import Membership
from competentie.people.models import Employee
from medewerkers import services

from ..factories import make_user
from .conftest import build_team, open_cycle, score_all

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True).stdout
    return " ".join(text.decode().split())


def _agree(cycle, employee, manager, value):
    for kind, user in (("self", employee.user), ("manager", manager)):
        assessment = cycle.assessments.get(employee=employee, kind=kind)
        score_all(assessment, value)
        services.assessment_hand_in(assessment=assessment, user=user)
    conversation = cycle.conversations.get(employee=employee)
    pcs = employee.profile.profile_competencies.all()
    services.conversation_record(
        conversation=conversation, user=manager, agreed={pc.pk: (value, "") for pc in pcs}, summary="Samen besproken"
    )


@pytest.fixture
def setting(seeded, org_a, users):
    team, manager, (first, second, third) = build_team(org_a, size=3, manager=users["mt"])
    other_manager = make_user("andere_leidinggevende_pdf", organisation=org_a, role=Membership.Role.MEDEWERKER)
    Employee.objects.filter(pk=third.pk).update(manager=other_manager)
    cycle = open_cycle(team)
    _agree(cycle, first, manager, 6)
    _agree(cycle, second, manager, 1)
    return cycle, manager, other_manager, first


def _get(user, cycle):
    client = Client()
    client.force_login(user)
    return client.get(reverse("medewerkers:team-overview-pdf", args=[cycle.pk]))


def test_the_pdf_shows_agreed_next_to_required_per_profile_and_person(setting, users):
    cycle, manager, _other, first = setting
    response = _get(manager, cycle)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert first.profile.name in text
    assert "Medewerker 0" in text and "Medewerker 1" in text and "Medewerker 2" not in text
    required = cycle.required_value
    assert f"6/{required}" in text.replace(" ", "") and f"1/{required}" in text.replace(" ", "")
    assert "op het vereiste niveau" in text and "onder het vereiste niveau" in text
    first_competency = first.profile.profile_competencies.order_by("competency__order").first().competency.name
    assert first_competency.split()[0] in text


def test_a_manager_reads_only_their_own_reports_in_the_pdf(setting):
    cycle, _manager, other_manager, _first = setting
    text = pdf_text(_get(other_manager, cycle).content)
    assert "Medewerker 2" in text and "Medewerker 0" not in text and "6/" not in text.replace(" ", "")
    assert "nog niet afgesproken" in text and f"–/{cycle.required_value}" in text.replace(" ", "")


def test_the_pdf_is_refused_to_an_employee_and_another_organisation(setting, users):
    cycle, _manager, _other, first = setting
    assert _get(first.user, cycle).status_code == 403
    assert _get(users["outsider"], cycle).status_code == 404
    hr = _get(users["hr"], cycle)
    assert hr.status_code == 200 and "Medewerker 2" in pdf_text(hr.content)


def test_a_large_profile_continues_in_a_next_table_with_the_same_competencies():
    from types import SimpleNamespace

    from medewerkers.selectors import PDF_COLUMNS, Matrix, matrix_by_profile

    profile = SimpleNamespace(name="Profiel")
    people = [SimpleNamespace(profile_id=1, profile=profile, name=f"P{n}") for n in range(PDF_COLUMNS + 2)]
    matrix = Matrix(competencies=[(7, "Samenwerken")], rows=[(p, {7: (4, 3)}) for p in people])
    blocks = matrix_by_profile(matrix)
    assert [len(b.people) for b in blocks] == [PDF_COLUMNS, 2]
    assert blocks[1].lines == [("Samenwerken", [(4, 3), (4, 3)])]


@pytest.mark.parametrize("route", ["medewerkers:team-overview", "medewerkers:team-overview-pdf"])
def test_the_overview_page_and_pdf_cost_the_same_queries_for_two_and_seven_people(seeded, org_a, users, route):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(users["hr"])
    counts = []
    for size in (2, 7):
        team, _manager, _employees = build_team(org_a, size=size, manager=users["mt"], name=f"Team {size}")
        cycle = open_cycle(team)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(route, args=[cycle.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
