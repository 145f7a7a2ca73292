"""Running a programme: cohorts and their measurement windows, inviting participants and coaches,
naming a participant's manager, personal development plans."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.notifications import events as notifications
from competentie.organisations.models import Membership
from competentie.organisations.services import member_invite, member_is_pending
from frameworks.models import Competency

from .. import people
from ..models import Cohort, MeasurementMoment, MeasurementWindow, Participant, Programme

Role = Membership.Role
# Two weeks to hand in; the follow-up is open from three to six months after the end.
HAND_IN_DAYS = 14
FOLLOW_UP_OPENS_AFTER_DAYS = 91
FOLLOW_UP_DUE_AFTER_DAYS = 182


def windows_default(*, starts_on: date | None, ends_on: date | None) -> dict[str, tuple[date, date]]:
    """A window per moment that the dates allow: moment -> (opens_on, due_on)."""
    windows = {}
    days = timedelta(days=HAND_IN_DAYS)
    if starts_on:
        windows[MeasurementMoment.BASELINE] = (starts_on - days, starts_on)
        windows[MeasurementMoment.FIRST_WEEK] = (starts_on + timedelta(days=7), starts_on + timedelta(days=7) + days)
    if starts_on and ends_on and ends_on > starts_on:
        halfway = starts_on + (ends_on - starts_on) / 2
        windows[MeasurementMoment.HALFWAY] = (halfway, halfway + days)
    if ends_on:
        windows[MeasurementMoment.END] = (ends_on, ends_on + days)
        windows[MeasurementMoment.FOLLOW_UP] = (
            ends_on + timedelta(days=FOLLOW_UP_OPENS_AFTER_DAYS),
            ends_on + timedelta(days=FOLLOW_UP_DUE_AFTER_DAYS),
        )
    return windows


@transaction.atomic
def cohort_create(*, programme: Programme, name: str, starts_on=None, ends_on=None, user=None) -> Cohort:
    cohort = Cohort(programme=programme, name=name.strip(), starts_on=starts_on, ends_on=ends_on)
    cohort.full_clean()
    if starts_on and ends_on and ends_on <= starts_on:
        raise ValidationError({"ends_on": _("De einddatum ligt na de startdatum.")}, code="ends_before_start")
    cohort.save()
    _windows_write(cohort, windows_default(starts_on=starts_on, ends_on=ends_on))
    audit.record(user, programme, "programme.cohort_created", cohort=cohort.name)
    return cohort


def _windows_write(cohort: Cohort, windows: dict) -> None:
    for moment, (opens_on, due_on) in windows.items():
        window = MeasurementWindow(cohort=cohort, moment=moment, opens_on=opens_on, due_on=due_on)
        window.full_clean(exclude=["cohort"], validate_unique=False)
        MeasurementWindow.objects.update_or_create(
            cohort=cohort, moment=moment, defaults={"opens_on": opens_on, "due_on": due_on}
        )


@transaction.atomic
def windows_save(*, cohort: Cohort, windows: dict[str, tuple[date | None, date | None]], user=None) -> None:
    """moment -> (opens_on, due_on); both empty removes the moment's window, one empty is refused."""
    keep = {}
    for moment, (opens_on, due_on) in windows.items():
        if moment not in MeasurementMoment.values:
            raise ValidationError(_("Onbekend meetmoment."), code="unknown_moment")
        if bool(opens_on) != bool(due_on):
            raise ValidationError(
                _("Vul bij %(moment)s beide data in, of geen van beide.") % {"moment": MeasurementMoment(moment).label},
                code="half_a_window",
            )
        if opens_on:
            keep[moment] = (opens_on, due_on)
    cohort.windows.exclude(moment__in=keep).delete()
    _windows_write(cohort, keep)
    audit.record(user, cohort.programme, "programme.windows_saved", cohort=cohort.name)


def first_open_window(cohort: Cohort, *, today: date | None = None) -> MeasurementWindow | None:
    """The first measurement someone joining today still has to hand in."""
    today = today or timezone.localdate()
    return cohort.windows.filter(due_on__gte=today).order_by("opens_on", "pk").first()


def _member(username: str, organisation_id: int, role: str, code: str):
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None or not Membership.objects.filter(user=user, organisation=organisation_id, role=role).exists():
        label = Membership.Role(role).label
        raise ValidationError(
            _("%(username)s is geen %(role)s in deze organisatie.") % {"username": username.strip(), "role": label},
            code=code,
        )
    return user


def _participant_add(*, cohort: Cohort, user, coach, invited_by) -> Participant:
    if Participant.objects.filter(cohort=cohort, user=user).exists():
        raise ValidationError(_("Deze deelnemer zit al in de groep."), code="already_in_cohort")
    participant = Participant.objects.create(cohort=cohort, user=user, coach=coach)
    # The programme's history names the cohort, never the person: results stay about groups.
    audit.record(invited_by, cohort.programme, "programme.participant_added", cohort=cohort.name)
    return participant


@transaction.atomic
def participant_invite(*, cohort: Cohort, username: str, coach_username: str = "", user=None) -> Participant:
    """Add a member with the deelnemer role to the cohort, with a member with the begeleider role as coach.

    The participant gets an e-mail naming the programme and the first measurement.
    """
    organisation_id = cohort.programme.organisation_id
    invited_by = user
    user = _member(username, organisation_id, Role.DEELNEMER, "not_a_participant")
    coach = _member(coach_username, organisation_id, Role.BEGELEIDER, "not_a_coach") if coach_username.strip() else None
    participant = _participant_add(cohort=cohort, user=user, coach=coach, invited_by=invited_by)
    notifications.programme_invited(
        user=user,
        cohort=cohort,
        as_coach=False,
        first_window=first_open_window(cohort),
        invited_by=invited_by,
        new_account=False,
    )
    return participant


@transaction.atomic
def cohort_invite_by_email(
    *,
    cohort: Cohort,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    coach=None,
    invited_by,
) -> Participant | None:
    """Invite a colleague by e-mail as a participant (added to the cohort) or as a coach.

    Through the organisation's member invitation: someone new gets an account with the role and a
    one-time link to choose a password, in one e-mail that names the programme and the first
    measurement. A member with that role already is simply added; a member with another role is
    refused (the beheerder changes roles). Returns the participant, or None for a coach.
    """
    if role not in (Role.DEELNEMER, Role.BEGELEIDER):
        raise ValidationError(_("Kies deelnemer of begeleider."), code="invalid_role")
    organisation = cohort.programme.organisation
    email = email.strip().lower()
    existing = get_user_model().objects.filter(email__iexact=email).order_by("pk").first()
    membership = (
        Membership.objects.filter(user=existing, organisation=organisation).first() if existing is not None else None
    )
    if membership is None:
        membership = member_invite(
            organisation=organisation,
            email=email,
            first_name=first_name,
            last_name=last_name,
            role=role,
            invited_by=invited_by,
            notify=False,
        )
    elif membership.role != role:
        raise ValidationError(
            _("%(email)s is al lid van %(organisation)s met de rol %(role)s. Vraag de beheerder de rol te wijzigen.")
            % {"email": email, "organisation": organisation, "role": membership.get_role_display()},
            code="other_role",
        )
    user = membership.user
    participant = None
    if role == Role.DEELNEMER:
        if (
            coach is not None
            and not Membership.objects.filter(user=coach, organisation=organisation, role=Role.BEGELEIDER).exists()
        ):
            raise ValidationError(_("Kies als begeleider een collega met de rol begeleider."), code="not_a_coach")
        participant = _participant_add(cohort=cohort, user=user, coach=coach, invited_by=invited_by)
    else:
        audit.record(invited_by, cohort.programme, "programme.coach_invited", cohort=cohort.name)
    notifications.programme_invited(
        user=user,
        cohort=cohort,
        as_coach=role == Role.BEGELEIDER,
        first_window=first_open_window(cohort),
        invited_by=invited_by,
        new_account=member_is_pending(user),
    )
    return participant


@transaction.atomic
def participant_manager_set(*, participant: Participant, email: str, user=None) -> Participant:
    """Name the participant's manager (who answers the follow-up) by e-mail: a member of the organisation.

    Empty clears it. The manager needs an account to answer; the beheerder invites colleagues who
    have none yet.
    """
    email = email.strip()
    if not email:
        participant.manager = None
    else:
        organisation_id = participant.cohort.programme.organisation_id
        manager = (
            get_user_model()
            .objects.filter(email__iexact=email, is_active=True, memberships__organisation=organisation_id)
            .order_by("pk")
            .first()
        )
        if manager is None:
            raise ValidationError(
                _(
                    "Niemand in uw organisatie heeft het e-mailadres %(email)s. Vraag de beheerder de "
                    "leidinggevende uit te nodigen als lid; daarna kunt u hem of haar hier noemen."
                )
                % {"email": email},
                code="not_a_member",
            )
        if manager.pk == participant.user_id:
            raise ValidationError(_("Een deelnemer is niet de eigen leidinggevende."), code="self_manager")
        participant.manager = manager
    participant.save(update_fields=["manager"])
    audit.record(user, participant.cohort.programme, "programme.manager_named", cohort=participant.cohort.name)
    return participant


@transaction.atomic
def plan_save(*, participant: Participant, goals: dict[int, tuple[str, str]]) -> None:
    """goals: competency pk -> (goal, actions); only the programme's framework's competencies."""
    framework_id = participant.cohort.programme.framework_id
    allowed = set(Competency.objects.filter(framework=framework_id, pk__in=goals).values_list("pk", flat=True))
    for competency_id in goals:
        if competency_id not in allowed:
            raise ValidationError(_("Deze competentie hoort niet bij het programma."), code="foreign_competency")
    people.plan_save_texts(participant, goals)
