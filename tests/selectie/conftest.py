"""A small selection day on the seeded VTH profile "Vergunningverlener".

Two exercises (interview and casus), three candidates; "selecteur" and "selecteur2" assess
K-001 and K-002 in both exercises; "selecteur3" is a selecteur of the organisation without
assignments. K-003 has nobody yet.
"""

from types import SimpleNamespace

import pytest

from competentie.organisations.models import Membership
from frameworks.models import Profile
from selectie import selectors, services
from selectie.models import SelectionProcedure

from ..factories import make_user


@pytest.fixture
def vth_profile(seeded):
    return Profile.objects.get(
        name="Vergunningverlener", framework__name="VTH competentieprofielen", framework__organisation__isnull=True
    )


@pytest.fixture
def selecteurs(users, org_a):
    return {
        "selecteur": users["selecteur"],
        "selecteur2": make_user("selecteur2", organisation=org_a, role=Membership.Role.SELECTEUR),
        "selecteur3": make_user("selecteur3", organisation=org_a, role=Membership.Role.SELECTEUR),
    }


def build_day(*, hr, organisation, profile, assessors, candidates=3, assigned=2, name="Vergunningverlener 2026"):
    procedure = services.procedure_create(user=hr, organisation=organisation, name=name, profile=profile)
    competencies = selectors.procedure_competencies(procedure=procedure)
    interview = services.exercise_create(procedure=procedure, name="Interview", competencies=competencies[:3])
    casus = services.exercise_create(procedure=procedure, name="Casus", kind="casus", competencies=competencies[2:])
    people = [
        services.candidate_create(
            procedure=procedure, name=f"Persoon {n}", email=f"persoon{n}@example.nl", notes="Via netwerk"
        )
        for n in range(1, candidates + 1)
    ]
    services.assignments_create(
        procedure=procedure, selecteurs=assessors, candidates=people[:assigned], exercises=[interview, casus]
    )
    procedure = services.procedure_transition(procedure=procedure, user=hr, status=SelectionProcedure.Status.OPEN)
    return SimpleNamespace(
        procedure=procedure,
        competencies=competencies,
        interview=interview,
        casus=casus,
        candidates=people,
        exercises=[interview, casus],
    )


@pytest.fixture
def day(users, org_a, vth_profile, selecteurs):
    return build_day(
        hr=users["hr"],
        organisation=org_a,
        profile=vth_profile,
        assessors=[selecteurs["selecteur"], selecteurs["selecteur2"]],
    )


def score_all(day, user, candidate, value=3, values=None, evidence="Vraagt door naar de belangen.", submit=False):
    """Give every observed competency a score (values: competency name -> value overrides)."""
    values = values or {}
    for assignment in day.procedure.assignments.filter(selecteur=user, candidate=candidate).select_related(
        "exercise", "procedure"
    ):
        for competency in assignment.exercise.competencies.all():
            services.score_save(
                assignment=assignment,
                competency=competency,
                user=user,
                value=values.get(competency.name, value),
                evidence=evidence,
            )
    if submit:
        services.candidate_submit(candidate=candidate, user=user)


@pytest.fixture
def client_for(selecteurs, client_as):
    from django.test import Client

    def login(persona: str) -> Client:
        if persona in selecteurs and persona != "selecteur":
            client = Client()
            client.force_login(selecteurs[persona])
            return client
        return client_as(persona)

    return login
