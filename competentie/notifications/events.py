"""One function per event that people are told about by e-mail; the services call these.

The functions read only attributes of the objects they are given, so `competentie` imports no app.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from competentie.accounts.names import display_name

from .mail import absolute_url, send_on_commit


def selecteurs_assigned(*, procedure, selecteurs: Iterable[AbstractBaseUser], assigned_by=None) -> None:
    """Selecteurs who were given candidates in a selection procedure."""
    send_on_commit(
        "assignment",
        selecteurs,
        {
            "procedure_name": procedure.name,
            "organisation": str(procedure.organisation),
            "organisation_id": procedure.organisation_id,
            "selection_date": procedure.selection_date,
            "sender_name": display_name(assigned_by) if assigned_by else "",
            "url": absolute_url("selectie:procedure-detail", procedure.pk),
        },
    )


def participant_invited(*, participant) -> None:
    """A member of the management team who takes part in a self-evaluation round."""
    round = participant.round
    if participant.user_id == round.created_by_id:
        return  # whoever starts the round knows
    send_on_commit(
        "round_invitation",
        [participant.user],
        {
            "organisation": str(round.organisation),
            "organisation_id": round.organisation_id,
            "period": round.period,
            "framework_name": round.framework.name,
            "url": absolute_url("zelfevaluatie:round-detail", round.pk),
        },
    )


def peer_reviewer_invited(*, peer_review) -> None:
    """A colleague of another organisation asked for a collegiale toetsing."""
    round = peer_review.round
    send_on_commit(
        "peer_review_invitation",
        [peer_review.reviewer],
        {
            "organisation": str(round.organisation),
            "organisation_id": round.organisation_id,
            "period": round.period,
            "sender_name": display_name(peer_review.invited_by),
            "url": absolute_url("zelfevaluatie:peer-notes", round.pk, peer_review.pk),
        },
    )


def framework_reviewer_invited(*, reviewer) -> None:
    """A colleague asked to read a framework and comment on it."""
    framework = reviewer.framework
    send_on_commit(
        "review_request",
        [reviewer.user],
        {
            "framework_name": framework.name,
            "organisation_id": framework.organisation_id,
            "sender_name": display_name(reviewer.invited_by),
            "url": absolute_url("frameworks:review", framework.pk),
        },
    )


def account_link(user, *, new_account: bool) -> str:
    """Where an invitation leads: a one-time link to choose a password for a new account, else home."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    if new_account:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        return absolute_url("invitation-accept", uid, default_token_generator.make_token(user))
    return absolute_url("home")


def member_invited(*, membership, invited_by, new_account: bool) -> None:
    """A colleague added to an organisation; a new account gets a one-time link to choose a password."""
    user = membership.user
    url = account_link(user, new_account=new_account)
    send_on_commit(
        "member_invitation",
        [user],
        {
            "organisation": str(membership.organisation),
            "organisation_id": membership.organisation_id,
            "role": membership.get_role_display(),
            "sender_name": display_name(invited_by),
            "username": user.get_username(),
            "new_account": new_account,
            "url": url,
        },
    )


@dataclass(frozen=True)
class Addressee:
    """Someone without an account (a candidate): a name and an address, shown by `display_name`."""

    name: str
    email: str
    is_active: bool = True

    def __str__(self):
        return self.name


def fairness_questionnaire(
    *, to_name: str, to_email: str, organisation: str, organisation_id: int, procedure_name: str, url: str
) -> None:
    """A candidate is asked, voluntarily, to state a few characteristics for fairness monitoring."""
    send_on_commit(
        "fairness_questionnaire",
        [Addressee(to_name, to_email)],
        {
            "organisation": organisation,
            "organisation_id": organisation_id,
            "procedure_name": procedure_name,
            "url": url,
        },
    )


def rejection_letter(
    *, to_name: str, to_email: str, organisation: str, organisation_id: int, procedure_name: str, body: str
) -> None:
    """The letter HR wrote to a rejected candidate, as HR edited it."""
    send_on_commit(
        "rejection_letter",
        [Addressee(to_name, to_email)],
        {
            "organisation": organisation,
            "organisation_id": organisation_id,
            "procedure_name": procedure_name,
            "body": body,
        },
    )


def programme_invited(*, user, cohort, as_coach: bool, first_window, invited_by, new_account: bool) -> None:
    """A participant or a coach invited to a development programme: it names the programme and the first
    measurement with its deadline; a new account gets the one-time link to choose a password."""
    programme = cohort.programme
    send_on_commit(
        "programme_invitation",
        [user],
        {
            "organisation": str(programme.organisation),
            "organisation_id": programme.organisation_id,
            "programme_name": programme.name,
            "cohort_name": cohort.name,
            "as_coach": as_coach,
            "first_moment": first_window.get_moment_display() if first_window else "",
            "first_opens_on": first_window.opens_on if first_window else None,
            "first_due_on": first_window.due_on if first_window else None,
            "sender_name": display_name(invited_by) if invited_by else "",
            "username": user.get_username(),
            "new_account": new_account,
            "url": account_link(user, new_account=new_account),
        },
    )


def rater_invited(
    *,
    recipients,
    url: str,
    outside: bool,
    employee_name: str,
    organisation: str,
    organisation_id: int,
    cycle_name: str,
    expires_on,
) -> None:
    """A colleague (by account) or someone outside the organisation (a personal link) asked for 360° feedback."""
    send_on_commit(
        "rater_invitation",
        recipients,
        {
            "employee_name": employee_name,
            "organisation": organisation,
            "organisation_id": organisation_id,
            "cycle_name": cycle_name,
            "expires_on": expires_on,
            "outside": outside,
            "url": url,
        },
    )


def manager_assessment_written(
    *, employee_user, manager, cycle_name: str, organisation: str, organisation_id: int, url: str
) -> None:
    """The employee hears that their manager handed in the assessment (the conversation can be planned)."""
    send_on_commit(
        "manager_assessment_written",
        [employee_user],
        {
            "manager_name": display_name(manager),
            "cycle_name": cycle_name,
            "organisation": organisation,
            "organisation_id": organisation_id,
            "url": url,
        },
    )


def password_reset(*, user, url: str) -> None:
    """The one-time link to choose a new password, asked for on the login page. Queued at once (the
    request writes nothing to wait for), in the house style of the person's organisation when they
    belong to exactly one."""
    from .mail import render_message
    from .tasks import mail_send, message_data

    organisations = {membership.organisation_id for membership in user.memberships.all()}
    context = {
        "organisation_id": organisations.pop() if len(organisations) == 1 else None,
        "username": user.get_username(),
        "url": url,
    }
    mail_send.enqueue(messages=[message_data(render_message("password_reset", user, context))])
