"""E-mail that people get: who receives what, in Dutch, as plain text and HTML.

Messages are queued after the transaction commits, so the tests run the on-commit callbacks; the
tests run tasks inline, except those of the queue itself at the end, which work off the database queue.
"""

import re
import socket
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from competentie.notifications.models import SentReminder
from competentie.organisations.models import Membership
from frameworks.models import Framework
from frameworks.services import review as review_services
from selectie.models import SelectionProcedure
from zelfevaluatie import services as round_services

from ..factories import make_framework, make_user
from ..selectie.conftest import build_day, score_all  # noqa: F401 (fixtures below use them)
from ..zelfevaluatie.conftest import start_round

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def named(user, first, last, email):
    user.first_name, user.last_name, user.email = first, last, email
    user.save()
    return user


@pytest.fixture
def people(users, org_a):
    named(users["hr"], "Hanna", "Rutten", "hanna@aadorp.nl")
    named(users["mt"], "Mark", "Teunissen", "mark@aadorp.nl")
    named(users["selecteur"], "Sara", "El Amrani", "sara@aadorp.nl")
    second = make_user("selecteur2", organisation=org_a, role=Membership.Role.SELECTEUR)
    named(second, "Sem", "de Boer", "sem@aadorp.nl")
    return {**users, "selecteur2": second}


@pytest.fixture
def vth_profile(seeded):
    from frameworks.models import Profile

    return Profile.objects.get(
        name="Vergunningverlener", framework__name="VTH competentieprofielen", framework__organisation__isnull=True
    )


def html_of(message) -> str:
    return next(content for content, kind in message.alternatives if kind == "text/html")


def test_assigned_selecteurs_get_an_email_with_a_link_to_the_procedure(
    people, org_a, vth_profile, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        day = build_day(
            hr=people["hr"],
            organisation=org_a,
            profile=vth_profile,
            assessors=[people["selecteur"], people["selecteur2"]],
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["sara@aadorp.nl", "sem@aadorp.nl"]
    message = next(m for m in mail.outbox if m.to == ["sara@aadorp.nl"])
    assert message.subject == "U bent selecteur in de procedure Vergunningverlener 2026"
    assert "Beste Sara El Amrani," in message.body
    url = "http://127.0.0.1:8000" + reverse("selectie:procedure-detail", args=[day.procedure.pk])
    assert url in message.body and url in html_of(message)
    assert "<strong>Vergunningverlener 2026</strong>" in html_of(message)
    # Nothing private about candidates travels by e-mail.
    assert "Persoon 1" not in message.body and "persoon1@example.nl" not in html_of(message)


def test_assigning_again_tells_nobody_twice(people, org_a, vth_profile, django_capture_on_commit_callbacks):
    from selectie import services

    day = build_day(hr=people["hr"], organisation=org_a, profile=vth_profile, assessors=[people["selecteur"]])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assignments_create(
            procedure=day.procedure,
            selecteurs=[people["selecteur"]],
            candidates=day.candidates[:2],
            exercises=day.exercises,
        )
    assert mail.outbox == []


def test_mt_members_are_invited_to_a_round_but_not_its_starter(people, org_a, django_capture_on_commit_callbacks):
    vth = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    with django_capture_on_commit_callbacks(execute=True):
        evaluation = start_round(org_a, people["mt"], vth, participants=[people["selecteur"]])
    assert [m.to for m in mail.outbox] == [["sara@aadorp.nl"]]
    message = mail.outbox[0]
    assert message.subject == "Uitnodiging: zelfevaluatie 2025–2026"
    assert reverse("zelfevaluatie:round-detail", args=[evaluation.pk]) in message.body
    assert "VTH competentieprofielen" in html_of(message)


def test_a_peer_of_another_organisation_is_invited_by_email(people, org_a, org_b, django_capture_on_commit_callbacks):
    vth = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    evaluation = start_round(org_a, people["mt"], vth)
    named(
        make_user("toetser", organisation=org_b, role=Membership.Role.MANAGEMENT), "Petra", "Jansen", "petra@beekdal.nl"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review = round_services.peer_review_invite(round=evaluation, username="toetser", invited_by=people["mt"])
    assert [m.to for m in mail.outbox] == [["petra@beekdal.nl"]]
    message = mail.outbox[0]
    assert message.subject == "Verzoek om collegiale toetsing door Gemeente Aadorp"
    assert "Mark Teunissen van Gemeente Aadorp" in message.body
    assert reverse("zelfevaluatie:peer-notes", args=[evaluation.pk, review.pk]) in html_of(message)


def test_a_framework_reviewer_is_asked_by_email(people, org_a, django_capture_on_commit_callbacks):
    framework = make_framework(org_a, name="Kader <Aadorp>")
    with django_capture_on_commit_callbacks(execute=True):
        review_services.reviewer_invite(framework=framework, user=people["hr"], reviewer=people["mt"])
    assert [m.to for m in mail.outbox] == [["mark@aadorp.nl"]]
    message = mail.outbox[0]
    assert message.subject == "Wilt u meelezen met Kader <Aadorp>?"
    assert "Hanna Rutten vraagt u" in message.body
    # Names from users are escaped in the HTML part and left alone in the text part.
    assert "Kader &lt;Aadorp&gt;" in html_of(message) and "<Aadorp>" not in html_of(message)


def test_nothing_is_sent_when_the_write_is_rolled_back(people, org_a):
    framework = make_framework(org_a)
    review_services.reviewer_invite(framework=framework, user=people["hr"], reviewer=people["mt"])
    # pytest-django's test transaction never commits: the on-commit callback never ran.
    assert mail.outbox == []


def test_users_without_an_email_address_are_skipped(users, org_a, django_capture_on_commit_callbacks):
    framework = make_framework(org_a)
    with django_capture_on_commit_callbacks(execute=True):
        review_services.reviewer_invite(framework=framework, user=users["hr"], reviewer=users["mt"])
    assert mail.outbox == []


# --- Password reset ------------------------------------------------------------------------


def test_password_reset_sends_a_dutch_one_time_link_that_sets_a_new_password(client, people):
    response = client.post(reverse("password_reset"), {"email": "sara@aadorp.nl"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert [m.to for m in mail.outbox] == [["sara@aadorp.nl"]]
    message = mail.outbox[0]
    assert message.subject == "Nieuw wachtwoord voor Competentie"
    assert "Beste Sara El Amrani," in message.body and "Uw gebruikersnaam is: selecteur" in message.body
    assert "Nieuw wachtwoord kiezen" in html_of(message)
    link = re.search(r"http://testserver(/wachtwoord-instellen/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Nieuw wachtwoord kiezen" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Zonnebloem-veld-2026", "new_password2": "Zonnebloem-veld-2026"},
    )
    assert done.status_code == 302 and done.url == reverse("password_reset_complete")
    assert client.login(username="selecteur", password="Zonnebloem-veld-2026")
    # The link works once.
    client.logout()
    again = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()


def test_password_reset_pages_are_in_dutch(client):
    page = client.get(reverse("password_reset")).content.decode()
    assert "Wachtwoord vergeten" in page and "Stuur mij een link" in page
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_password_reset_for_an_unknown_address_tells_nothing_and_sends_nothing(client, people):
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.nl"})
    assert response.url == reverse("password_reset_done") and mail.outbox == []


# --- Reminders -----------------------------------------------------------------------------


@pytest.fixture
def day_soon(people, org_a, vth_profile):
    day = build_day(
        hr=people["hr"], organisation=org_a, profile=vth_profile, assessors=[people["selecteur"], people["selecteur2"]]
    )
    day.procedure.selection_date = date(2027, 3, 10)
    day.procedure.save()
    return day


def test_reminders_go_to_selecteurs_with_open_work_once(people, day_soon):
    score_all(day_soon, people["selecteur2"], day_soon.candidates[0], submit=True)
    score_all(day_soon, people["selecteur2"], day_soon.candidates[1], submit=True)
    score_all(day_soon, people["selecteur"], day_soon.candidates[0], submit=True)
    mail.outbox.clear()
    call_command("send_reminders", "--datum=2027-03-01")  # too early: nothing
    assert mail.outbox == []
    call_command("send_reminders", "--datum=2027-03-08")
    assert [m.to for m in mail.outbox] == [["sara@aadorp.nl"]]
    message = mail.outbox[0]
    assert message.subject == "Herinnering: selectiedag op 10 maart"
    assert "U hebt nog 1 kandidaat van wie u de scores niet hebt ingediend" in message.body
    call_command("send_reminders", "--datum=2027-03-09")
    call_command("send_reminders", "--datum=2027-03-10")
    assert len(mail.outbox) == 1
    assert SentReminder.objects.filter(recipient=people["selecteur"]).count() == 1


def test_a_moved_selection_day_earns_a_new_reminder_and_a_closed_one_none(people, day_soon):
    call_command("send_reminders", "--datum=2027-03-09")
    assert len(mail.outbox) == 2
    day_soon.procedure.selection_date = date(2027, 3, 17)
    day_soon.procedure.save()
    call_command("send_reminders", "--datum=2027-03-16")
    assert len(mail.outbox) == 4
    SelectionProcedure.objects.filter(pk=day_soon.procedure.pk).update(
        status=SelectionProcedure.Status.CLOSED, selection_date=date(2027, 3, 24)
    )
    call_command("send_reminders", "--datum=2027-03-23")
    assert len(mail.outbox) == 4


def test_reminder_selection_costs_constant_queries(people, day_soon, org_a, vth_profile, django_assert_max_num_queries):
    from selectie.reminders import selection_day_reminders

    today = day_soon.procedure.selection_date - timedelta(days=1)
    # Expect 2 queries: the open (procedure, selecteur, candidate) rows and the recipients.
    with django_assert_max_num_queries(2):
        small = selection_day_reminders(today)
    for n in range(3):
        extra = build_day(
            hr=people["hr"],
            organisation=org_a,
            profile=vth_profile,
            assessors=[people["selecteur"], people["selecteur2"]],
            name=f"Extra {n}",
        )
        extra.procedure.selection_date = day_soon.procedure.selection_date
        extra.procedure.save()
    with django_assert_max_num_queries(2):
        large = selection_day_reminders(today)
    assert len(small) == 2 and len(large) == 8


# --- A real SMTP server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_settings_from_the_environment_deliver_through_a_real_smtp_server(tmp_path):
    """The production settings module, configured only through EMAIL_* variables, talks SMTP (the
    sending task, as a worker runs it)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received = []

    class Collect(Message):
        def handle_message(self, message):
            received.append(message)

    port = free_port()
    controller = Controller(Collect(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        script = (
            "from django.contrib.auth.models import User;"
            "from competentie.notifications.mail import render_message;"
            "from competentie.notifications.tasks import mail_send, message_data;"
            "user = User(username='sara', first_name='Sara', last_name='El Amrani', email='sara@aadorp.nl');"
            "message = render_message('review_request', user, {'framework_name': 'Kader Aadorp',"
            " 'sender_name': 'Hanna Rutten', 'organisation_id': None,"
            " 'url': 'https://competentie.example.nl/frameworks/1/review/'});"
            "print(mail_send.call(messages=[message_data(message)]))"
        )
        env = {
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "competentie.settings",
            "SECRET_KEY": "smtp-test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "EMAIL_USE_TLS": "0",
            "DEFAULT_FROM_EMAIL": "Competentie <noreply@competentie.example.nl>",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == "1"
    finally:
        controller.stop()
    assert len(received) == 1
    message = received[0]
    assert message["To"] == "sara@aadorp.nl"
    assert message["From"] == "Competentie <noreply@competentie.example.nl>"
    assert message.is_multipart()
    kinds = [part.get_content_type() for part in message.walk()]
    assert "text/plain" in kinds and "text/html" in kinds
    text = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    assert "Hanna Rutten vraagt u" in text.get_payload(decode=True).decode()


# --- Through the task queue ------------------------------------------------------------------


def test_an_email_waits_in_the_queue_until_the_worker_sends_it(
    people, org_a, task_queue, django_capture_on_commit_callbacks
):
    framework = make_framework(org_a, name="Kader Aadorp")
    with django_capture_on_commit_callbacks(execute=True):
        review_services.reviewer_invite(framework=framework, user=people["hr"], reviewer=people["mt"])
    assert mail.outbox == []  # the request is done; nothing has talked to a mail server yet
    assert task_queue() == 1
    assert [m.to for m in mail.outbox] == [["mark@aadorp.nl"]]
    assert "Hanna Rutten vraagt u" in mail.outbox[0].body and "<strong>" in html_of(mail.outbox[0])


def unreachable_mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        free_port(),
        False,
        2,
    )


def test_when_the_mail_server_is_down_the_write_stands_and_the_task_fails(
    people, org_a, task_queue, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    unreachable_mail_server(settings)
    framework = make_framework(org_a, name="Kader Aadorp")
    with django_capture_on_commit_callbacks(execute=True):
        review_services.reviewer_invite(framework=framework, user=people["hr"], reviewer=people["mt"])
    assert framework.reviewers.filter(user=people["mt"]).exists()
    task_queue()
    (result,) = DBTaskResult.objects.all()
    assert result.status == "FAILED" and "ConnectionRefusedError" in result.traceback


def test_a_reminder_that_could_not_be_sent_is_tried_again_the_next_day(people, day_soon, task_queue, settings):
    unreachable_mail_server(settings)
    call_command("send_reminders", "--datum=2027-03-08")
    assert SentReminder.objects.count() == 2  # claimed while queued: a second run today sends nothing twice
    task_queue()
    assert SentReminder.objects.count() == 0  # the failed sends gave their claims back

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_reminders", "--datum=2027-03-09")
    assert task_queue() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["sara@aadorp.nl", "sem@aadorp.nl"]
    assert SentReminder.objects.count() == 2
