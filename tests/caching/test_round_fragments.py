"""The growth chart of the self-evaluation overview is kept in the cache per framework line
(zelfevaluatie/fragments.py) and drawn afresh on the request after an agreed score or a period changes;
the overview lists the newest rounds, older ones a page further."""

import re

import pytest
from django.urls import reverse

from frameworks.models import Framework
from zelfevaluatie import services
from zelfevaluatie.models import ProfileConclusion
from zelfevaluatie.views import rounds as round_views

from ..zelfevaluatie.conftest import score_everything, start_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def vth(seeded):
    return Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")


@pytest.fixture
def line(vth, org_a, users):
    """A finished round (everything agreed at 2) and an open one after it (agreed at 3)."""
    finished = start_round(org_a, users["mt"], vth, period="2023–2024")
    score_everything(finished, score=2)
    services.round_advance(round=finished)
    current = start_round(org_a, users["mt"], vth, period="2025–2026")
    score_everything(current, score=3)
    return finished, current


def _overview(client, **params) -> str:
    response = client.get(reverse("zelfevaluatie:round-list"), params)
    assert response.status_code == 200
    return response.content.decode()


def _growth_row(page: str, profile_name: str) -> list[str]:
    table = page[page.index('class="table table-sm growth-table"') :]
    table = table[: table.index("</table>")]
    row = re.search(rf"<tr><th scope=\"row\">{re.escape(profile_name)}</th>(.*?)</tr>", table)
    assert row, profile_name
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_a_changed_agreed_score_appears_in_the_growth_chart_on_the_next_request(line, client_as, users):
    finished, current = line
    client = client_as("mt")
    assert _growth_row(_overview(client), "Casemanager") == ["2", "3"]
    profile = current.round_profiles.get(profile__name="Casemanager").profile
    conclusion = ProfileConclusion.objects.get(round=current, profile=profile)
    services.conclusion_save(
        round=current,
        profile=profile,
        agreed_score=5,
        justification="Opnieuw besproken.",
        user=users["mt"],
        revision=conclusion.revision,
    )
    assert _growth_row(_overview(client), "Casemanager") == ["2", "5"]


def test_a_changed_period_appears_in_the_growth_chart_on_the_next_request(line, client_as):
    _finished, current = line
    client = client_as("mt")
    assert "2025–2026</text>" in _overview(client)
    services.round_update(round=current, period="Najaar 2025", contact_name="", contact_function="")
    page = _overview(client)
    assert "Najaar 2025</text>" in page and "2025–2026</text>" not in page


def test_a_finished_line_is_drawn_from_the_cache(line, client_as, django_assert_max_num_queries):
    finished, current = line
    services.round_advance(round=current)
    client = client_as("mt")
    first = _overview(client)
    # Behind the cache's back (no service does this, a finished round never changes): the stored chart shows.
    ProfileConclusion.objects.filter(round=finished).update(agreed_score=4)
    # Session, user, memberships, the overview's rounds, the listed rounds, the chart (one read), "may start
    # a round?", rounds reviewed for others.
    with django_assert_max_num_queries(8):
        second = _overview(client)
    assert _growth_row(second, "Casemanager") == _growth_row(first, "Casemanager") == ["2", "3"]


def test_the_overview_lists_the_newest_rounds_and_pages_to_older_ones(vth, org_a, users, client_as, monkeypatch):
    monkeypatch.setattr(round_views, "ROUNDS_PER_PAGE", 2)
    for period in ["2019–2020", "2021–2022", "2023–2024"]:
        round = start_round(org_a, users["mt"], vth, period=period)
        score_everything(round, score=2)
        services.round_advance(round=round)
    client = client_as("mt")
    newest = _overview(client)
    assert ">2023–2024</a>" in newest and ">2021–2022</a>" in newest and ">2019–2020</a>" not in newest
    assert "Oudere rondes" in newest and "Nieuwere rondes" not in newest
    older = _overview(client, pagina=2)
    assert ">2019–2020</a>" in older and ">2021–2022</a>" not in older
    assert "Nieuwere rondes" in older
    # The chart covers the whole line on every page.
    for page in (newest, older):
        assert "2019–2020</text>" in page and "2023–2024</text>" in page
