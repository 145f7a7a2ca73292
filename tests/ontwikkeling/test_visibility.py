"""A participant's answers and growth: the participant and their own coach only.

The programme team (HR) designs and sees cohort aggregates, never one person's answers; another
coach of the same organisation sees nothing of participants they do not coach.
"""

import pytest
from django.urls import reverse

from competentie.organisations.models import Membership

from ..factories import make_user
from .conftest import build_cohort, fill_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(programme):
    cohort, coach, participants = build_cohort(programme, size=2)
    fill_in(participants[0], "voormeting", level_index=0)
    fill_in(participants[0], "einde", level_index=2)
    return cohort, coach, participants


def test_the_participant_sees_their_own_growth_chart(client, cohort):
    _cohort, _coach, (alice, _bob) = cohort
    client.force_login(alice.user)
    response = client.get(reverse("ontwikkeling:participant-detail", args=[alice.pk]))
    assert response.status_code == 200
    assert b'class="growth-chart"' in response.content
    assert response.context["growth"].rows[0].change == 2


def test_the_coach_sees_the_growth_of_a_participant_they_coach(client, cohort):
    _cohort, coach, (alice, _bob) = cohort
    client.force_login(coach)
    response = client.get(reverse("ontwikkeling:participant-detail", args=[alice.pk]))
    assert response.status_code == 200
    assert b'class="growth-chart"' in response.content


def test_another_coach_of_the_same_organisation_is_refused(client, cohort, org_a):
    _cohort, _coach, (alice, _bob) = cohort
    other = make_user("andere_coach", organisation=org_a, role=Membership.Role.BEGELEIDER)
    client.force_login(other)
    assert client.get(reverse("ontwikkeling:participant-detail", args=[alice.pk])).status_code == 403


def test_a_fellow_participant_cannot_open_someone_elses_results_or_questionnaire(client, cohort):
    _cohort, _coach, (alice, bob) = cohort
    client.force_login(bob.user)
    assert client.get(reverse("ontwikkeling:participant-detail", args=[alice.pk])).status_code == 403
    assert client.get(reverse("ontwikkeling:measurement", args=[alice.pk, "einde"])).status_code == 403
    assert client.get(reverse("ontwikkeling:plan", args=[alice.pk])).status_code == 403


def test_the_programme_team_does_not_see_one_participants_answers(client_as, cohort):
    _cohort, _coach, (alice, _bob) = cohort
    client = client_as("hr")
    assert client.get(reverse("ontwikkeling:participant-detail", args=[alice.pk])).status_code == 403
    assert client.get(reverse("ontwikkeling:measurement", args=[alice.pk, "voormeting"])).status_code == 403


def test_the_coach_reads_but_does_not_fill_in_the_questionnaire(client, cohort):
    _cohort, coach, (alice, _bob) = cohort
    client.force_login(coach)
    assert client.get(reverse("ontwikkeling:measurement", args=[alice.pk, "einde"])).status_code == 403


def test_participants_and_coaches_cannot_open_cohort_results_or_design_pages(client, cohort, programme):
    cohort, coach, (alice, _bob) = cohort
    for user in (alice.user, coach):
        client.force_login(user)
        assert client.get(reverse("ontwikkeling:cohort-results", args=[cohort.pk])).status_code == 403
        assert client.get(reverse("ontwikkeling:step", args=[programme.pk, 1])).status_code == 403
        assert client.get(reverse("ontwikkeling:programme-detail", args=[programme.pk])).status_code == 200


def test_other_members_of_the_organisation_do_not_see_the_programme(client_as, programme):
    response = client_as("selecteur").get(reverse("ontwikkeling:programme-detail", args=[programme.pk]))
    assert response.status_code == 403
    assert programme.name not in client_as("selecteur").get(reverse("ontwikkeling:programme-list")).content.decode()


def test_another_organisation_finds_nothing(client_as, cohort, programme):
    _cohort, _coach, (alice, _bob) = cohort
    client = client_as("outsider")
    assert client.get(reverse("ontwikkeling:programme-detail", args=[programme.pk])).status_code == 404
    assert client.get(reverse("ontwikkeling:participant-detail", args=[alice.pk])).status_code == 404


def test_the_cohort_export_holds_no_single_participant(client_as, cohort):
    cohort, _coach, (alice, _bob) = cohort
    client = client_as("hr")
    for name in ("ontwikkeling:cohort-results-json", "ontwikkeling:cohort-results-csv"):
        body = client.get(reverse(name, args=[cohort.pk])).content.decode()
        assert alice.user.username not in body
