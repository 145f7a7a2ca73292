"""The team overview filters by function profile and team; "Mijn werk" and the menu lead employees and
managers to their assessment, conversation and the team overview."""

import pytest
from django.test import Client
from django.urls import reverse

from competentie.organisations.models import Membership
from competentie.people.models import Employee
from frameworks.models import Profile

from ..factories import make_user
from .conftest import build_team, open_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(seeded, org_a, users):
    team, manager, employees = build_team(org_a, size=3, manager=users["mt"])
    other_profile = (
        Profile.objects.libraries()
        .filter(profile_competencies__isnull=False)
        .exclude(pk=employees[0].profile_id)
        .distinct()
        .order_by("pk")
        .first()
    )
    Employee.objects.filter(pk=employees[2].pk).update(profile=other_profile)
    cycle = open_cycle(team)
    second_team, _m, _e = build_team(org_a, size=1, manager=users["mt"], name="Team Toezicht")
    second_cycle = open_cycle(second_team)
    return cycle, second_cycle, employees, other_profile


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_profile_filter_narrows_page_csv_and_pdf(setting, users):
    cycle, _second, employees, other_profile = setting
    client = _client(users["hr"])
    url = reverse("medewerkers:team-overview", args=[cycle.pk])
    page = client.get(url).content.decode()
    assert 'name="profiel"' in page and other_profile.name in page and 'name="team"' in page
    assert all(e.name in page for e in employees)
    filtered = client.get(url, {"profiel": other_profile.pk}).content.decode()
    assert "Medewerker 2" in filtered and "Medewerker 0" not in filtered
    assert f"team.csv?profiel={other_profile.pk}" in filtered
    csv = client.get(reverse("medewerkers:team-overview-csv", args=[cycle.pk]), {"profiel": other_profile.pk})
    assert "Medewerker 2" in csv.content.decode() and "Medewerker 0" not in csv.content.decode()


def test_the_team_filter_goes_to_that_teams_newest_cycle(setting, users):
    cycle, second, _employees, other_profile = setting
    client = _client(users["mt"])
    url = reverse("medewerkers:team-overview", args=[cycle.pk])
    page = client.get(url).content.decode()
    assert "Team Toezicht" in page and "Team Werk" in page
    response = client.get(url, {"team": second.team_id, "profiel": other_profile.pk})
    assert response.status_code == 302
    assert (
        response["Location"] == reverse("medewerkers:team-overview", args=[second.pk]) + f"?profiel={other_profile.pk}"
    )
    assert client.get(url, {"team": cycle.team_id}).status_code == 200  # its own team: stays


def test_a_team_the_user_may_not_overview_is_not_offered(setting, org_a):
    cycle, second, employees, _profile = setting
    other_manager = make_user("leidinggevende_elders", organisation=org_a, role=Membership.Role.MEDEWERKER)
    Employee.objects.filter(pk=employees[1].pk).update(manager=other_manager)
    client = _client(other_manager)
    page = client.get(reverse("medewerkers:team-overview", args=[cycle.pk])).content.decode()
    assert "Team Toezicht" not in page
    response = client.get(reverse("medewerkers:team-overview", args=[cycle.pk]), {"team": second.team_id})
    assert response.status_code == 200  # not offered, so not followed


def test_mijn_werk_and_the_menu_lead_the_employee_and_the_manager_to_their_work(setting, users):
    cycle, _second, employees, _profile = setting
    home = _client(employees[0].user).get(reverse("home")).content.decode()
    conversation = reverse("medewerkers:conversation", args=[cycle.pk, employees[0].pk])
    assert 'data-werk="medewerkers"' in home and conversation in home
    assert reverse("medewerkers:plan", args=[employees[0].pk]) in home
    assert reverse("medewerkers:team-overview", args=[cycle.pk]) not in home
    assert f'href="{reverse("medewerkers:employee-list")}"' in home  # the menu
    home = _client(users["mt"]).get(reverse("home")).content.decode()
    assert all(reverse("medewerkers:conversation", args=[cycle.pk, e.pk]) in home for e in employees)
    assert reverse("medewerkers:team-overview", args=[cycle.pk]) in home
    selecteur = _client(users["selecteur"]).get(reverse("home")).content.decode()
    assert 'data-werk="medewerkers"' not in selecteur


@pytest.mark.parametrize("size", [2, 8])
def test_the_home_work_costs_the_same_queries_for_a_small_and_a_large_team(
    seeded, org_a, users, size, django_assert_max_num_queries
):
    from medewerkers.work import home_work

    team, manager, _employees = build_team(org_a, size=size, manager=users["mt"], name=f"Team {size}")
    open_cycle(team)
    with django_assert_max_num_queries(2):
        work = home_work(user=manager, roles={"mt"}, today=None)
        assert len(work["medewerkers_reports"]) == size


def test_the_plan_form_asks_for_a_competency_in_dutch_and_the_conversation_title_is_plain(setting):
    cycle, _second, employees, _profile = setting
    client = _client(employees[0].user)
    url = reverse("medewerkers:plan", args=[employees[0].pk])
    assert '<option value="">Kies een competentie</option>' in client.get(url).content.decode()
    page = client.post(url, {"competency": "", "goal": "Leren", "learning_approach": "coaching"}, follow=True)
    assert "Kies de competentie waar het doel over gaat." in page.content.decode()
    conversation = client.get(reverse("medewerkers:conversation", args=[cycle.pk, employees[0].pk])).content.decode()
    title = conversation.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Gesprek" in title and "<" not in title and conversation.count('name="action" value="respond"') <= 1


@pytest.mark.parametrize("size", [3, 23])
def test_the_overview_shows_ten_people_a_page_and_a_page_costs_the_same_for_a_small_and_a_large_team(
    seeded, org_a, users, size
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    team, _manager, employees = build_team(org_a, size=size, manager=users["mt"], name=f"Team {size}")
    cycle = open_cycle(team)
    client = _client(users["hr"])
    url = reverse("medewerkers:team-overview", args=[cycle.pk])
    client.get(url)  # the very first line of an empty audit log also creates the chain head
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url).content.decode()
    assert len(queries) == 15, [q["sql"][:80] for q in queries.captured_queries]
    names = sorted(e.name for e in employees)
    shown = [name for name in names if f">{name}</a>" in first]
    assert shown == names[:10]
    if size <= 10:
        assert "Pagina 1 van" not in first and "Volgende medewerkers" not in first
        return
    assert f"{size} medewerkers; u ziet 1 tot en met 10." in first
    assert "Pagina 1 van 3." in first and "pagina=2" in first and "Vorige medewerkers" not in first
    last = client.get(url, {"pagina": 3, "profiel": employees[0].profile_id}).content.decode()
    assert [name for name in names if f">{name}</a>" in last] == names[20:]
    assert f"u ziet 21 tot en met {size}." in last and "Volgende medewerkers" not in last
    assert f"profiel={employees[0].profile_id}&amp;pagina=2" in last  # the filter stays when paging
    assert client.get(url, {"pagina": "x"}).status_code == 200  # nonsense: the first page
