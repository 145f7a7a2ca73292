"""Query budgets: the scoring screen and the calibration matrix cost the same at any size."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competentie.organisations.models import Membership
from selectie import services
from selectie.models import Assignment

from ..factories import make_user
from .conftest import build_day, score_all

pytestmark = pytest.mark.django_db


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def grow(users, org_a, vth_profile, candidates, assessors):
    """A procedure with n candidates, each scored and handed in by every assessor."""
    day = build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=vth_profile,
        assessors=assessors,
        candidates=candidates,
        assigned=candidates,
        name=f"Procedure {candidates}",
    )
    for candidate in day.candidates:
        for n, assessor in enumerate(assessors):
            score_all(day, assessor, candidate, value=1 + (n + candidate.number) % 5, submit=True)
    return day


def test_scoring_screen_costs_the_same_for_a_small_and_a_large_procedure(
    users, org_a, vth_profile, client_for, django_assert_max_num_queries
):
    selecteur = users["selecteur"]
    small = build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=vth_profile,
        assessors=[selecteur],
        candidates=1,
        assigned=1,
        name="Klein",
    )
    large = build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=vth_profile,
        assessors=[selecteur],
        candidates=12,
        assigned=12,
        name="Groot",
    )
    client = client_for("selecteur")
    # The read line names its object type; Django looks that up once per process, not per page.
    ContentType.objects.get_for_model(Assignment)
    sizes = []
    for day in (small, large):
        assignment = day.procedure.assignments.get(selecteur=selecteur, candidate=day.candidates[0], exercise=day.casus)
        score_all(day, selecteur, day.candidates[0])
        sizes.append(count(client, reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk])))
    assert sizes[0] == sizes[1]
    # Expect 16 queries: session, user, memberships (3); procedure, the selecteur's own assignment (2);
    # profile competencies (own or of its hoofdtaken), exercise competencies, indicators, scores, their
    # observed indicators (5); scale points, "handed in yet", the candidate's other exercises (3).
    # "2 van 3 compleet" is counted from the scores already read. The read line of the Logboek
    # Dataverwerkingen: lock the chain's head, write the line, move the head (3).
    with django_assert_max_num_queries(16):
        client.get(reverse("selectie:score-screen", args=[day.procedure.pk, assignment.pk]))


def test_calibration_matrix_costs_the_same_for_2_and_8_candidates(
    users, org_a, vth_profile, client_for, django_assert_max_num_queries
):
    assessors = [
        users["selecteur"],
        make_user("sel-b", organisation=org_a, role=Membership.Role.SELECTEUR),
        make_user("sel-c", organisation=org_a, role=Membership.Role.SELECTEUR),
    ]
    small = grow(users, org_a, vth_profile, 2, assessors)
    large = grow(users, org_a, vth_profile, 8, assessors)
    services.consensus_set(
        candidate=large.candidates[0], competency=large.competencies[0], user=users["hr"], value=3, rationale="r"
    )
    client = client_for("hr")
    sizes = [count(client, reverse("selectie:calibration", args=[d.procedure.pk])) for d in (small, large)]
    assert sizes[0] == sizes[1]
    # Expect 11 queries: session, user, memberships (3); procedure (1); "profile has own competencies",
    # profile competencies (2); candidates, submissions, assignments with their selecteurs, score
    # values, consensus scores (5); the read line in the audit log (lock the chain's head, write, move it: 3).
    with django_assert_max_num_queries(14):
        client.get(reverse("selectie:calibration", args=[large.procedure.pk]))


def test_insight_and_results_cost_the_same_at_two_sizes(users, org_a, vth_profile, client_for):
    assessors = [users["selecteur"], make_user("sel-b", organisation=org_a, role=Membership.Role.SELECTEUR)]
    small = grow(users, org_a, vth_profile, 2, assessors)
    large = grow(users, org_a, vth_profile, 6, assessors)
    client = client_for("hr")
    for name in ["selectie:insight", "selectie:results", "selectie:candidate-list", "selectie:procedure-list"]:
        args = [] if name == "selectie:procedure-list" else None
        sizes = [
            count(client, reverse(name, args=args if args is not None else [d.procedure.pk])) for d in (small, large)
        ]
        assert sizes[0] == sizes[1], name


def test_the_board_costs_the_same_for_2_and_8_candidates(
    users, org_a, vth_profile, client_for, django_assert_max_num_queries
):
    assessors = [users["selecteur"], make_user("sel-b", organisation=org_a, role=Membership.Role.SELECTEUR)]
    small = grow(users, org_a, vth_profile, 2, assessors)
    large = grow(users, org_a, vth_profile, 8, assessors)
    client = client_for("hr")
    for name in ["selectie:board", "selectie:board-live"]:
        sizes = [count(client, reverse(name, args=[d.procedure.pk])) for d in (small, large)]
        assert sizes[0] == sizes[1], name
    # Expect 17 queries: session, user, memberships (3); procedure (1); "is HR" (0–1, from the memberships
    # already read); "profile has own competencies", profile competencies (2); exercises and their
    # competencies (2); candidates, assignments, complete scores, submissions, score values, consensus
    # counts (6).
    with django_assert_max_num_queries(14):
        client.get(reverse("selectie:board-live", args=[large.procedure.pk]))


def test_the_meeting_costs_the_same_for_2_and_8_candidates(users, org_a, vth_profile, client_for):
    assessors = [users["selecteur"], make_user("sel-b", organisation=org_a, role=Membership.Role.SELECTEUR)]
    small = grow(users, org_a, vth_profile, 2, assessors)
    large = grow(users, org_a, vth_profile, 8, assessors)
    client = client_for("hr")
    sizes = [
        count(client, reverse("selectie:meeting-item", args=[d.procedure.pk, d.candidates[1].pk, d.competencies[2].pk]))
        for d in (small, large)
    ]
    assert sizes[0] == sizes[1]


def _autosave_queries(client, day, selecteur, field, value):
    assignment = day.procedure.assignments.get(selecteur=selecteur, candidate=day.candidates[0], exercise=day.casus)
    competency = day.casus.competencies.order_by("pk").first()
    url = reverse("selectie:score-autosave", args=[day.procedure.pk, assignment.pk])
    client.post(url, {"field": f"value-{competency.pk}", "value": "2"})  # the score exists from here on
    with CaptureQueriesContext(connection) as context:
        response = client.post(url, {"field": f"{field}-{competency.pk}", "value": value})
    assert response.status_code == 200, response.content
    # Statements that read or write data; transaction control (BEGIN IMMEDIATE and COMMIT on SQLite,
    # a savepoint inside the test's transaction) is not a query of the page.
    control = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")
    return len([q for q in context.captured_queries if not q["sql"].upper().startswith(control)])


@pytest.mark.parametrize("field,value", [("value", "3"), ("evidence", "Vat samen en vraagt door.")])
def test_score_autosave_touches_five_queries_for_a_small_and_a_large_procedure(
    users, org_a, vth_profile, client_for, field, value
):
    selecteur = users["selecteur"]
    client = client_for("selecteur")
    sizes = []
    for n, candidates in enumerate((1, 12)):
        day = build_day(
            hr=users["hr"],
            organisation=org_a,
            profile=vth_profile,
            assessors=[selecteur],
            candidates=candidates,
            assigned=candidates,
            name=f"Procedure {n}",
        )
        sizes.append(_autosave_queries(client, day, selecteur, field, value))
    # Session, user, memberships (3); the assignment locked, read with everything the checks need: the
    # user's own, in a procedure of their organisation, scoring open, not handed in, the exercise observes
    # the competency, the value on the scale, the score's key (1); the change (1). Was 15 (procedure, "is
    # assigned", assignment, competency, the assignment locked again, submission, exercise, "observes",
    # score, scale point, criteria version, update).
    assert sizes == [5, 5]


def test_the_candidate_page_costs_the_same_for_2_and_8_candidates(
    users, org_a, vth_profile, client_for, django_assert_max_num_queries
):
    days = [grow(users, org_a, vth_profile, size, [users["selecteur"]]) for size in (2, 8)]
    client = client_for("hr")
    counts = []
    for day in days:
        url = reverse("selectie:candidate-detail", args=[day.procedure.pk, day.candidates[0].pk])
        client.get(url)
        counts.append(count(client, url))
    assert counts[0] == counts[1], counts
    # Session, user, memberships (3); procedure, the candidate with its personal data (2), the panel and
    # the candidate's history (2); the read line of the Logboek Dataverwerkingen (3).
    with django_assert_max_num_queries(10):
        client.get(url)
