"""Every selectie URL as every persona: who gets in, who gets a 403, who gets "not found"."""

import pytest
from django.urls import reverse

from selectie import services
from selectie.models import Score

from .conftest import score_all

pytestmark = pytest.mark.django_db


def urls(day, selecteur):
    """(kind, method, url) for every selectie URL, aimed at the given selecteur's own work."""
    p = day.procedure
    candidate = day.candidates[0]
    assignment = p.assignments.get(selecteur=selecteur, candidate=candidate, exercise=day.interview)
    score = Score.objects.filter(assignment=assignment).first()
    case = p.practice_cases.first() or services.practice_case_save(
        procedure=p, title="Oefencasus", description="Vat samen."
    )
    token = services.fairness_invitation_create(candidate=candidate)
    return [
        ("list", "get", reverse("selectie:procedure-list")),
        ("hr", "get", reverse("selectie:procedure-create")),
        ("member", "get", reverse("selectie:procedure-detail", args=[p.pk])),
        ("hr", "get", reverse("selectie:procedure-update", args=[p.pk])),
        ("hr", "post", reverse("selectie:procedure-transition", args=[p.pk])),
        ("hr", "get", reverse("selectie:exercise-matrix", args=[p.pk])),
        ("hr", "get", reverse("selectie:exercise-create", args=[p.pk])),
        ("hr", "get", reverse("selectie:exercise-delete", args=[p.pk, day.interview.pk])),
        ("hr", "get", reverse("selectie:candidate-list", args=[p.pk])),
        ("hr", "get", reverse("selectie:candidate-create", args=[p.pk])),
        ("hr", "get", reverse("selectie:candidate-import", args=[p.pk])),
        ("hr", "get", reverse("selectie:candidate-detail", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:candidate-purge", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:assignment-list", args=[p.pk])),
        ("hr", "get", reverse("selectie:assignment-delete", args=[p.pk, assignment.pk])),
        ("hr", "get", reverse("selectie:insight", args=[p.pk])),
        ("hr", "get", reverse("selectie:board", args=[p.pk])),
        ("hr", "get", reverse("selectie:board-live", args=[p.pk])),
        ("hr", "redirect", reverse("selectie:meeting", args=[p.pk])),
        ("hr", "redirect", reverse("selectie:meeting-candidate", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:meeting-item", args=[p.pk, candidate.pk, day.competencies[0].pk])),
        ("hr", "get", reverse("selectie:results", args=[p.pk])),
        ("hr", "get", reverse("selectie:decision", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:candidate-pdf", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:procedure-pdf", args=[p.pk])),
        ("member", "get", reverse("selectie:calibration", args=[p.pk])),
        ("own", "get", reverse("selectie:score-screen", args=[p.pk, assignment.pk])),
        ("own", "post", reverse("selectie:score-autosave", args=[p.pk, assignment.pk])),
        ("own", "get", reverse("selectie:candidate-submit", args=[p.pk, candidate.pk])),
        ("submitted", "get", reverse("selectie:calibration-candidate", args=[p.pk, candidate.pk])),
        ("score", "get", reverse("selectie:score-revise", args=[p.pk, score.pk])),
        # Issue 28: criteria, dossier, letters, fairness and practice.
        ("hr", "get", reverse("selectie:criteria", args=[p.pk])),
        ("hr", "get", reverse("selectie:dossier", args=[p.pk])),
        ("build", "get", reverse("selectie:dossier-build", args=[p.pk, "00000000-0000-0000-0000-000000000000"])),
        ("hr", "get", reverse("selectie:letter", args=[p.pk, candidate.pk])),
        ("hr", "post", reverse("selectie:letter-send", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:letter-pdf", args=[p.pk, candidate.pk])),
        ("hr", "get", reverse("selectie:fairness", args=[p.pk])),
        ("hr", "post", reverse("selectie:fairness-invite", args=[p.pk])),
        ("hr", "get", reverse("selectie:fairness-csv", args=[p.pk])),
        ("hr", "get", reverse("selectie:fairness-pdf", args=[p.pk])),
        ("hr_org", "get", reverse("selectie:fairness-organisation")),
        ("public", "get", reverse("selectie:fairness-form", args=[token])),
        ("hr", "get", reverse("selectie:practice-cases", args=[p.pk])),
        ("hr", "get", reverse("selectie:practice-case", args=[p.pk, case.pk])),
        ("member", "get", reverse("selectie:practice", args=[p.pk])),
        ("member", "get", reverse("selectie:practice-rate", args=[p.pk, case.pk])),
    ]


@pytest.fixture
def scored_day(day, selecteurs):
    score_all(day, selecteurs["selecteur"], day.candidates[0], submit=True)
    score_all(day, selecteurs["selecteur2"], day.candidates[0], submit=True)
    return day


def fetch(client, method, url):
    if method == "post":
        return client.post(url, {"field": "value", "value": "3", "competency": "0", "status": "nonsense"})
    return client.get(url)


def test_anonymous_visitor_is_sent_to_the_login_page_everywhere(client, scored_day, selecteurs):
    for kind, method, url in urls(scored_day, selecteurs["selecteur"]):
        response = fetch(client, method, url)
        if kind == "public":  # the candidate's own link: no account
            assert response.status_code == 200, url
            continue
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


@pytest.mark.parametrize("persona", ["outsider", "nobody"])
def test_user_of_another_organisation_finds_nothing(client_for, persona, scored_day, selecteurs):
    client = client_for(persona)
    for kind, method, url in urls(scored_day, selecteurs["selecteur"]):
        response = fetch(client, method, url)
        if kind == "list":
            assert response.status_code == 200
            assert "Vergunningverlener 2026" not in response.content.decode()
        elif kind == "hr" and url == reverse("selectie:procedure-create") or kind == "hr_org":
            assert response.status_code == (200 if persona == "outsider" else 403), url
            assert "Aadorp" not in response.content.decode(), url
        elif kind == "public":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 404, url


@pytest.mark.parametrize("persona", ["mt", "beheerder", "selecteur3"])
def test_member_without_hr_role_or_assignment_gets_403_on_hr_pages_and_404_elsewhere(
    client_for, persona, scored_day, selecteurs
):
    client = client_for(persona)
    for kind, method, url in urls(scored_day, selecteurs["selecteur"]):
        response = fetch(client, method, url)
        if kind == "list":
            assert "Vergunningverlener 2026" not in response.content.decode()
        elif kind in {"hr", "hr_org", "build"}:
            assert response.status_code == 403, url
        elif kind == "public":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 404, url


def test_assigned_selecteur_opens_own_work_but_no_hr_page(client_for, scored_day, selecteurs):
    client = client_for("selecteur")
    for kind, method, url in urls(scored_day, selecteurs["selecteur"]):
        response = fetch(client, method, url)
        if kind in {"hr", "hr_org", "build"}:
            assert response.status_code == 403, url
        elif kind == "own" and method == "post":
            assert response.status_code == 400, url  # competency 0: refused, but the URL is theirs
        else:
            assert response.status_code == 200, url
    assert "Vergunningverlener 2026" in client.get(reverse("selectie:procedure-list")).content.decode()


def test_selecteur_cannot_open_a_colleagues_assignment_or_score_by_url(client_for, scored_day, selecteurs):
    client = client_for("selecteur2")
    for kind, method, url in urls(scored_day, selecteurs["selecteur"]):
        if kind in {"own", "score"} and "indienen" not in url:
            assert fetch(client, method, url).status_code == 404, url


def test_selecteur_cannot_open_an_unassigned_candidate(client_for, day):
    unassigned = day.candidates[2]
    client = client_for("selecteur")
    for name in ["selectie:candidate-submit", "selectie:calibration-candidate"]:
        assert client.get(reverse(name, args=[day.procedure.pk, unassigned.pk])).status_code == 404


def test_every_selectie_url_is_in_the_walk(scored_day, selecteurs):
    from selectie.urls import urlpatterns

    walked = {url for _kind, _method, url in urls(scored_day, selecteurs["selecteur"])}
    from django.urls import resolve

    assert {resolve(url).url_name for url in walked} == {pattern.name for pattern in urlpatterns}


def test_hr_opens_every_page(client_for, scored_day, selecteurs):
    client = client_for("hr")
    for kind, method, url in urls(scored_day, selecteurs["selecteur"]):
        response = fetch(client, method, url)
        if kind == "own":
            assert response.status_code == 404, url  # HR does not score on a selecteur's behalf
        elif kind == "build":
            assert response.status_code == 404, url  # no such build (the tests keep no task results)
        elif method in {"post", "redirect"}:
            assert response.status_code == 302, url
        else:
            assert response.status_code == 200, url
