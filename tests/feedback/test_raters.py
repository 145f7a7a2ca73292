"""360° feedback: the threshold of 3 (pages, exports and PDFs), the outside link (once, for one person,
expiring), declining, the send limit, blindness before one's own hand-in."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from competentie import links
from medewerkers.feedback import feedback_summaries, feedback_summary, summary_for
from medewerkers.models import Assessment, AssessmentScore, RaterInvitation
from medewerkers.services import raters

pytestmark = pytest.mark.django_db


def respond(invitation, team, value=4, text=""):
    answers = {pc.pk: (value, text) for pc in team.competencies}
    return raters.rater_respond(invitation=invitation, answers=answers, scale_values=range(1, 7))


def invite_colleagues(team, count, user=None):
    return [
        raters.rater_invite_colleague(
            cycle=team.cycle, employee=team.employee, username=c.username, user=user or team.employee.user
        )
        for c in team.colleagues[:count]
    ]


def link_of(message) -> str:
    return re.search(r"https?://\S+(/medewerkers/360/link/\S+/)", message.body).group(1)


def test_two_responses_show_nothing_and_three_show_median_and_spread(team):
    invitations = invite_colleagues(team, 3)
    respond(invitations[0], team, 3, "Duidelijk in overleg met de aanvrager")
    respond(invitations[1], team, 5, "Geheim-2-tekst")
    summary = feedback_summary(cycle=team.cycle, employee=team.employee)[0]
    assert summary.shown is False and summary.figures == {} and summary.comments == []
    assert "Minder dan 3" in summary.reason
    assert (
        summary_for(Assessment.objects.filter(cycle=team.cycle).prefetch_related("scores"), [team.competencies[0].pk])
        == {}
    )
    respond(invitations[2], team, 4)
    summary = feedback_summary(cycle=team.cycle, employee=team.employee)[0]
    figure = summary.figures[team.competencies[0].pk]
    assert summary.shown and (figure.count, figure.median, figure.low, figure.high) == (3, 4, 3, 5)
    assert set(summary.comments) == {"Duidelijk in overleg met de aanvrager", "Geheim-2-tekst"}
    pooled = summary_for(
        Assessment.objects.filter(cycle=team.cycle).prefetch_related("scores"), [team.competencies[0].pk]
    )
    assert pooled == {team.competencies[0].pk: {"median": 4, "spread": (3, 5), "count": 3}}


def _employee_submits_self(team):
    Assessment.objects.create(cycle=team.cycle, employee=team.employee, kind="self", submitted_at=timezone.now())


def test_the_page_and_the_csv_hide_a_group_of_two_and_say_why(team):
    invitations = invite_colleagues(team, 2)
    respond(invitations[0], team, 2, "Geheim-een")
    respond(invitations[1], team, 6, "Geheim-twee")
    _employee_submits_self(team)
    client = Client()
    client.force_login(team.employee.user)
    page = client.get(reverse("feedback:overview", args=[team.cycle.pk, team.employee.pk])).content.decode()
    csv = client.get(reverse("feedback:csv", args=[team.cycle.pk, team.employee.pk])).content.decode()
    for text in (page, csv):
        assert "Geheim" not in text and "mediaan 4" not in text
        assert "Minder dan 3 reacties" in text
    assert "data-feedback-table" not in page


def test_blind_until_the_employees_own_self_assessment_is_in(team):
    invitations = invite_colleagues(team, 3)
    for invitation in invitations:
        respond(invitation, team, 4, "Zichtbaar-na-inleveren")
    client = Client()
    client.force_login(team.employee.user)
    url = reverse("feedback:overview", args=[team.cycle.pk, team.employee.pk])
    assert "Zichtbaar-na-inleveren" not in client.get(url).content.decode()
    _employee_submits_self(team)
    page = client.get(url).content.decode()
    assert "Zichtbaar-na-inleveren" in page and "mediaan 4" in page


def test_an_outside_link_works_once_for_one_person_and_expires(mails, team, client):
    raters.rater_invite_outside(
        cycle=team.cycle,
        employee=team.employee,
        name="Karin Ketenpartner",
        email="karin@provincie.nl",
        user=team.employee.user,
    )
    raters.rater_invite_outside(
        cycle=team.cycle, employee=team.employee, name="Kees Klant", email="kees@bedrijf.nl", user=team.employee.user
    )
    karin, kees = (next(m for m in mail.outbox if m.to == [a]) for a in ("karin@provincie.nl", "kees@bedrijf.nl"))
    assert link_of(karin) != link_of(kees)
    assert "Eva Smit" in karin.body and "één keer" in karin.body
    stored = RaterInvitation.objects.get(email="karin@provincie.nl")
    assert link_of(karin).rstrip("/").rsplit("/", 1)[1] not in stored.token_hash  # only the hash is kept
    # Karin's link opens Karin's form, without an account, and takes one response.
    form = client.get(link_of(karin))
    assert form.status_code == 200 and "Eva Smit" in form.content.decode()
    data = {f"value-{pc.pk}": "5" for pc in team.competencies} | {"action": "respond"}
    assert "ingeleverd" in client.post(link_of(karin), data).content.decode()
    response = Assessment.objects.get(kind="outside")
    assert response.rater is None and response.scores.count() == len(team.competencies)
    # Once: the same link no longer opens a form nor takes a second response.
    again = client.post(link_of(karin), data)
    assert again.status_code == 410 and "al beantwoord" in again.content.decode()
    assert Assessment.objects.filter(kind="outside").count() == 1
    # For one person: a made-up link finds nothing.
    assert client.get(reverse("feedback:link", args=["verzonnen-link"])).status_code == 404
    # Expires: after the manager's deadline Kees's link is dead.
    RaterInvitation.objects.filter(email="kees@bedrijf.nl").update(expires_at=timezone.now() - timedelta(seconds=1))
    expired = client.post(link_of(kees), data)
    assert expired.status_code == 410 and "verlopen" in expired.content.decode()
    assert Assessment.objects.filter(kind="outside").count() == 1


def test_a_new_link_replaces_the_old_one(mails, team, client):
    invitation = raters.rater_invite_outside(
        cycle=team.cycle, employee=team.employee, name="Karin", email="karin@provincie.nl", user=team.employee.user
    )
    first = link_of(mail.outbox[-1])
    raters.rater_link_resend(invitation=invitation, user=team.employee.user)
    second = link_of(mail.outbox[-1])
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200


def test_a_rater_can_decline_and_then_the_link_is_used(mails, team, client):
    raters.rater_invite_outside(
        cycle=team.cycle, employee=team.employee, name="Karin", email="karin@provincie.nl", user=team.employee.user
    )
    link = link_of(mail.outbox[-1])
    assert "afgeslagen" in client.post(link, {"action": "decline"}).content.decode()
    invitation = RaterInvitation.objects.get()
    assert invitation.declined_at and raters.invitation_state(invitation) == links.USED
    assert not Assessment.objects.filter(kind="outside").exists()


def test_a_colleague_answers_only_their_own_invitation(mails, team):
    mine, other = invite_colleagues(team, 2)
    client = Client()
    client.force_login(team.colleagues[1])
    assert client.get(reverse("feedback:respond", args=[mine.pk])).status_code == 403
    assert client.get(reverse("feedback:respond", args=[other.pk])).status_code == 200
    assert "feedback" in mail.outbox[0].subject.lower()


def test_invitations_are_limited_per_day(team, settings):
    settings.RATER_INVITATIONS_PER_DAY = 2
    invite_colleagues(team, 2)
    with pytest.raises(Exception, match="al 2 uitnodigingen"):
        raters.rater_invite_colleague(
            cycle=team.cycle, employee=team.employee, username=team.colleagues[2].username, user=team.employee.user
        )
    assert RaterInvitation.objects.count() == 2


def test_only_the_employee_invites(team):
    client = Client()
    client.force_login(team.manager)
    url = reverse("feedback:invite", args=[team.cycle.pk, team.employee.pk])
    assert client.post(url, {"group": "colleague", "username": team.colleagues[0].username}).status_code == 403
    assert not RaterInvitation.objects.exists()


def test_raw_responses_go_after_the_retention_period_and_leave_no_trace(team, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    raters.rater_invite_outside(
        cycle=team.cycle,
        employee=team.employee,
        name="Karin Ketenpartner",
        email="karin@provincie.nl",
        user=team.employee.user,
    )
    for invitation in [*invite_colleagues(team, 3), RaterInvitation.objects.get(group="outside")]:
        respond(invitation, team, 4, "Rauwe toelichting")
    team.cycle.closed_at = timezone.now() - timedelta(days=31)
    team.cycle.save()
    assert raters.feedback_purge_expired(today=timezone.localdate() - timedelta(days=2)) == 0
    assert raters.feedback_purge_expired() == 4
    assert not RaterInvitation.objects.exists()
    assert not Assessment.objects.filter(kind__in=["colleague", "outside"]).exists()
    assert not AssessmentScore.objects.filter(evidence="Rauwe toelichting").exists()
    from competentie.audit.models import AuditEvent

    assert not any("Karin" in str(e.params) or "karin@" in str(e.params) for e in AuditEvent.objects.all())
    assert raters.feedback_purge_expired() == 0  # safe to run daily


def pdf_text(content: bytes) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_pdf_hides_a_group_of_two_and_shows_a_group_of_three(team, users, tmp_path):
    colleagues = invite_colleagues(team, 3)
    respond(colleagues[0], team, 3, "Collega-tekst-een")
    respond(colleagues[1], team, 5)
    respond(colleagues[2], team, 4)
    for n, (name, email) in enumerate([("Karin K", "karin@provincie.nl"), ("Kees K", "kees@bedrijf.nl")]):
        outside = raters.rater_invite_outside(
            cycle=team.cycle, employee=team.employee, name=name, email=email, user=team.employee.user
        )
        respond(outside, team, 1 + n, f"Buiten-geheim-{n}")
    client = Client()
    client.force_login(users["hr"])
    response = client.get(reverse("feedback:report-pdf", args=[team.cycle.pk, team.employee.pk]))
    assert response["Content-Type"] == "application/pdf"
    (tmp_path / "verslag.pdf").write_bytes(response.content)
    text = " ".join(pdf_text(response.content).split())
    assert "Collega-tekst-een" in text and "4 (3–5, n = 3)" in text.replace("n\n", "n ")
    assert "Buiten-geheim" not in text and "Ketenpartners en klanten: Minder dan 3 reacties" in text


def test_the_demo_has_one_group_above_and_one_below_the_threshold_and_a_portfolio_item(team, users):
    from medewerkers.feedback_demo import feedback_demo_add
    from medewerkers.models import PortfolioItem

    story = feedback_demo_add(cycle=team.cycle, employee=team.employee, colleagues=team.colleagues, hr=users["hr"])
    assert "Eva Smit" in story
    colleagues, outside = feedback_summary(cycle=team.cycle, employee=team.employee)
    assert colleagues.shown and not outside.shown
    assert PortfolioItem.objects.get(employee=team.employee).judgement.assessor == users["hr"]
    assert "bestond al" in feedback_demo_add(
        cycle=team.cycle, employee=team.employee, colleagues=team.colleagues, hr=users["hr"]
    )


@pytest.mark.parametrize("size", [5, 50])
def test_the_summaries_of_a_team_cost_two_queries_whatever_its_size(team, size, django_assert_num_queries):
    from competentie.people.models import Employee

    others = Employee.objects.bulk_create(
        Employee(organisation=team.employee.organisation, name=f"Medewerker {n}", team=team.employee.team)
        for n in range(size)
    )
    for invitation in invite_colleagues(team, 3):
        respond(invitation, team, 4)
    # Expect 2 queries: the handed-in 360° responses of the team, and their scores (prefetched).
    with django_assert_num_queries(2):
        summaries = feedback_summaries(cycle=team.cycle, employees=[team.employee, *others])
    assert summaries[team.employee.pk][0].shown and not summaries[others[0].pk][0].shown
