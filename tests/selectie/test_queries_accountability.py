"""Query budgets of issue 28's pages: the same number of queries for 2 and 6 candidates.

Each page is read twice (the first visit of a calibration page writes the first sight of
colleagues' scores; a second visit only checks it), and the dossier's reads are counted directly.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competentie.organisations.models import Membership
from selectie import selectors, services
from selectie.models import FairnessInvitation

from ..factories import make_user
from .test_queries import count, grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def sizes(users, org_a, vth_profile):
    assessors = [users["selecteur"], make_user("sel-b", organisation=org_a, role=Membership.Role.SELECTEUR)]
    services.fairness_setup_save(organisation=org_a, characteristics=["gender", "age"])
    days = []
    for size in (2, 6):
        day = grow(users, org_a, vth_profile, size, assessors)
        for candidate in day.candidates:
            competency = day.competencies[0]
            services.consensus_set(candidate=candidate, competency=competency, user=users["hr"], value=3, rationale="r")
            token = services.fairness_invitation_create(candidate=candidate)
            invitation = FairnessInvitation.objects.get(token_hash=services.token_hash(token))
            services.fairness_answers_save(invitation=invitation, answers={"gender": "vrouw"})
        case = services.practice_case_save(procedure=day.procedure, title="Casus", description="Vat samen.")
        services.practice_expert_save(case=case, values={day.competencies[0].pk: 3}, indicators={})
        for assessor in assessors:
            services.practice_rate(case=case, user=assessor, values={day.competencies[0].pk: 2}, indicators={})
        day.case = case
        days.append(day)
    return days


PAGES = [
    ("selectie:criteria", lambda d: [d.procedure.pk]),
    ("selectie:fairness", lambda d: [d.procedure.pk]),
    ("selectie:fairness-csv", lambda d: [d.procedure.pk]),
    ("selectie:practice-cases", lambda d: [d.procedure.pk]),
    ("selectie:practice-case", lambda d: [d.procedure.pk, d.case.pk]),
    ("selectie:insight", lambda d: [d.procedure.pk]),
    ("selectie:calibration", lambda d: [d.procedure.pk]),
    ("selectie:calibration-candidate", lambda d: [d.procedure.pk, d.candidates[0].pk]),
    ("selectie:letter", lambda d: [d.procedure.pk, d.candidates[0].pk]),
]


@pytest.mark.parametrize("name,args", PAGES, ids=[name for name, _args in PAGES])
def test_each_new_page_costs_the_same_for_2_and_6_candidates(sizes, client_for, name, args):
    client = client_for("hr")
    counts = []
    for day in sizes:
        url = reverse(name, args=args(day))
        client.get(url)
        counts.append(count(client, url))
    assert counts[0] == counts[1], (name, counts)


def test_the_selecteurs_practice_pages_cost_the_same_for_2_and_6_candidates(sizes, client_for):
    client = client_for("selecteur")
    for name, args in [
        ("selectie:practice", lambda d: [d.procedure.pk]),
        ("selectie:practice-rate", lambda d: [d.procedure.pk, d.case.pk]),
    ]:
        counts = [count(client, reverse(name, args=args(day))) for day in sizes]
        assert counts[0] == counts[1], (name, counts)


def test_the_dossier_reads_the_same_number_of_queries_for_2_and_6_candidates(sizes):
    counts = []
    for day in sizes:
        with CaptureQueriesContext(connection) as context:
            data = selectors.dossier(procedure=day.procedure)
            selectors.fairness_report(procedure=day.procedure)
            [len(s["items"]) for s in data["sections"]]
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize(
    "name,args",
    [
        ("selectie:calibration-candidate", lambda d: [d.procedure.pk, d.candidates[0].pk]),
        ("selectie:meeting-item", lambda d: [d.procedure.pk, d.candidates[0].pk, d.competencies[0].pk]),
    ],
    ids=["calibration-candidate", "meeting-item"],
)
def test_one_candidates_consensus_pages_read_the_procedure_and_the_hand_ins_once(sizes, client_for, name, args):
    """The candidate carries the procedure the view fetched, and the hand-ins the access check read
    are the ones the blocks use: no second query for either."""
    client = client_for("hr")
    url = reverse(name, args=args(sizes[1]))
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    sql = [query["sql"] for query in context.captured_queries]
    procedure_reads = [query for query in sql if query.startswith('SELECT "selectie_selectionprocedure".')]
    hand_in_reads = [query for query in sql if query.startswith('SELECT "selectie_submission".')]
    assert len(procedure_reads) == 1, "\n".join(procedure_reads)
    assert len(hand_in_reads) == 1, "\n".join(hand_in_reads)
