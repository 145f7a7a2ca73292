"""Demo: a round finished two years ago and an open round with a peer review (development only)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from frameworks.models import Framework

from . import services
from .models import EvaluationRound

PAST, CURRENT = "2024", "2026"
PAST_SCORES = {"mt": [3, 2, 3, 4, 2], "mt2": [3, 3, 2, 4, 3], "mt3": [4, 2, 3, 3, 2]}
CURRENT_SCORES = {"mt2": [4, 3, 3, 4, 2], "mt3": [3, 3, 4, 5, 3]}


def _rate(round, user, scores):
    participant = round.participants.get(user=user)
    for round_profile, score in zip(round.round_profiles.select_related("profile").order_by("order"), scores):
        services.rating_save(
            participant=participant,
            profile=round_profile.profile,
            score=score,
            justification="Onze eigen inschatting op basis van de praktijk van het afgelopen jaar (demo).",
        )
        services.rating_submit(participant=participant, profile=round_profile.profile)


@transaction.atomic
def demo_build(*, organisation, people: dict) -> str:
    if EvaluationRound.objects.filter(organisation=organisation, period__in=[PAST, CURRENT]).exists():
        return "Zelfevaluatierondes bestonden al."
    vth = Framework.objects.libraries().get(name="VTH competentieprofielen")
    mt, mt2, mt3 = (people[name][0] for name in ("mt", "mt2", "mt3"))
    past = services.round_create(
        organisation=organisation,
        framework=vth,
        period=PAST,
        user=mt,
        contact_name="Mark Teunissen",
        contact_function="afdelingshoofd VTH",
        participants=[mt2, mt3],
    )
    for username, scores in PAST_SCORES.items():
        _rate(past, people[username][0], scores)
    for round_profile in past.round_profiles.select_related("profile"):
        services.conclusion_save(
            round=past,
            profile=round_profile.profile,
            agreed_score=3,
            justification="Afgesproken in het MT-overleg (demo).",
            user=mt,
        )
    services.action_create(
        round=past,
        what="Intervisie voor alle toezichthouders",
        measure="Elke toezichthouder neemt vier keer per jaar deel",
        owner="Mark Teunissen",
        deadline=timezone.localdate() + timedelta(days=90),
        profile=None,
    )
    services.round_advance(round=past, user=mt)
    two_years_ago = timezone.now() - timedelta(days=730)
    EvaluationRound.objects.filter(pk=past.pk).update(created_at=two_years_ago, finished_at=two_years_ago)

    current = services.round_create(
        organisation=organisation,
        framework=vth,
        period=CURRENT,
        user=mt,
        contact_name="Mark Teunissen",
        contact_function="afdelingshoofd VTH",
        participants=[mt2, mt3],
    )
    for username, scores in CURRENT_SCORES.items():
        _rate(current, people[username][0], scores)
    services.peer_review_invite(round=current, username=people["toetser"][0].email, invited_by=mt)
    return f"Zelfevaluatie {PAST} (afgerond) en {CURRENT} (open, met collegiale toetsing)."
