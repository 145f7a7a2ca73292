"""Reads for the "Mijn werk" home page: what waits for this user in development programmes.

Each function costs a fixed number of queries, whatever the number of cohorts or participants.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, FilteredRelation, Prefetch, Q

from competentie.organisations.access import Role, organisation_ids

from .access import is_programme_team
from .models import Cohort, Measurement, MeasurementMoment, MeasurementWindow, Participant, Rater
from .people import managed_by
from .progress import Status, participant_progress
from .selectors import team_organisation_ids


def _own_measurements(rater: str = Rater.PARTICIPANT) -> Prefetch:
    return Prefetch("measurements", queryset=Measurement.objects.filter(rater=rater).only("participant_id", "moment"))


def _with_progress(participants, today: date) -> list[Participant]:
    for participant in participants:
        handed_in = {m.moment for m in participant.measurements.all()}
        participant.progress = participant_progress(participant.cohort.windows.all(), handed_in, today)
    return participants


def my_measurements(*, user: AbstractBaseUser, today: date) -> list[Participant]:
    """The user's own participations, each with `progress`: open and overdue measurements (3 queries)."""
    participants = (
        Participant.objects.filter(user=user, cohort__programme__organisation__in=organisation_ids(user))
        .select_related("cohort__programme")
        .prefetch_related("cohort__windows", _own_measurements())
        .order_by("cohort__starts_on", "pk")
    )
    return _with_progress(list(participants), today)


def coached_participants(*, user: AbstractBaseUser, today: date) -> list[Participant]:
    """The participants the user coaches, each with `progress` (3 queries)."""
    participants = (
        Participant.objects.filter(
            coach=user, user__isnull=False, cohort__programme__organisation__in=organisation_ids(user)
        )
        .select_related("user", "cohort__programme")
        .prefetch_related("cohort__windows", _own_measurements())
        .order_by("cohort__programme__name", "cohort__name", "user__last_name", "user__username")
    )
    return _with_progress(list(participants), today)


def follow_ups_to_answer(*, user: AbstractBaseUser, today: date) -> list[Participant]:
    """Participants whose manager the user is, with the follow-up open now; `answered` if done (2 queries)."""
    participants = list(
        managed_by(user)
        .filter(cohort__programme__organisation__in=organisation_ids(user))
        .annotate(
            follow_up_window=FilteredRelation("cohort__windows", condition=Q(cohort__windows__moment="opvolging"))
        )
        .filter(follow_up_window__opens_on__lte=today, follow_up_window__due_on__gte=today)
        .annotate(due_on=F("follow_up_window__due_on"))
        .select_related("user", "cohort__programme")
        .prefetch_related(_own_measurements(Rater.MANAGER))
        .order_by("due_on", "pk")
    )
    for participant in participants:
        participant.answered = any(m.moment == MeasurementMoment.FOLLOW_UP for m in participant.measurements.all())
    return participants


def cohorts_in_progress(*, user: AbstractBaseUser, today: date) -> list[Cohort]:
    """The programme team's cohorts that still have a measurement to come or to chase (3 queries).

    Each cohort carries `participant_count`, `current` (the window open now with the nearest
    deadline, else the last one passed), `handed_in` for it, and `statuses` (status label → count).
    """
    cohorts = list(
        Cohort.objects.filter(programme__organisation__in=team_organisation_ids(user))
        .select_related("programme")
        .prefetch_related(Prefetch("windows", queryset=MeasurementWindow.objects.order_by("opens_on", "pk")))
        .order_by("starts_on", "pk")
    )
    cohorts = [c for c in cohorts if is_programme_team(user, c.programme.organisation_id)]
    if not cohorts:
        return []
    rows = (
        Participant.objects.filter(cohort__in=cohorts, user__isnull=False)
        .annotate(own_measurement=FilteredRelation("measurements", condition=Q(measurements__rater=Rater.PARTICIPANT)))
        .values_list("cohort_id", "pk", "own_measurement__moment")
        .order_by()
    )
    handed_in: dict[int, dict[int, set]] = {}
    for cohort_id, participant_id, moment in rows:
        moments = handed_in.setdefault(cohort_id, {}).setdefault(participant_id, set())
        if moment:
            moments.add(moment)
    shown = []
    for cohort in cohorts:
        windows = list(cohort.windows.all())
        if windows and max(w.due_on for w in windows) < today:
            continue  # finished: nothing left to chase
        participants = handed_in.get(cohort.pk, {})
        cohort.participant_count = len(participants)
        opened = [w for w in windows if w.opens_on <= today]
        open_now = sorted((w for w in opened if w.due_on >= today), key=lambda w: w.due_on)
        cohort.current = open_now[0] if open_now else (opened[-1] if opened else None)
        cohort.next_window = next((w for w in windows if w.opens_on > today), None)
        cohort.handed_in = sum(
            1 for moments in participants.values() if cohort.current and cohort.current.moment in moments
        )
        counts = {status: 0 for status in Status.values}
        for moments in participants.values():
            counts[participant_progress(windows, moments, today).status] += 1
        cohort.statuses = [(Status(status).label, count) for status, count in counts.items() if count]
        shown.append(cohort)
    return shown


def home_work(*, user: AbstractBaseUser, roles: set[str], today: date) -> dict:
    """This app's parts of "Mijn werk" (named in the setting HOME_WORK; the home view imports no app)."""
    work = {
        # A participant's manager can hold any role: whoever was named answers the follow-up.
        "follow_ups": follow_ups_to_answer(user=user, today=today) if roles else [],
    }
    if Role.DEELNEMER in roles:
        work["measurements"] = my_measurements(user=user, today=today)
    if Role.BEGELEIDER in roles:
        work["coached"] = coached_participants(user=user, today=today)
    if Role.HR in roles:
        work["cohorts"] = cohorts_in_progress(user=user, today=today)
    return work
