"""Writes and rules of a self-evaluation round. Every write refuses a finished round."""

import hashlib
import json
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from frameworks.models import (
    BehaviouralIndicator,
    Framework,
    GuidingQuestion,
    GuidingQuestionSet,
    Membership,
    Organisation,
    Profile,
    ProfileCompetency,
    RatingScale,
)

from .models import (
    Action,
    Answer,
    EvaluationRound,
    Participant,
    PeerReview,
    PeerReviewNote,
    ProfileConclusion,
    Rating,
    RoundProfile,
)

RATING_FIELDS = ("score", "justification")


def _ensure_editable(round: EvaluationRound) -> None:
    # Read the status from the database: a page opened before the round was closed must not write.
    status = EvaluationRound.objects.filter(pk=round.pk).values_list("status", flat=True).first()
    if status == EvaluationRound.Status.FINISHED:
        raise ValidationError(_("Deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd."))


def _ensure_profile_in_round(round: EvaluationRound, profile: Profile) -> None:
    if not RoundProfile.objects.filter(round=round, profile=profile).exists():
        raise ValidationError(_("Dit profiel hoort niet bij deze zelfevaluatie."))


def _ensure_scale_point(round: EvaluationRound, score: int | None) -> None:
    if score is None:
        return
    values = sorted(round.scale.points.values_list("value", flat=True))
    if score not in values:
        raise ValidationError(
            _("Kies een score op de schaal van deze zelfevaluatie (%(values)s).")
            % {"values": ", ".join(str(value) for value in values)}
        )


# --- rounds ------------------------------------------------------------------------------------


def profile_snapshot(profile: Profile) -> tuple[dict, str]:
    """The profile's content as JSON and its SHA-256 fingerprint (uses prefetched competencies)."""
    content = {
        "name": profile.name,
        "code": profile.code,
        "description": profile.description,
        "competencies": [
            {
                "name": pc.competency.name,
                "note": pc.note,
                "indicators": [indicator.text for indicator in pc.indicators.all()],
            }
            for pc in profile.profile_competencies.all()
        ],
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return content, hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _round_profiles(framework: Framework) -> list[Profile]:
    return list(
        Profile.objects.filter(framework=framework, parent__isnull=True)
        .prefetch_related(
            Prefetch(
                "profile_competencies",
                queryset=ProfileCompetency.objects.select_related("competency").prefetch_related(
                    Prefetch("indicators", queryset=BehaviouralIndicator.objects.order_by("order", "pk"))
                ),
            )
        )
        .order_by("order", "pk")
    )


@transaction.atomic
def round_create(
    *,
    organisation: Organisation,
    framework: Framework,
    period: str,
    user: AbstractBaseUser,
    contact_name: str = "",
    contact_function: str = "",
    scale: RatingScale | None = None,
    participants: list | None = None,
) -> EvaluationRound:
    """Start a round on a frozen framework: snapshot its profiles, invite the starter, carry actions forward."""
    if not framework.is_frozen:
        raise ValidationError(_("Kies een gepubliceerde versie van een framework: een concept kan nog veranderen."))
    if framework.organisation_id not in (None, organisation.pk):
        raise ValidationError(_("Dit framework hoort bij een andere organisatie."))
    profiles = _round_profiles(framework)
    if not profiles:
        raise ValidationError(_("Dit framework heeft geen profielen om te beoordelen."))
    scale = scale or RatingScale.objects.of_framework(framework).first()
    if scale is None or not scale.points.exists():
        raise ValidationError(_("Dit framework heeft geen beoordelingsschaal. Kies een framework met een schaal."))
    previous = EvaluationRound.objects.filter(organisation=organisation).order_by("-created_at", "-pk").first()
    round = EvaluationRound(
        organisation=organisation,
        framework=framework,
        framework_version=framework.version,
        scale=scale,
        period=period.strip(),
        contact_name=contact_name.strip(),
        contact_function=contact_function.strip(),
        previous_round=previous,
        created_by=user,
    )
    round.full_clean()
    round.save()
    RoundProfile.objects.bulk_create(
        [
            RoundProfile(round=round, profile=profile, order=order, snapshot=snapshot, fingerprint=fingerprint)
            for order, profile in enumerate(profiles, start=1)
            for snapshot, fingerprint in [profile_snapshot(profile)]
        ]
    )
    invited = {user.pk: user, **{person.pk: person for person in participants or []}}
    for person in invited.values():
        participant_add(round=round, user=person)
    if previous is not None:
        actions_carry_forward(source=previous, target=round)
    audit.record(user, round, "round.created", period=round.period, framework=framework.name, version=framework.version)
    return round


@transaction.atomic
def actions_carry_forward(*, source: EvaluationRound, target: EvaluationRound) -> list[Action]:
    """Copy the open actions of the previous round into the new one, status kept, linked to the original.

    A profile of the old framework version is matched by name to the profile of the new round.
    """
    target_profiles = {rp.profile.name: rp.profile for rp in target.round_profiles.select_related("profile")}
    copies = [
        Action(
            round=target,
            profile=target_profiles.get(action.profile.name) if action.profile else None,
            what=action.what,
            measure=action.measure,
            owner=action.owner,
            deadline=action.deadline,
            status=action.status,
            carried_from=action,
        )
        for action in source.actions.filter(status__in=Action.OPEN_STATUSES).select_related("profile")
    ]
    return Action.objects.bulk_create(copies)


@transaction.atomic
def round_update(*, round: EvaluationRound, period: str, contact_name: str, contact_function: str) -> EvaluationRound:
    _ensure_editable(round)
    round.period = period.strip()
    round.contact_name = contact_name.strip()
    round.contact_function = contact_function.strip()
    round.full_clean()
    round.save()
    return round


NEXT_STATUS = {
    EvaluationRound.Status.CONCEPT: EvaluationRound.Status.IN_PROGRESS,
    EvaluationRound.Status.IN_PROGRESS: EvaluationRound.Status.FINISHED,
}


@transaction.atomic
def round_advance(*, round: EvaluationRound, user: AbstractBaseUser | None = None) -> EvaluationRound:
    """concept → in behandeling → afgerond. Closing needs an agreed score for every profile."""
    round = EvaluationRound.objects.select_for_update().get(pk=round.pk)
    _ensure_editable(round)
    next_status = NEXT_STATUS[round.status]
    if next_status == EvaluationRound.Status.FINISHED:
        missing = (
            RoundProfile.objects.filter(round=round)
            .exclude(profile__in=ProfileConclusion.objects.filter(round=round).values("profile"))
            .select_related("profile")
        )
        names = [rp.profile.name for rp in missing]
        if names:
            raise ValidationError(
                _("Leg eerst een afgesproken score vast voor: %(names)s.") % {"names": ", ".join(names)}
            )
        round.finished_at = timezone.now()
    old_status = round.status
    round.status = next_status
    round.full_clean()
    round.save()
    audit.record(user, round, "round.status", old=old_status, new=next_status)
    return round


# --- participants ------------------------------------------------------------------------------


@transaction.atomic
def participant_add(*, round: EvaluationRound, user: AbstractBaseUser) -> Participant:
    _ensure_editable(round)
    if not Membership.objects.filter(user=user, organisation_id=round.organisation_id).exists():
        raise ValidationError(_("Alleen medewerkers van de eigen organisatie kunnen deelnemen."))
    if Participant.objects.filter(round=round, user=user).exists():
        raise ValidationError(_("Deze persoon doet al mee."))
    participant = Participant(round=round, user=user)
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def participant_add_by_username(*, round: EvaluationRound, username: str) -> Participant:
    user = get_user_model().objects.filter(username=username.strip()).first()
    if user is None:
        raise ValidationError(_("Er is geen gebruiker met deze gebruikersnaam."))
    return participant_add(round=round, user=user)


@transaction.atomic
def participant_remove(*, participant: Participant) -> None:
    _ensure_editable(participant.round)
    participant.delete()


# --- step 1: individual scores and hulpvragen --------------------------------------------------


def _question_of(round: EvaluationRound, question_id: int, purpose: str) -> GuidingQuestion:
    question = GuidingQuestion.objects.filter(
        pk=question_id, question_set__framework_id=round.framework_id, question_set__purpose=purpose
    ).first()
    if question is None:
        raise ValidationError(_("Deze hulpvraag hoort niet bij deze stap van de zelfevaluatie."))
    return question


def _parse_score(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Een score is een heel getal op de schaal.")) from None


@transaction.atomic
def rating_save(*, participant: Participant, profile: Profile, score=None, justification: str | None = None) -> Rating:
    """Save the participant's own score and/or justification; None leaves a field as it is."""
    round = participant.round
    _ensure_editable(round)
    _ensure_profile_in_round(round, profile)
    rating, _created = Rating.objects.get_or_create(participant=participant, profile=profile)
    if score is not None:
        parsed = _parse_score(score)
        _ensure_scale_point(round, parsed)
        rating.score = parsed
    if justification is not None:
        rating.justification = justification
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def rating_clear_score(*, participant: Participant, profile: Profile) -> None:
    _ensure_editable(participant.round)
    Rating.objects.filter(participant=participant, profile=profile).update(score=None)


@transaction.atomic
def hulpvraag_answer_save(*, participant: Participant, profile: Profile, question_id: int, text: str) -> Answer:
    """A participant's notes on one step-1 hulpvraag for one profile."""
    round = participant.round
    _ensure_editable(round)
    _ensure_profile_in_round(round, profile)
    question = _question_of(round, question_id, GuidingQuestionSet.Purpose.SELF_EVALUATION)
    answer, _created = Answer.objects.get_or_create(
        round=round, question=question, participant=participant, profile=profile
    )
    answer.text = text
    answer.updated_by = participant.user
    answer.full_clean()
    answer.save()
    return answer


@transaction.atomic
def rating_form_save(*, participant: Participant, profile: Profile, data: dict) -> None:
    """Save a whole rating form (the no-JavaScript path): all fields or nothing."""
    score = data.get("score")
    if score in (None, ""):
        rating_clear_score(participant=participant, profile=profile)
        score = None
    rating_save(participant=participant, profile=profile, score=score, justification=data.get("justification", ""))
    for key, value in data.items():
        if key.startswith("answer-"):
            hulpvraag_answer_save(
                participant=participant, profile=profile, question_id=_parse_question(key), text=value
            )


def _parse_question(key: str) -> int:
    try:
        return int(key.split("-", 1)[1])
    except (IndexError, ValueError):
        raise ValidationError(_("Onbekend veld.")) from None


@transaction.atomic
def rating_field_save(*, participant: Participant, profile: Profile, field: str, value: str) -> None:
    """Autosave of one field of the rating page."""
    if field == "score":
        if value == "":
            rating_clear_score(participant=participant, profile=profile)
        else:
            rating_save(participant=participant, profile=profile, score=value)
    elif field == "justification":
        rating_save(participant=participant, profile=profile, justification=value)
    elif field.startswith("answer-"):
        hulpvraag_answer_save(participant=participant, profile=profile, question_id=_parse_question(field), text=value)
    else:
        raise ValidationError(_("Onbekend veld."))


# --- team: agreed scores -----------------------------------------------------------------------


@transaction.atomic
def conclusion_save(
    *, round: EvaluationRound, profile: Profile, agreed_score, justification: str, user: AbstractBaseUser
) -> ProfileConclusion:
    """The team's agreed score and onderbouwing for a profile (no automatic final score)."""
    _ensure_editable(round)
    _ensure_profile_in_round(round, profile)
    score = _parse_score(agreed_score)
    if score is None:
        raise ValidationError(_("Kies de afgesproken score."))
    _ensure_scale_point(round, score)
    if not justification.strip():
        raise ValidationError(_("Schrijf op hoe het team tot deze score kwam."))
    conclusion = ProfileConclusion.objects.filter(round=round, profile=profile).first() or ProfileConclusion(
        round=round, profile=profile
    )
    conclusion.agreed_score = score
    conclusion.justification = justification.strip()
    conclusion.recorded_by = user
    conclusion.full_clean()
    conclusion.save()
    return conclusion


# --- step 2: peer review -----------------------------------------------------------------------


@transaction.atomic
def peer_review_invite(*, round: EvaluationRound, username: str, invited_by: AbstractBaseUser) -> PeerReview:
    """Invite a colleague of a peer organisation to read this round and write step-2 notes."""
    _ensure_editable(round)
    reviewer = get_user_model().objects.filter(username=username.strip()).first()
    if reviewer is None:
        raise ValidationError(_("Er is geen gebruiker met deze gebruikersnaam."))
    memberships = Membership.objects.filter(user=reviewer).select_related("organisation")
    if any(m.organisation_id == round.organisation_id for m in memberships):
        raise ValidationError(
            _(
                "Een collegiale toetsing doet u met een collega van een andere organisatie; nodig eigen medewerkers uit als deelnemer."
            )
        )
    peer = next((m.organisation for m in memberships), None)
    if peer is None:
        raise ValidationError(_("Deze gebruiker hoort bij geen organisatie."))
    if PeerReview.objects.filter(round=round, reviewer=reviewer).exists():
        raise ValidationError(_("Deze collega is al uitgenodigd."))
    review = PeerReview(round=round, reviewer=reviewer, organisation=peer, invited_by=invited_by)
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def peer_review_remove(*, peer_review: PeerReview) -> None:
    _ensure_editable(peer_review.round)
    peer_review.delete()


@transaction.atomic
def peer_note_save(*, peer_review: PeerReview, question_id: int, text: str) -> PeerReviewNote:
    round = peer_review.round
    _ensure_editable(round)
    question = _question_of(round, question_id, GuidingQuestionSet.Purpose.PEER_REVIEW)
    note, _created = PeerReviewNote.objects.get_or_create(peer_review=peer_review, question=question)
    note.text = text
    note.full_clean()
    note.save()
    return note


# --- step 3: conclusions and action plan -------------------------------------------------------


@transaction.atomic
def conclusion_answer_save(*, round: EvaluationRound, question_id: int, text: str, user: AbstractBaseUser) -> Answer:
    _ensure_editable(round)
    question = _question_of(round, question_id, GuidingQuestionSet.Purpose.CONCLUSIONS)
    answer, _created = Answer.objects.get_or_create(round=round, question=question, participant=None, profile=None)
    answer.text = text
    answer.updated_by = user
    answer.full_clean()
    answer.save()
    return answer


def _check_action(round: EvaluationRound, profile: Profile | None, deadline: date) -> None:
    if profile is not None:
        _ensure_profile_in_round(round, profile)
    if deadline is None:
        raise ValidationError(_("Geef een deadline."))


@transaction.atomic
def action_create(
    *,
    round: EvaluationRound,
    what: str,
    measure: str,
    owner: str,
    deadline: date,
    profile: Profile | None = None,
    status: str = Action.Status.OPEN,
) -> Action:
    _ensure_editable(round)
    _check_action(round, profile, deadline)
    action = Action(
        round=round,
        profile=profile,
        what=what.strip(),
        measure=measure.strip(),
        owner=owner.strip(),
        deadline=deadline,
        status=status,
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    what: str,
    measure: str,
    owner: str,
    deadline: date,
    status: str,
    profile: Profile | None = None,
) -> Action:
    _ensure_editable(action.round)
    _check_action(action.round, profile, deadline)
    action.profile = profile
    action.what = what.strip()
    action.measure = measure.strip()
    action.owner = owner.strip()
    action.deadline = deadline
    action.status = status
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_delete(*, action: Action) -> None:
    _ensure_editable(action.round)
    action.delete()
