# ruff: noqa: F811 (the `decided` fixture is imported from the letters tests and used as an argument)
"""Issue 30.2: what a candidate and HR receive about a procedure wears the organisation's house style:
the fairness questionnaire, the rejection letter, HR's reminder of unanswered candidates and the
selecteurs' reminder before the selection day."""

from datetime import date, timedelta

import pytest
from django.core import mail

from competentie.notifications.reminders import reminders_send
from selectie import services

from ..theming.themed import assert_themed, theme_with_logo
from .test_dossier_and_letters import decided  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_candidate_emails_and_hr_reminders_wear_the_theme(
    decided,
    users,
    org_a,
    client_as,
    django_capture_on_commit_callbacks,
):
    theme_with_logo(org_a, client_as("beheerder"))
    first = decided.candidates[0]
    mail.outbox.clear()
    services.fairness_setup_save(organisation=org_a, characteristics=["gender"])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.fairness_invite(procedure=decided.procedure, user=users["hr"]) >= 1
    questionnaire = next(m for m in mail.outbox if "/selectie/vragenlijst/" in m.body)
    assert_themed(questionnaire, org_a)

    services.letter_save(candidate=first, user=users["hr"], body="Beste Persoon 1, helaas.")
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send(candidate=first, user=users["hr"])
    letter = next(m for m in mail.outbox if "helaas." in m.body)
    assert letter.to == [first.personal_data.email]
    assert_themed(letter, org_a)


def test_hrs_reminder_of_unanswered_candidates_wears_the_theme(decided, users, org_a, client_as):
    theme_with_logo(org_a, client_as("beheerder"))
    users["hr"].email = "hr@aadorp.example"
    users["hr"].save()
    decided.procedure.selection_date = date(2026, 3, 2)
    decided.procedure.save(update_fields=["selection_date"])
    mail.outbox.clear()
    assert reminders_send(today=date(2026, 3, 16)) >= 1
    reminder = next(m for m in mail.outbox if m.to == ["hr@aadorp.example"])
    assert "afgewezen kandidaat" in reminder.body
    assert_themed(reminder, org_a)


def test_the_selecteurs_reminder_before_the_day_wears_the_theme(day, users, org_a, client_as):
    theme_with_logo(org_a, client_as("beheerder"))
    users["selecteur"].email = "sara@aadorp.example"
    users["selecteur"].save()
    today = date.today()
    day.procedure.selection_date = today + timedelta(days=1)
    day.procedure.save(update_fields=["selection_date"])
    mail.outbox.clear()
    reminders_send(today=today)
    reminder = next(m for m in mail.outbox if m.to == ["sara@aadorp.example"])
    assert_themed(reminder, org_a)
