"""The generated medewerkers data of `manage.py generate_municipality` (bench/generate/medewerkers.py), on SQLite:
a team on a 12-competency profile (50 people at full size, 5 at the small one) and a team on the VTH roles,
each in a cycle with every assessment handed in and most conversations agreed."""

import random

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench import pages as bench_pages
from bench.generate import medewerkers as medewerkers_generate
from bench.generate.frameworks import generate_frameworks
from competentie.people.models import Employee
from frameworks.models import ProfileCompetency, ScalePoint
from medewerkers.models import Assessment, AssessmentCycle, AssessmentScore, Conversation

pytestmark = pytest.mark.django_db


def run(*, scale: float, prefix: str = "", seed: int = 5):
    rng = random.Random(seed)
    base = generate_frameworks(
        rng=rng,
        organisation_name=f"Gemeente {prefix or 'Proef'}",
        frameworks=1,
        competencies_per_framework=30,
        profiles_per_framework=2,
        selecteurs=2,
        hr=1,
        management=1,
        user_prefix=prefix,
    )
    summary, manifest = medewerkers_generate.generate(base=base, rng=rng, scale=scale)
    return base, summary, manifest


def test_the_small_scale_makes_two_teams_of_five_with_every_assessment_handed_in(seeded):
    base, summary, _manifest = run(scale=0.02)
    employees = Employee.objects.filter(organisation=base.organisation).select_related("team", "profile__framework")
    by_team = {}
    for employee in employees:
        by_team.setdefault(employee.team.name, []).append(employee)
    assert sorted(by_team) == ["Team Toezicht", "Team Vergunningen"]
    assert len(by_team["Team Vergunningen"]) == 5 and len(by_team["Team Toezicht"]) == 5
    [profile] = {e.profile for e in by_team["Team Vergunningen"]}
    assert ProfileCompetency.objects.filter(profile=profile).count() == 12
    assert profile.framework.organisation == base.organisation and profile.framework.is_frozen
    assert {e.profile.framework.name for e in by_team["Team Toezicht"]} == {"VTH competentieprofielen"}
    assert len({e.profile_id for e in by_team["Team Toezicht"]}) == 5  # one of each VTH role

    cycles = AssessmentCycle.objects.filter(organisation=base.organisation)
    assert cycles.count() == 2
    assessments = Assessment.objects.filter(cycle__in=cycles)
    assert assessments.count() == 2 * 10 and not assessments.filter(submitted_at__isnull=True).exists()
    for assessment in assessments.select_related("employee", "cycle"):
        expected = ProfileCompetency.objects.filter(profile=assessment.employee.profile_id).count()
        scores = AssessmentScore.objects.filter(assessment=assessment)
        assert scores.count() == expected and not scores.filter(value__isnull=True).exists()
        points = set(ScalePoint.objects.filter(scale=assessment.cycle.scale_id).values_list("value", flat=True))
        assert set(scores.values_list("value", flat=True)) <= points
    conversations = Conversation.objects.filter(cycle__in=cycles)
    recorded = conversations.filter(recorded_at__isnull=False)
    assert recorded.exists() and not conversations.filter(frozen_at__isnull=False, recorded_at__isnull=True).exists()
    for conversation in recorded.select_related("employee"):
        assert conversation.items.count() == conversation.employee.profile.profile_competencies.count()
    assert summary.startswith("10 medewerkers in 2 teams (5 op een profiel met 12 competenties")


def test_the_full_size_team_is_50_people_by_12_competencies(seeded):
    base, summary, _manifest = run(scale=1.0)
    team = Employee.objects.filter(organisation=base.organisation, team__name="Team Vergunningen")
    assert team.count() == 50
    assert ProfileCompetency.objects.filter(profile=team.first().profile_id).count() == 12
    assert "50 op een profiel met 12 competenties, 25 op 5 VTH-rollen" in summary


def test_the_manifest_pages_open_and_cost_the_same_queries_for_5_and_50(seeded):
    users = {}
    counts = {}
    for prefix, scale in (("klein-", 0.02), ("groot-", 1.0)):
        _base, _summary, manifest = run(scale=scale, prefix=prefix)
        users.update({user.username: user for user in get_user_model().objects.all()})
        assert set(manifest["medewerkers"]) == {"team", "roles"}
        for key, entries in manifest["medewerkers"].items():
            for entry in entries:
                client = Client()
                client.force_login(users[entry["username"]])
                client.get(entry["url"])  # warm: the first read line of a kind looks up its content type once
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(entry["url"])
                assert response.status_code == 200, (key, entry)
                counts.setdefault((key, entry["username"].removeprefix(prefix)), []).append(len(queries))
        html = response.content.decode()  # the manager's role overview
        assert "Toezichthouder en handhaver" in html and " / 4" in html
    assert all(small == large for small, large in counts.values()), counts


def test_the_benchmark_lists_the_team_overview_and_the_role_overview(monkeypatch):
    manifest = {
        "users": {"hr": ["hr001"]},
        "frameworks": [1],
        "profiles": [2],
        "selectie": {
            "scoring": {"selecteur001": [{"screen": "/s/", "save": "/o/", "save_data": [{"field": "evidence-1"}]}]},
            "calibration": [{"username": "hr001", "url": "/selectie/3/kalibratie/"}],
        },
        "zelfevaluatie": {key: [{"username": "mt001", "url": f"/{key}/"}] for key in ("overview", "round", "team")},
        "medewerkers": {
            "team": [{"username": "hr001", "url": "/medewerkers/cycli/4/team/"}],
            "roles": [{"username": "hr001", "url": "/medewerkers/per-rol/"}],
        },
    }
    monkeypatch.setattr(bench_pages, "_candidate_with_revisions", lambda procedure_id: 9)
    found = {page.name: page for page in bench_pages.pages(manifest)}
    assert found["team-overview"].url == "/medewerkers/cycli/4/team/"
    assert found["role-overview"].url == "/medewerkers/per-rol/"
    assert found["team-overview"].target == found["role-overview"].target == bench_pages.HTML_TARGET
