""" "Mijn werk" for a development programme: each role finds concrete work with its deadline, and the
home page costs the same queries for a cohort of 5 and of 50."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from competentie.organisations.models import Membership
from ontwikkeling import services
from ontwikkeling.models import MeasurementWindow, Rater

from ..factories import make_user
from .conftest import build_cohort, fill_in
from .test_effect_report import hand_in

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def windows(cohort):
    """The voormeting closed (deadline passed), halfway open for a week more, the end still to come."""
    services.windows_save(
        cohort=cohort,
        windows={
            "voormeting": (TODAY - timedelta(days=30), TODAY - timedelta(days=10)),
            "halverwege": (TODAY - timedelta(days=3), TODAY + timedelta(days=7)),
            "einde": (TODAY + timedelta(days=60), TODAY + timedelta(days=74)),
        },
    )


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def cohort(programme):
    cohort, coach, participants = build_cohort(programme, size=4)
    windows(cohort)
    fill_in(participants[1], "voormeting")  # in progress: halfway still open
    fill_in(participants[2], "voormeting")
    fill_in(participants[2], "halverwege")  # handed in everything that is open
    fill_in(participants[3], "halverwege")  # voormeting missed: overdue
    return cohort


def test_a_participant_sees_each_open_and_overdue_measurement_with_its_deadline_and_one_click(client, cohort):
    participant = cohort.participants.get(user__username="deelnemer_0")
    html = home(client, participant.user)
    assert 'data-werk="ontwikkeling"' in html and "Mijn metingen" in html
    assert reverse("ontwikkeling:measurement", args=[participant.pk, "halverwege"]) in html
    assert f"uiterlijk {(TODAY + timedelta(days=7)):%-d}" in html
    assert reverse("ontwikkeling:measurement", args=[participant.pk, "voormeting"]) in html and "Te laat" in html
    # What is not open yet is not offered.
    assert reverse("ontwikkeling:measurement", args=[participant.pk, "einde"]) not in html


def test_a_participant_with_nothing_open_is_told_when_the_next_one_opens(client, cohort):
    participant = cohort.participants.get(user__username="deelnemer_2")
    html = home(client, participant.user)
    assert "Nu staat er niets open. Uw volgende meting, aan het einde van het programma, gaat open op" in html


def test_a_participant_not_yet_in_a_cohort_is_told_what_will_appear(client, org_a, programme):
    user = make_user("nieuw", organisation=org_a, role=Membership.Role.DEELNEMER)
    html = home(client, user)
    assert "Zodra het programmateam u uitnodigt, ziet u hier uw metingen met hun deadline." in html


def test_the_coach_sees_every_participant_with_their_status(client, cohort):
    coach = cohort.participants.first().coach
    html = home(client, coach)
    assert 'data-werk="begeleiden"' in html
    for name, status in [
        ("deelnemer_0", "Te laat"),
        ("deelnemer_1", "Bezig"),
        ("deelnemer_2", "Ingeleverd"),
        ("deelnemer_3", "Te laat"),
    ]:
        row = html.split(f">{name}</a>")[1].split("</li>")[0]
        assert status in row, (name, row)


def test_a_coach_without_participants_is_told_what_will_appear(client, org_a, programme):
    coach = make_user("coach_zonder", organisation=org_a, role=Membership.Role.BEGELEIDER)
    assert "U begeleidt nog geen deelnemers. Zodra het programmateam u aan een deelnemer koppelt" in home(client, coach)


def test_the_coach_sees_not_started_before_anything_is_due(client, programme):
    cohort, coach, _participants = build_cohort(programme, size=1, prefix="later")
    services.windows_save(cohort=cohort, windows={"voormeting": (TODAY + timedelta(days=5), TODAY + timedelta(days=9))})
    assert "Nog niet begonnen" in home(client, coach)


def test_the_programme_team_sees_the_cohorts_progress(client_as, cohort):
    html = client_as("hr").get(reverse("home")).content.decode()
    assert 'data-werk="voortgang"' in html
    assert "Halverwege het programma: 2 van 4 ingeleverd" in html
    assert "Te laat: 2 · Bezig: 1 · Ingeleverd: 1" in html or all(
        part in html for part in ("Te laat: 2", "Bezig: 1", "Ingeleverd: 1")
    )
    # No names of participants on the team's home page.
    assert "deelnemer_0" not in html


def test_the_manager_sees_the_follow_up_to_answer(client, programme, org_a):
    cohort, _coach, (participant,) = build_cohort(programme, size=1, prefix="opv")
    manager = make_user("chef", organisation=org_a, role=Membership.Role.MANAGEMENT, email="chef@aadorp.nl")
    services.participant_manager_set(participant=participant, email="chef@aadorp.nl")
    services.windows_save(cohort=cohort, windows={"opvolging": (TODAY - timedelta(days=1), TODAY + timedelta(days=60))})
    html = home(client, manager)
    assert 'data-werk="opvolging"' in html and "Opvolging over opv_0" in html
    assert reverse("ontwikkeling:follow-up", args=[participant.pk]) in html
    hand_in(participant, "opvolging", 1, rater=Rater.MANAGER)
    assert "ingevuld; u kunt het nog wijzigen" in home(client, manager)


def big_cohort(programme, size, org_a):
    cohort, coach, participants = build_cohort(programme, size=size, prefix=f"p{size}")
    windows(cohort)
    manager = make_user(f"chef{size}", organisation=org_a, role=Membership.Role.MANAGEMENT)
    MeasurementWindow.objects.create(
        cohort=cohort, moment="opvolging", opens_on=TODAY - timedelta(days=1), due_on=TODAY + timedelta(days=9)
    )
    for number, participant in enumerate(participants):
        participant.manager = manager
        participant.save()
        if number % 2:
            fill_in(participant, "voormeting")
    return cohort, coach, participants, manager


@pytest.mark.parametrize("persona", ["participant", "coach", "hr", "manager"])
def test_the_home_page_costs_the_same_queries_for_a_cohort_of_5_and_of_50(
    persona, client, users, programme, org_a, django_assert_max_num_queries
):
    counts = []
    for size in (5, 50):
        cohort, coach, participants, manager = big_cohort(programme, size, org_a)
        user = {"participant": participants[0].user, "coach": coach, "hr": users["hr"], "manager": manager}[persona]
        client.force_login(user)
        # Expect at most 14: session, user, roles; the other apps' parts (one each when empty); the
        # participations with their cohort windows and measurements, the coached participants likewise,
        # the follow-ups with their manager measurements, and the team's cohorts, windows, participants.
        with django_assert_max_num_queries(14) as captured:
            assert client.get(reverse("home")).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
