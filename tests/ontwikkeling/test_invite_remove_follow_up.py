"""Inviting by e-mail through the member invitation, removing a participant (deleted or anonymised), the
follow-up's invitation (sent once) and reminders (idempotent), and retention in the daily purge."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from competentie.notifications.models import SentReminder
from competentie.notifications.reminders import reminders_send
from competentie.organisations.models import Membership
from competentie.organisations.services import member_invite
from competentie.people.models import PlanGoal
from ontwikkeling import people, selectors, services
from ontwikkeling.models import Measurement, Participant, Rater

from ..factories import make_user
from .conftest import build_cohort, fill_in
from .test_effect_report import effects_of, hand_in
from .test_results import results_of

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def cohort(programme, users):
    return services.cohort_create(
        programme=programme,
        name="Lichting 2027",
        starts_on=TODAY + timedelta(days=10),
        ends_on=TODAY + timedelta(days=400),
    )


def invite(cohort, users, email, role=Membership.Role.DEELNEMER, **extra):
    return services.cohort_invite_by_email(
        cohort=cohort, email=email, first_name="Noor", last_name="Visser", role=role, invited_by=users["hr"], **extra
    )


def test_a_new_cohort_gets_a_window_per_moment_from_its_dates(cohort):
    windows = {w.moment: (w.opens_on, w.due_on) for w in cohort.windows.all()}
    start, end = cohort.starts_on, cohort.ends_on
    assert windows["voormeting"] == (start - timedelta(days=14), start)
    assert windows["einde"] == (end, end + timedelta(days=14))
    assert windows["opvolging"] == (end + timedelta(days=91), end + timedelta(days=182))
    assert set(windows) == {"voormeting", "week1", "halverwege", "einde", "opvolging"}


def test_half_a_window_is_refused_and_nothing_changes(cohort):
    before = list(cohort.windows.values_list("moment", "opens_on", "due_on"))
    with pytest.raises(ValidationError, match="beide data"):
        services.windows_save(cohort=cohort, windows={"einde": (TODAY, None)})
    assert list(cohort.windows.values_list("moment", "opens_on", "due_on")) == before


def test_hr_invites_a_new_participant_by_email_naming_the_programme_and_the_first_measurement(
    cohort, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        participant = invite(cohort, users, "Noor.Visser@Aadorp.nl")
    user = participant.user
    assert user.email == "noor.visser@aadorp.nl" and not user.has_usable_password()
    assert Membership.objects.get(user=user).role == Membership.Role.DEELNEMER
    (message,) = mail.outbox
    assert message.to == ["noor.visser@aadorp.nl"]
    assert message.subject == "Uitnodiging: ontwikkelprogramma Traineeship Aadorp"
    body = " ".join(message.body.split())
    assert "als deelnemer in het ontwikkelprogramma Traineeship Aadorp van Gemeente Aadorp, groep Lichting 2027" in body
    due = cohort.windows.get(moment="voormeting").due_on
    assert "Uw eerste meting is de voormeting" in body and f"uiterlijk op {due.day} " in body
    assert "/uitnodiging/" in body  # the one-time link to choose a password


def test_a_coach_is_invited_with_the_coach_role_and_an_existing_member_without_a_new_account(
    cohort, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(cohort, users, "coach@aadorp.nl", role=Membership.Role.BEGELEIDER) is None
    coach = Membership.objects.get(user__email="coach@aadorp.nl")
    assert coach.role == Membership.Role.BEGELEIDER
    assert "als begeleider" in mail.outbox[0].body
    existing = make_user("bestaand", organisation=cohort.programme.organisation, role="deelnemer", email="b@aadorp.nl")
    with django_capture_on_commit_callbacks(execute=True):
        participant = invite(cohort, users, "b@aadorp.nl", coach=coach.user)
    assert participant.user == existing and participant.coach == coach.user
    assert "U logt in met uw bestaande gebruikersnaam" in mail.outbox[1].body


def test_a_member_with_another_role_is_refused_and_nothing_is_written(cohort, users):
    with pytest.raises(ValidationError, match="al lid van Gemeente Aadorp met de rol Selecteur"):
        invite(cohort, users, users["selecteur"].email or _email(users["selecteur"]))
    assert not cohort.participants.exists()


def _email(user):
    user.email = f"{user.username}@aadorp.nl"
    user.save()
    return user.email


def test_hr_may_invite_only_programme_roles_and_others_may_not_invite_at_all(users, org_a):
    for role, persona in (("selecteur", "hr"), ("deelnemer", "mt")):
        with pytest.raises(PermissionDenied):
            member_invite(
                organisation=org_a,
                email="x@aadorp.nl",
                first_name="X",
                last_name="Y",
                role=role,
                invited_by=users[persona],
            )
    assert not Membership.objects.filter(user__email="x@aadorp.nl").exists()


def test_the_invitation_form_on_the_cohort_page_sends_the_email(client_as, cohort, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("hr").post(
            reverse("ontwikkeling:invite-by-email", args=[cohort.pk]),
            {"email": "sam@aadorp.nl", "first_name": "Sam", "last_name": "Jong", "role": "deelnemer"},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["sam@aadorp.nl"]]
    bad = client_as("hr").post(reverse("ontwikkeling:invite-by-email", args=[cohort.pk]), {"email": "geen-adres"})
    assert bad.status_code == 200 and "Voer een geldig e-mailadres in" in bad.content.decode()


def test_a_removed_participant_whose_answers_are_deleted_disappears_from_the_figures(programme, client_as):
    cohort, _coach, participants = build_cohort(programme, size=6)
    for participant in participants:
        fill_in(participant, "voormeting")
        fill_in(participant, "einde", level_index=1)
    competency = programme.framework.competencies.first()
    people.plan_save_texts(participants[0], {competency.pk: ("Beter luisteren", "")})
    assert PlanGoal.objects.filter(plan__employee__user=participants[0].user).exists()
    assert results_of(cohort).moments[0].responses == 6 and effects_of(cohort).competencies[0].comparisons[1].n == 6
    response = client_as("hr").post(
        reverse("ontwikkeling:participant-remove", args=[participants[0].pk]), {"keep": "delete"}
    )
    assert response.status_code == 302
    assert not Participant.objects.filter(pk=participants[0].pk).exists()
    assert not Measurement.objects.filter(participant_id=participants[0].pk).exists()
    assert not PlanGoal.objects.filter(plan__employee__user=participants[0].user).exists()
    assert results_of(cohort).moments[0].responses == 5 and effects_of(cohort).competencies[0].comparisons[1].n == 5
    # The account stays a member of the organisation.
    assert Membership.objects.filter(user=participants[0].user).exists()


def test_a_removed_participant_kept_anonymised_counts_without_a_name(programme, client_as, client):
    cohort, coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        fill_in(participant, "voormeting")
    removed, person = participants[0], participants[0].user
    people.plan_save_texts(removed, {programme.framework.competencies.first().pk: ("Beter luisteren", "")})
    client_as("hr").post(reverse("ontwikkeling:participant-remove", args=[removed.pk]), {"keep": "anonymise"})
    removed.refresh_from_db()
    assert removed.user is None and removed.coach is None and removed.manager is None and removed.anonymised_at
    assert not PlanGoal.objects.filter(plan__employee__user=person).exists() and removed.measurements.count() == 1
    assert results_of(cohort).moments[0].responses == 5
    # Neither the person nor the coach reaches the anonymous answers any more.
    for user in (person, coach):
        client.force_login(user)
        assert client.get(reverse("ontwikkeling:participant-detail", args=[removed.pk])).status_code == 403
    page = client_as("hr").get(reverse("ontwikkeling:cohort-detail", args=[cohort.pk])).content.decode()
    assert "Plus 1 deelnemer die uit de groep is gehaald" in page


def test_removing_needs_a_choice_and_the_programme_team(programme, client):
    cohort, coach, (participant,) = build_cohort(programme, size=1)
    client.force_login(coach)
    assert (
        client.post(reverse("ontwikkeling:participant-remove", args=[participant.pk]), {"keep": "delete"}).status_code
        == 403
    )
    client.force_login(programme.created_by)
    response = client.post(reverse("ontwikkeling:participant-remove", args=[participant.pk]), {})
    assert response.status_code == 200 and Participant.objects.filter(pk=participant.pk).exists()


def test_the_manager_is_a_member_named_by_email(programme, org_a, org_b):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    make_user("elders", organisation=org_b, role="mt", email="elders@beekdal.nl")
    with pytest.raises(ValidationError, match="Niemand in uw organisatie heeft het e-mailadres"):
        services.participant_manager_set(participant=participant, email="elders@beekdal.nl")
    chef = make_user("chef", organisation=org_a, role="mt", email="chef@aadorp.nl")
    services.participant_manager_set(participant=participant, email="CHEF@aadorp.nl")
    participant.refresh_from_db()
    assert participant.manager == chef


@pytest.fixture
def follow_up(programme, org_a):
    """A cohort that ended three months ago: the follow-up is open for three more months."""
    cohort, _coach, participants = build_cohort(programme, size=2, prefix="opv")
    ended = TODAY - timedelta(days=91)
    cohort.ends_on = ended
    cohort.save()
    services.windows_save(
        cohort=cohort, windows={"opvolging": (ended + timedelta(days=91), ended + timedelta(days=182))}
    )
    chef = make_user("chef", organisation=org_a, role="mt", email="chef@aadorp.nl")
    for participant in participants:
        participant.user.email = f"{participant.user.username}@aadorp.nl"
        participant.user.save()
        services.participant_manager_set(participant=participant, email="chef@aadorp.nl")
    return cohort, participants, chef


def test_the_follow_up_invitation_is_sent_once_to_participant_and_manager(follow_up):
    _cohort, participants, chef = follow_up
    mail.outbox.clear()
    assert reminders_send(today=TODAY) == 4  # two participants, and the manager about each of them
    kinds = sorted((r.kind, r.recipient.username) for r in SentReminder.objects.all())
    assert kinds == [
        ("follow_up_invitation", "chef"),
        ("follow_up_invitation", "chef"),
        ("follow_up_invitation", "opv_0"),
        ("follow_up_invitation", "opv_1"),
    ]
    manager_mail = next(m for m in mail.outbox if m.to == ["chef@aadorp.nl"])
    assert "Hoe past opv_0 het geleerde toe?" in manager_mail.subject or "Hoe past opv_1" in manager_mail.subject
    assert reverse("ontwikkeling:follow-up", args=[participants[0].pk]) in " ".join(m.body for m in mail.outbox)
    # The next day, and the day after: nothing again.
    assert reminders_send(today=TODAY + timedelta(days=1)) == 0
    assert reminders_send(today=TODAY + timedelta(days=2)) == 0
    assert len(mail.outbox) == 4


def test_reminders_before_the_deadline_go_once_and_not_to_who_answered(follow_up, settings):
    cohort, participants, chef = follow_up
    reminders_send(today=TODAY)
    due = cohort.windows.get(moment="opvolging").due_on
    hand_in(participants[0], "opvolging", 1)
    hand_in(participants[0], "opvolging", 2, rater=Rater.MANAGER)
    mail.outbox.clear()
    day = due - timedelta(days=settings.MEASUREMENT_REMINDER_DAYS)
    assert reminders_send(today=day) == 2  # participant 1 and the manager about participant 1
    assert sorted(m.to[0] for m in mail.outbox) == ["chef@aadorp.nl", "opv_1@aadorp.nl"]
    assert reminders_send(today=day) == 0 and reminders_send(today=day + timedelta(days=1)) == 0
    call_command("send_reminders", stdout=StringIO())  # the daily command, today: nothing new is due
    assert len(mail.outbox) == 2


def test_the_manager_answers_the_follow_up_and_only_that(follow_up, client):
    _cohort, participants, chef = follow_up
    client.force_login(chef)
    url = reverse("ontwikkeling:follow-up", args=[participants[0].pk])
    page = client.get(url).content.decode()
    assert "Opvolging: opv_0 in het werk" in page and "Leren en toepassen" not in page
    competencies = selectors.programme_competencies_of(participants[0].cohort.programme)
    level = selectors.framework_levels(participants[0].cohort.programme)[1]
    response = client.post(url, {f"rating_{c.pk}": level.pk for c in competencies})
    assert response.status_code == 302
    assert Measurement.objects.get(participant=participants[0], rater=Rater.MANAGER).moment == "opvolging"
    for name in ("participant-detail", "plan"):
        assert client.get(reverse(f"ontwikkeling:{name}", args=[participants[0].pk])).status_code == 403


def test_a_measurement_before_its_window_opens_is_refused(programme, client):
    cohort, _coach, (participant,) = build_cohort(programme, size=1)
    services.windows_save(cohort=cohort, windows={"einde": (TODAY + timedelta(days=3), TODAY + timedelta(days=10))})
    with pytest.raises(ValidationError, match="Deze meting gaat open op"):
        fill_in(participant, "einde")
    assert not participant.measurements.exists()


def test_the_daily_purge_keeps_cohorts_past_retention_anonymised(programme, settings):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        fill_in(participant, "voormeting")
    services.windows_save(cohort=cohort, windows={"voormeting": (date(2020, 1, 1), date(2020, 1, 15))})
    out = StringIO()
    call_command(
        "purge_candidates", today=date(2020, 1, 15) + timedelta(days=settings.DEVELOPMENT_RETENTION_DAYS), stdout=out
    )
    assert Participant.objects.filter(cohort=cohort, user__isnull=False).count() == 5
    call_command(
        "purge_candidates", today=date(2020, 1, 16) + timedelta(days=settings.DEVELOPMENT_RETENTION_DAYS), stdout=out
    )
    assert Participant.objects.filter(cohort=cohort, user__isnull=False).count() == 0
    assert "participants_anonymise_expired: 5" in out.getvalue()
    assert results_of(cohort).moments[0].responses == 5  # the figures stay


def test_the_new_pages_open_for_their_role_only(programme, client, org_a, users):
    cohort, coach, (participant,) = build_cohort(programme, size=1)
    chef = make_user("chef", organisation=org_a, role="mt", email="chef@aadorp.nl")
    services.participant_manager_set(participant=participant, email="chef@aadorp.nl")
    expected = {
        reverse("ontwikkeling:participant-manage", args=[participant.pk]): {"hr"},
        reverse("ontwikkeling:follow-up", args=[participant.pk]): {"chef"},
    }
    posts = [
        reverse("ontwikkeling:windows-edit", args=[cohort.pk]),
        reverse("ontwikkeling:invite-by-email", args=[cohort.pk]),
        reverse("ontwikkeling:participant-manager", args=[participant.pk]),
        reverse("ontwikkeling:participant-remove", args=[participant.pk]),
    ]
    people = {"hr": users["hr"], "chef": chef, "coach": coach, "participant": participant.user, "mt": users["mt"]}
    for name, user in people.items():
        client.force_login(user)
        for url, allowed in expected.items():
            assert client.get(url).status_code == (200 if name in allowed else 403), (name, url)
    for name, user in reversed(people.items()):  # HR last: an empty manager form clears the manager
        client.force_login(user)
        for url in posts:
            status = client.post(url, {}).status_code
            assert (status != 403) if name == "hr" else status == 403, (name, url, status)
    assert Participant.objects.filter(pk=participant.pk).exists()
