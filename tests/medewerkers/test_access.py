"""Only the employee, their manager and HR reach an employee's plan and conversation; the team overview
is for HR and the managers in the team. Every role of both organisations is tried."""

import pytest
from django.test import Client
from django.urls import reverse

from competentie.organisations.models import Membership
from competentie.people.models import Employee
from medewerkers import services

from ..factories import make_user
from .conftest import build_team, open_cycle, score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(seeded, org_a, org_b, users):
    team, manager, (employee, other) = build_team(org_a, size=2, manager=users["mt"])
    other_manager = make_user("andere_leidinggevende", organisation=org_a, role=Membership.Role.MEDEWERKER)
    Employee.objects.filter(pk=other.pk).update(manager=other_manager)
    cycle = open_cycle(team)
    return {
        "cycle": cycle,
        "employee": employee,
        "people": {
            "employee": employee.user,
            "other employee": other.user,
            "manager": users["mt"],
            "other manager": other_manager,
            "hr": users["hr"],
            "beheerder": users["beheerder"],
            "selecteur": users["selecteur"],
            "other organisation": users["outsider"],
        },
    }


def _status(user, url):
    client = Client()
    client.force_login(user)
    return client.get(url).status_code


EXPECTED = {
    "employee": 200,
    "other employee": 403,
    "manager": 200,
    "other manager": 403,
    "hr": 200,
    "beheerder": 200,
    "selecteur": 403,
    "other organisation": 404,
}


@pytest.mark.parametrize("route", ["plan", "conversation"])
def test_only_the_employee_their_manager_and_hr_see_the_plan_and_conversation(setting, route):
    employee, cycle = setting["employee"], setting["cycle"]
    url = (
        reverse("medewerkers:plan", args=[employee.pk])
        if route == "plan"
        else reverse("medewerkers:conversation", args=[cycle.pk, employee.pk])
    )
    got = {who: _status(user, url) for who, user in setting["people"].items()}
    assert got == EXPECTED


def test_the_team_overview_is_for_hr_and_the_teams_managers(setting):
    cycle = setting["cycle"]
    expected = dict(EXPECTED, employee=403, **{"other manager": 200})
    for name in ("medewerkers:team-overview", "medewerkers:team-overview-csv", "medewerkers:team-overview-pdf"):
        url = reverse(name, args=[cycle.pk])
        got = {who: _status(user, url) for who, user in setting["people"].items()}
        assert got == expected, name


def test_a_manager_sees_only_their_own_reports_in_the_overview_and_csv(setting):
    client = Client()
    client.force_login(setting["people"]["other manager"])
    body = client.get(reverse("medewerkers:team-overview-csv", args=[setting["cycle"].pk])).content.decode()
    assert "Medewerker 1" in body and "Medewerker 0" not in body


def test_the_conversation_page_hides_the_self_assessment_from_the_manager_until_hand_in(setting):
    employee, cycle = setting["employee"], setting["cycle"]
    own = cycle.assessments.get(employee=employee, kind="self")
    score_all(own, 6)
    client = Client()
    client.force_login(setting["people"]["manager"])
    url = reverse("medewerkers:conversation", args=[cycle.pk, employee.pk])
    page = client.get(url).content.decode()
    assert "<td>6</td>" not in page and "pas als u uw eigen beoordeling" in page
    services.assessment_hand_in(assessment=own, user=employee.user)
    manager = cycle.assessments.get(employee=employee, kind="manager")
    score_all(manager, 2)
    services.assessment_hand_in(assessment=manager, user=setting["people"]["manager"])
    page = client.get(url).content.decode()
    assert "<td>6</td>" in page and "<td>2</td>" in page


def test_the_employee_writes_a_pop_goal_with_a_learning_approach_on_the_page(setting):
    employee = setting["employee"]
    competency = employee.profile.profile_competencies.first().competency
    client = Client()
    client.force_login(employee.user)
    url = reverse("medewerkers:plan", args=[employee.pk])
    response = client.post(
        url,
        {
            "competency": competency.pk,
            "goal": "Beter luisteren",
            "learning_approach": "coaching",
            "deadline": "2027-03-01",
            "note": "Gestart",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Beter luisteren" in page and "Gestart" in page and "De essentie van coaching" in page
    hr = Client()
    hr.force_login(setting["people"]["hr"])
    assert hr.post(url, {"competency": competency.pk, "goal": "x"}).status_code == 403


def test_the_employee_and_manager_assess_through_the_pages_and_agree(setting):
    employee, cycle = setting["employee"], setting["cycle"]
    pcs = list(employee.profile.profile_competencies.all())
    pages = {}
    for who in ("employee", "manager"):
        client = Client()
        client.force_login(setting["people"][who])
        pages[who] = client
        form = reverse("medewerkers:assessment", args=[cycle.pk, employee.pk])
        page = client.get(form).content.decode()
        assert "Wat liet de medewerker zien?" in page and "autosave.js" in page
        save = reverse("medewerkers:assessment-autosave", args=[cycle.pk, employee.pk])
        for pc in pcs:
            ok = client.post(save, {"field": f"value-{pc.pk}", "value": "4"}, headers={"X-Requested-With": "fetch"})
            assert ok.status_code == 200, ok.content
        assert client.post(save, {"field": f"value-{pcs[0].pk}", "value": "9"}).status_code == 400
        assert client.post(form).status_code == 302
    for who in ("hr", "other employee"):
        client = Client()
        client.force_login(setting["people"][who])
        assert client.get(reverse("medewerkers:assessment", args=[cycle.pk, employee.pk])).status_code == 403
    url = reverse("medewerkers:conversation", args=[cycle.pk, employee.pk])
    data = {"action": "record", "summary": "Goed"} | {f"agreed-{pc.pk}": "3" for pc in pcs}
    assert pages["manager"].post(url, data).status_code == 302
    assert pages["employee"].post(url, {"action": "record"}).status_code == 403
    pages["employee"].post(url, {"action": "respond", "response": "akkoord", "comment": "Prima"})
    conversation = cycle.conversations.get(employee=employee)
    assert conversation.is_frozen and conversation.items.filter(agreed_value=3).count() == len(pcs)
    overview = pages["manager"].get(reverse("medewerkers:team-overview", args=[cycle.pk])).content.decode()
    assert "onder het vereiste niveau" in overview


def test_hr_opens_a_cycle_and_imports_employees_and_others_may_not(setting, users):
    from competentie.people.models import Team

    hr = Client()
    hr.force_login(users["hr"])
    team = Team.objects.get(members=setting["employee"])
    data = {
        "team": team.pk,
        "name": "Cyclus 2027",
        "period_start": "2027-01-01",
        "period_end": "2027-12-31",
        "self_deadline": "2027-11-01",
        "manager_deadline": "2027-11-15",
        "conversation_deadline": "2027-12-01",
    }
    response = hr.post(reverse("medewerkers:cycle-create"), data)
    assert response.status_code == 302
    assert team.cycles.filter(name="Cyclus 2027").exists()
    bad = b"naam;functieprofiel\nAnna;bestaat niet\n"
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = hr.post(reverse("medewerkers:employees-import"), {"file": SimpleUploadedFile("m.csv", bad)}, follow=True)
    assert "Regel 2" in page.content.decode()
    # HR of another organisation opens cycles for their own teams only.
    outsider = Client()
    outsider.force_login(setting["people"]["other organisation"])
    assert team.name not in outsider.get(reverse("medewerkers:cycle-create")).content.decode()
    assert outsider.post(reverse("medewerkers:cycle-create"), data).status_code == 200
    assert team.cycles.count() == 2
    for who in ("employee", "manager", "selecteur"):
        client = Client()
        client.force_login(setting["people"][who])
        assert client.get(reverse("medewerkers:cycle-create")).status_code == 403, who
        assert client.get(reverse("medewerkers:employees-import")).status_code == 403, who
    beheerder = Client()
    beheerder.force_login(users["beheerder"])
    assert beheerder.get(reverse("medewerkers:employees-import")).status_code == 200
