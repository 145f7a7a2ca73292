"""The procedure list: newest first, a page at a time, each procedure with its number of candidates."""

import re

from django.urls import reverse

from competentie.organisations.models import Membership
from selectie import services
from selectie.views.procedures import PROCEDURES_PER_PAGE

from ..factories import make_user
from .conftest import build_day


def listed(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)


def create(users, org_a, vth_profile, n):
    for number in range(1, n + 1):
        services.procedure_create(
            user=users["hr"], organisation=org_a, name=f"Procedure {number:02d}", profile=vth_profile
        )


def test_hr_sees_the_newest_procedures_first_and_the_older_ones_on_a_next_page(users, org_a, vth_profile, client_for):
    create(users, org_a, vth_profile, PROCEDURES_PER_PAGE + 3)
    client = client_for("hr")

    first = client.get(reverse("selectie:procedure-list")).content.decode()
    assert listed(first) == [f"Procedure {n:02d}" for n in range(PROCEDURES_PER_PAGE + 3, 3, -1)]
    assert "Pagina 1 van 2: de nieuwste procedures eerst." in first
    assert 'href="?pagina=2" rel="next">Oudere procedures' in first
    assert "Nieuwere procedures" not in first

    second = client.get(reverse("selectie:procedure-list"), {"pagina": 2}).content.decode()
    assert listed(second) == ["Procedure 03", "Procedure 02", "Procedure 01"]
    assert 'href="?pagina=1" rel="prev">Nieuwere procedures' in second

    # A page number that does not exist shows the last page instead of an error.
    assert listed(client.get(reverse("selectie:procedure-list"), {"pagina": "99"}).content.decode()) == listed(second)


def test_one_page_needs_no_page_navigation(users, org_a, vth_profile, client_for):
    create(users, org_a, vth_profile, 2)
    html = client_for("hr").get(reverse("selectie:procedure-list")).content.decode()
    assert listed(html) == ["Procedure 02", "Procedure 01"]
    assert "Bladeren door de procedures" not in html


def test_a_selecteur_sees_only_the_procedures_they_assess_in_with_their_candidate_counts(
    users, org_a, vth_profile, client_for
):
    other = make_user("sel-b", organisation=org_a, role=Membership.Role.SELECTEUR)
    build_day(hr=users["hr"], organisation=org_a, profile=vth_profile, assessors=[other], name="Niet de mijne")
    mine = build_day(
        hr=users["hr"], organisation=org_a, profile=vth_profile, assessors=[users["selecteur"]], candidates=4
    )
    html = client_for("selecteur").get(reverse("selectie:procedure-list")).content.decode()
    assert listed(html) == [mine.procedure.name]
    row = html[html.index(mine.procedure.name) :]
    assert re.search(r"<td>4</td>\s*</tr>", row), "the procedure's four candidates are counted"
    assert "u beoordeelt" in row

    hr = client_for("hr").get(reverse("selectie:procedure-list")).content.decode()
    assert listed(hr) == [mine.procedure.name, "Niet de mijne"]
    assert "u beoordeelt" not in hr


def test_a_procedure_without_candidates_shows_zero(users, org_a, vth_profile, client_for):
    create(users, org_a, vth_profile, 1)
    html = client_for("hr").get(reverse("selectie:procedure-list")).content.decode()
    assert re.search(r"<td>0</td>\s*</tr>", html)


def test_the_list_costs_the_same_for_3_and_40_procedures(
    users, org_a, vth_profile, client_for, django_assert_max_num_queries
):
    client = client_for("hr")
    create(users, org_a, vth_profile, 3)
    client.get(reverse("selectie:procedure-list"))  # warm up: the first read creates the session's rows
    with django_assert_max_num_queries(6) as small:
        client.get(reverse("selectie:procedure-list"))
    create(users, org_a, vth_profile, 37)
    # Expect 5 queries: session, user, memberships (3); the number of procedures and the page's procedures (2).
    with django_assert_max_num_queries(5) as large:
        client.get(reverse("selectie:procedure-list"))
    assert len(small.captured_queries) == len(large.captured_queries)
