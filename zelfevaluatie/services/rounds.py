"""Starting, editing and advancing a round; snapshots of its profiles; carrying actions forward."""

import hashlib
import json

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.organisations.models import Organisation
from frameworks.models import BehaviouralIndicator, Framework, Profile, ProfileCompetency, RatingScale

from ..fragments import content_changed
from ..lineage import lineage_root_id
from ..models import Action, EvaluationRound, Participant, ProfileConclusion, RoundProfile
from .checks import ensure_editable, ensure_profile_in_round
from .participants import participant_add


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


def framework_round_profiles(framework: Framework) -> list[Profile]:
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
    """Start a round on a frozen framework: snapshot its profiles, invite the starter, carry actions forward.

    One round per framework lineage is open at a time; the previous round of the lineage must be finished.
    """
    if not framework.is_frozen:
        raise ValidationError(
            _("Kies een gepubliceerde versie van een framework: een concept kan nog veranderen."), code="not_frozen"
        )
    if framework.organisation_id not in (None, organisation.pk):
        raise ValidationError(_("Dit framework hoort bij een andere organisatie."), code="other_organisation")
    profiles = framework_round_profiles(framework)
    if not profiles:
        raise ValidationError(_("Dit framework heeft geen profielen om te beoordelen."), code="no_profiles")
    scale = scale or RatingScale.objects.of_framework(framework).first()
    if scale is None or not scale.points.exists():
        raise ValidationError(
            _(
                "Dit framework heeft geen beoordelingsschaal. Kies in het framework een schaal (bijvoorbeeld de VTH-schaal 1–5) en publiceer het opnieuw."
            ),
            code="no_scale",
        )
    lineage_id = lineage_root_id(framework)
    lineage_rounds = EvaluationRound.objects.select_for_update().filter(
        organisation=organisation, lineage_id=lineage_id
    )
    open_round = lineage_rounds.exclude(status=EvaluationRound.Status.FINISHED).first()
    if open_round is not None:
        raise ValidationError(
            _(
                "Er loopt al een zelfevaluatie op dit framework (%(period)s). Rond die eerst af; open acties gaan dan mee naar de nieuwe ronde."
            )
            % {"period": open_round.period},
            code="open_round_exists",
        )
    previous = lineage_rounds.order_by("-created_at", "-pk").first()
    round = EvaluationRound(
        organisation=organisation,
        framework=framework,
        framework_version=framework.version,
        scale=scale,
        period=period.strip(),
        contact_name=contact_name.strip(),
        contact_function=contact_function.strip(),
        previous_round=previous,
        lineage_id=lineage_id,
        chair=user,
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
def round_update(
    *,
    round: EvaluationRound,
    period: str,
    contact_name: str,
    contact_function: str,
    chair: AbstractBaseUser | None = None,
) -> EvaluationRound:
    ensure_editable(round)
    round.period = period.strip()
    round.contact_name = contact_name.strip()
    round.contact_function = contact_function.strip()
    if chair is not None:
        round.chair = chair
    round.full_clean()
    round.save()
    content_changed(round)  # the growth chart shows the period
    return round


NEXT_STATUS = {EvaluationRound.Status.IN_PROGRESS: EvaluationRound.Status.FINISHED}


@transaction.atomic
def round_advance(*, round: EvaluationRound, user: AbstractBaseUser | None = None) -> EvaluationRound:
    """lopend → afgerond. Closing needs an agreed score for every profile and is final."""
    round = EvaluationRound.objects.select_for_update().get(pk=round.pk)
    ensure_editable(round)
    missing = (
        RoundProfile.objects.filter(round=round)
        .exclude(profile__in=ProfileConclusion.objects.filter(round=round).values("profile"))
        .select_related("profile")
    )
    names = [rp.profile.name for rp in missing]
    if names:
        raise ValidationError(
            _("Leg eerst een afgesproken score vast voor: %(names)s.") % {"names": ", ".join(names)},
            code="agreed_scores_missing",
        )
    round.finished_at = timezone.now()
    old_status = round.status
    round.status = EvaluationRound.Status.FINISHED
    round.full_clean()
    round.save()
    audit.record(user, round, "round.status", old=old_status, new=round.status)
    return round


@transaction.atomic
def round_open_team_view(*, round: EvaluationRound, user: AbstractBaseUser, reason: str) -> EvaluationRound:
    """The chair opens the team view before everyone handed in; the reason is recorded with name and time."""
    round = EvaluationRound.objects.select_for_update().get(pk=round.pk)
    ensure_editable(round)
    if round.chair_id != user.pk:
        raise ValidationError(_("Alleen de voorzitter kan het teamoverzicht vroeg openen."), code="not_chair")
    if not reason.strip():
        raise ValidationError(_("Schrijf op waarom het teamoverzicht nu al open gaat."), code="reason_required")
    if round.team_opened_at is not None:
        raise ValidationError(_("Het teamoverzicht is al geopend."), code="already_open")
    round.team_opened_at = timezone.now()
    round.team_opened_by = user
    round.team_opened_reason = reason.strip()
    round.full_clean()
    round.save()
    audit.record(user, round, "round.team_opened", reason=round.team_opened_reason)
    return round


@transaction.atomic
def round_profile_scorers_set(
    *,
    round: EvaluationRound,
    profile: Profile,
    participants: list[Participant],
    user: AbstractBaseUser | None = None,
) -> None:
    """Who scores this profile; nobody chosen means every participant scores it."""
    ensure_editable(round)
    ensure_profile_in_round(round, profile)
    if any(participant.round_id != round.pk for participant in participants):
        raise ValidationError(_("Kies deelnemers van deze zelfevaluatie."), code="not_a_participant")
    round_profile = RoundProfile.objects.get(round=round, profile=profile)
    before = {p.pk for p in round_profile.scorers.all()}
    if before == {p.pk for p in participants}:
        return
    round_profile.scorers.set(participants)
    audit.record(
        user,
        round,
        "round.scorers",
        profile=profile.name,
        scorers=[str(p) for p in participants],
    )
