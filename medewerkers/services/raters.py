"""360° feedback, the writes: the employee invites raters, a rater answers or declines, and the raw
responses go when the retention period ends.

An outside rater's link is the one personal-link mechanism of the product (competentie/links.py):
only the token's hash is stored, the link works once (answered or declined) and expires at the end of
the day of the cycle's manager deadline (the manager needs the feedback for the conversation). An
employee may send RATER_INVITATIONS_PER_DAY invitations (new or sent again) per 24 hours, so the
application cannot be used to flood someone's inbox.
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit, links
from competentie.notifications import events as notifications
from competentie.notifications.mail import absolute_url
from competentie.people.models import Employee
from competentie.privacy import database_files_scrub_on_commit, logs_scrub

from ..models import Assessment, AssessmentCycle, AssessmentScore, RaterInvitation

logger = logging.getLogger(__name__)
Group = RaterInvitation.Group


def link_expiry(cycle: AssessmentCycle) -> datetime:
    """Links stop working after the day of the manager's deadline (in the organisation's time zone)."""
    return timezone.make_aware(datetime.combine(cycle.manager_deadline + timedelta(days=1), time.min))


def sends_left(*, employee: Employee, now: datetime | None = None) -> int:
    now = now or timezone.now()
    recent = RaterInvitation.objects.filter(employee=employee, sent_at__gte=now - timedelta(days=1)).count()
    return links.sends_left(sent_recently=recent, limit=settings.RATER_INVITATIONS_PER_DAY)


def _check_can_send(*, cycle: AssessmentCycle, employee: Employee) -> None:
    if cycle.is_closed:
        raise ValidationError(_("Deze cyclus is gesloten; er gaan geen uitnodigingen meer uit."), code="closed")
    if timezone.now() >= link_expiry(cycle):
        raise ValidationError(
            _("De deadline voor de beoordelingen is voorbij; er gaan geen uitnodigingen meer uit."), code="late"
        )
    if sends_left(employee=employee) <= 0:
        raise ValidationError(
            _("U hebt vandaag al %(limit)s uitnodigingen verstuurd. Morgen kan het weer.")
            % {"limit": settings.RATER_INVITATIONS_PER_DAY},
            code="rate_limited",
        )


def _context(invitation: RaterInvitation) -> dict:
    return {
        "employee_name": invitation.employee.name,
        "organisation": str(invitation.cycle.organisation),
        "organisation_id": invitation.cycle.organisation_id,
        "cycle_name": invitation.cycle.name,
        "expires_on": timezone.localdate(invitation.expires_at) - timedelta(days=1),
    }


@transaction.atomic
def rater_invite_colleague(*, cycle: AssessmentCycle, employee: Employee, username: str, user) -> RaterInvitation:
    """A colleague of the same organisation, by account; they answer after logging in."""
    _check_can_send(cycle=cycle, employee=employee)
    colleague = (
        get_user_model()
        .objects.filter(username=username.strip(), is_active=True, memberships__organisation_id=cycle.organisation_id)
        .first()
    )
    if colleague is None:
        raise ValidationError(_("Er is geen collega met deze gebruikersnaam in uw organisatie."), code="unknown")
    if colleague.pk in (employee.user_id, employee.manager_id):
        raise ValidationError(
            _("Uzelf en uw leidinggevende beoordelen al; vraag een andere collega."), code="own_assessment"
        )
    if RaterInvitation.objects.filter(cycle=cycle, employee=employee, rater=colleague).exists():
        raise ValidationError(_("Deze collega is al uitgenodigd."), code="duplicate")
    invitation = RaterInvitation.objects.create(
        cycle=cycle,
        employee=employee,
        group=Group.COLLEAGUE,
        rater=colleague,
        sent_at=timezone.now(),
        expires_at=link_expiry(cycle),
    )
    notifications.rater_invited(
        recipients=[colleague],
        url=absolute_url("feedback:respond", invitation.pk),
        outside=False,
        **_context(invitation),
    )
    audit.record(user, cycle, "feedback.invited", group=invitation.get_group_display())
    return invitation


def _send_link(invitation: RaterInvitation) -> None:
    token, hashed = links.token_new()
    invitation.token_hash = hashed
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    notifications.rater_invited(
        recipients=[notifications.Addressee(invitation.name, invitation.email)],
        url=absolute_url("feedback:link", token),
        outside=True,
        **_context(invitation),
    )


@transaction.atomic
def rater_invite_outside(*, cycle: AssessmentCycle, employee: Employee, name: str, email: str, user) -> RaterInvitation:
    """Someone outside the organisation (a ketenpartner, a klant): a personal link by e-mail, no account."""
    _check_can_send(cycle=cycle, employee=employee)
    invitation = RaterInvitation(
        cycle=cycle,
        employee=employee,
        group=Group.OUTSIDE,
        name=name.strip(),
        email=email.strip(),
        sent_at=timezone.now(),
        expires_at=link_expiry(cycle),
    )
    invitation.full_clean(exclude=["token_hash", "assessment"])
    if not invitation.name:
        raise ValidationError(_("Vul de naam in."), code="no_name")
    if RaterInvitation.objects.filter(cycle=cycle, employee=employee, email__iexact=invitation.email).exists():
        raise ValidationError(_("Dit e-mailadres is al uitgenodigd."), code="duplicate")
    invitation.save()
    _send_link(invitation)
    audit.record(user, cycle, "feedback.invited", group=invitation.get_group_display())
    return invitation


@transaction.atomic
def rater_link_resend(*, invitation: RaterInvitation, user) -> None:
    """A new link for an outside rater who lost the e-mail; the earlier link stops working."""
    if invitation.group != Group.OUTSIDE or invitation.used_at:
        raise ValidationError(_("Deze uitnodiging kan niet opnieuw worden verstuurd."), code="not_resendable")
    _check_can_send(cycle=invitation.cycle, employee=invitation.employee)
    _send_link(invitation)
    audit.record(user, invitation.cycle, "feedback.resent", group=invitation.get_group_display())


def invitation_state(invitation: RaterInvitation) -> str:
    if invitation.cycle.is_closed:
        return links.EXPIRED
    return links.link_state(used_at=invitation.used_at, expires_at=invitation.expires_at)


def _check_open(invitation: RaterInvitation) -> None:
    state = invitation_state(invitation)
    if state == links.USED:
        raise ValidationError(_("Deze uitnodiging is al beantwoord of afgeslagen."), code="used")
    if state == links.EXPIRED:
        raise ValidationError(_("Deze uitnodiging is verlopen."), code="expired")


@transaction.atomic
def rater_respond(
    *, invitation: RaterInvitation, answers: dict[int, tuple[int | None, str]], scale_values
) -> Assessment:
    """Hand in a response: one level (or none) and evidence per competency of the employee's profile. Once."""
    invitation = RaterInvitation.objects.select_for_update().select_related("cycle", "employee").get(pk=invitation.pk)
    _check_open(invitation)
    allowed = set(scale_values)
    if any(value is not None and value not in allowed for value, _text in answers.values()):
        raise ValidationError(_("Kies een niveau van de schaal."), code="invalid_value")
    if all(value is None and not text.strip() for value, text in answers.values()):
        raise ValidationError(_("Vul minstens één competentie in, of sla de uitnodiging af."), code="empty")
    now = timezone.now()
    assessment = Assessment.objects.create(
        cycle=invitation.cycle,
        employee=invitation.employee,
        kind=invitation.group,
        rater=invitation.rater,
        submitted_at=now,
    )
    AssessmentScore.objects.bulk_create(
        AssessmentScore(assessment=assessment, profile_competency_id=pc_id, value=value, evidence=text.strip())
        for pc_id, (value, text) in answers.items()
    )
    invitation.assessment = assessment
    invitation.responded_at = now
    invitation.save(update_fields=["assessment", "responded_at"])
    return assessment


@transaction.atomic
def rater_decline(*, invitation: RaterInvitation) -> None:
    invitation = RaterInvitation.objects.select_for_update().get(pk=invitation.pk)
    _check_open(invitation)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])


# --- Retention -----------------------------------------------------------------------------------


def cycles_past_feedback_retention(*, today):
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=settings.FEEDBACK_RETENTION_DAYS), time.min))
    return AssessmentCycle.objects.filter(closed_at__lt=cutoff).filter(rater_invitations__isnull=False).distinct()


def feedback_purge(*, cycle: AssessmentCycle) -> int:
    """Delete a cycle's raw 360° responses and invitations (outside raters' names and addresses with
    them), scrub the logs of those names and addresses, and clean the database files. Returns how many."""
    invitations = list(RaterInvitation.objects.filter(cycle=cycle))
    needles = [value for i in invitations for value in (i.name, i.email) if value]
    with transaction.atomic():
        responses = Assessment.objects.filter(cycle=cycle, kind__in=Group.values)
        count = responses.count()
        AssessmentScore.objects.filter(assessment__in=responses).delete()
        responses.delete()
        RaterInvitation.objects.filter(cycle=cycle).delete()
        if needles:
            logs_scrub(objects=invitations, needles=needles, label=str(_("beoordelaar (verwijderd)")))
        audit.record(None, cycle, "feedback.purged", count=count)
        database_files_scrub_on_commit(
            rewrite=[RaterInvitation._meta.db_table, AssessmentScore._meta.db_table, Assessment._meta.db_table]
        )
    return count


def feedback_purge_expired(*, today=None) -> int:
    """RETENTION_PURGES: raw 360° responses FEEDBACK_RETENTION_DAYS after their cycle closed. Safe daily."""
    today = today or timezone.localdate()
    count = sum(feedback_purge(cycle=cycle) for cycle in cycles_past_feedback_retention(today=today))
    logger.info("purge_candidates: %s reacties op 360°-feedback verwijderd", count)
    return count
