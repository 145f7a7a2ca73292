"""The team overview per role of the management team's self-evaluation: employees on a VTH role profile
(the library's, or an own copy's) grouped by role, with agreed versus required level in numbers and words;
HR sees all of the organisation, a manager only their own reports; the same queries for 5 and 50 people."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competentie.organisations.models import Membership
from competentie.people.models import Employee, Team
from frameworks.models import Framework, Profile
from frameworks.services import frameworks as framework_services
from medewerkers import role_selectors, services

from ..factories import make_user
from .conftest import divosa_profile, open_cycle, score_all

pytestmark = pytest.mark.django_db
URL = reverse("medewerkers:role-overview")
VTH = "VTH competentieprofielen"


def vth_profile(name: str) -> Profile:
    return Profile.objects.libraries().get(framework__name=VTH, name=name)


def employee(organisation, team, name, profile, manager):
    user = make_user(
        f"rol_{name}".replace(" ", "_").lower(), organisation=organisation, role=Membership.Role.MEDEWERKER
    )
    return Employee.objects.create(
        organisation=organisation, user=user, name=name, profile=profile, manager=manager, team=team
    )


def agree(cycle, person, manager, value):
    for kind, user in (("self", person.user), ("manager", manager)):
        assessment = cycle.assessments.get(employee=person, kind=kind)
        score_all(assessment, value)
        services.assessment_hand_in(assessment=assessment, user=user)
    pcs = person.profile.profile_competencies.all()
    services.conversation_record(
        conversation=cycle.conversations.get(employee=person),
        user=manager,
        agreed={pc.pk: (value, "") for pc in pcs},
        summary="Besproken",
    )


@pytest.fixture
def setting(seeded, org_a, users):
    """Team Toezicht: two toezichthouders (one agreed at 5, one at 2) and a casemanager managed by mt,
    one toezichthouder on the organisation's own VTH copy managed by someone else, one on Divosa."""
    library = Framework.objects.libraries().get(name=VTH)
    copy = framework_services.framework_derive(source=library, user=users["hr"], organisation=org_a)
    framework_services.framework_publish(framework=copy, user=users["hr"])
    other_manager = make_user("andere_leidinggevende_rol", organisation=org_a, role=Membership.Role.MEDEWERKER)
    team = Team.objects.create(organisation=org_a, name="Team Toezicht")
    mt = users["mt"]
    strong = employee(org_a, team, "Sanne Sterk", vth_profile("Toezichthouder en handhaver"), mt)
    weak = employee(org_a, team, "Wim Zwak", vth_profile("Toezichthouder en handhaver"), mt)
    case = employee(org_a, team, "Carla Casus", vth_profile("Casemanager"), mt)
    copied = employee(
        org_a,
        team,
        "Otto Kopie",
        Profile.objects.get(framework=copy, name="Toezichthouder en handhaver"),
        other_manager,
    )
    divosa = employee(org_a, team, "Dirk Divosa", divosa_profile(), mt)
    cycle = open_cycle(team)
    agree(cycle, strong, mt, 5)
    agree(cycle, weak, mt, 2)
    return {"cycle": cycle, "other_manager": other_manager, "people": (strong, weak, case, copied, divosa)}


def page(user) -> tuple[int, str]:
    client = Client()
    client.force_login(user)
    response = client.get(URL)
    return response.status_code, response.content.decode()


def test_hr_sees_every_vth_role_with_agreed_and_required_levels_in_numbers_and_words(setting, users):
    status, html = page(users["hr"])
    assert status == 200
    blocks = role_selectors.role_overview(user=users["hr"])
    assert [b.name for b in blocks] == ["Casemanager", "Toezichthouder en handhaver"]
    toezicht = blocks[1]
    assert [p.employee.name for p in toezicht.people] == ["Otto Kopie", "Sanne Sterk", "Wim Zwak"]
    assert len(toezicht.frameworks) == 2  # the library and the organisation's own copy: one role
    assert len(toezicht.competencies) == 5
    by_name = {p.employee.name: p for p in toezicht.people}
    assert by_name["Sanne Sterk"].cells == [(4, 5)] * 5 and by_name["Sanne Sterk"].below == 0
    assert by_name["Wim Zwak"].cells == [(4, 2)] * 5 and by_name["Wim Zwak"].below == 5
    assert by_name["Otto Kopie"].conversation is None  # not in the cycle's team as an agreed conversation
    assert toezicht.below_per_competency == [1] * 5
    assert "Dirk Divosa" not in html  # Divosa is no role of the self-evaluation
    assert "5 / 4" in html and "op het vereiste niveau" in html
    assert "2 / 4" in html and "onder het vereiste niveau" in html
    assert "nog geen vastgelegd gesprek" in html and "Carla Casus" in html
    assert "5 van 5" in html


def test_a_manager_sees_only_their_own_reports_and_others_are_refused(setting, users):
    _status, html = page(users["mt"])
    assert "Sanne Sterk" in html and "Carla Casus" in html and "Otto Kopie" not in html
    status, html = page(setting["other_manager"])
    assert status == 200 and "Otto Kopie" in html and "Sanne Sterk" not in html
    strong = setting["people"][0]
    assert page(strong.user)[0] == 403  # an employee who manages no one
    assert page(users["selecteur"])[0] == 403
    assert page(users["beheerder"])[0] == 200
    status, html = page(users["outsider"])  # HR of another organisation: their own (empty) overview
    assert status == 200 and "Sanne Sterk" not in html and "Nog geen medewerkers" in html


def test_an_empty_overview_says_what_would_appear_here(seeded, org_a, users):
    status, html = page(users["hr"])
    assert status == 200
    assert "Nog geen medewerkers met een rol uit de zelfevaluatie." in html
    assert "VTH-rolprofielen" in html


def test_a_departed_employee_is_no_longer_in_the_role(setting, users):
    strong = setting["people"][0]
    Employee.objects.filter(pk=strong.pk).update(left_on="2026-06-30")
    assert "Sanne Sterk" not in page(users["hr"])[1]


def test_the_page_costs_the_same_queries_for_5_and_50_people(seeded, org_a, users):
    client = Client()
    client.force_login(users["hr"])
    counts = []
    for size in (5, 50):
        team = Team.objects.create(organisation=org_a, name=f"Team {size}")
        roles = list(Profile.objects.libraries().filter(framework__name=VTH).order_by("order"))
        people = [employee(org_a, team, f"Mw {size}-{n}", roles[n % len(roles)], users["mt"]) for n in range(size)]
        Employee.objects.filter(organisation=org_a).exclude(team=team).update(left_on="2026-01-01")
        cycle = open_cycle(team)
        agree(cycle, people[0], users["mt"], 3)
        client.get(URL)  # the very first line of an empty audit log also creates the chain head
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        assert response.status_code == 200 and f"Mw {size}-{size - 1}" in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("size", [5, 50])
def test_the_role_overview_reads_in_two_queries_before_any_conversation(
    seeded, org_a, users, size, django_assert_num_queries
):
    team = Team.objects.create(organisation=org_a, name="Team Rollen")
    roles = list(Profile.objects.libraries().filter(framework__name=VTH).order_by("order"))
    for n in range(size):
        employee(org_a, team, f"Mw {n}", roles[n % len(roles)], users["mt"])
    from competentie.organisations.access import roles_by_organisation

    roles_by_organisation(users["hr"])
    # Expect 2 queries: the employees with their latest recorded conversation and the competencies of their
    # profiles. Nobody has a recorded conversation yet, so there are no conversations or agreed levels to
    # read (with them, 4: test_the_page_costs_the_same_queries_for_5_and_50_people records one).
    with django_assert_num_queries(2):
        blocks = role_selectors.role_overview(user=users["hr"])
    assert sum(len(b.people) for b in blocks) == size and len(blocks) == 5
