"""Step 2: collegiale toetsing by a colleague of a peer organisation."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie.notifications import events as notifications
from competentie.organisations.models import Membership
from frameworks.models import GuidingQuestionSet, Profile

from ..models import EvaluationRound, PeerReview, PeerReviewNote, PeerSuggestion
from .checks import ensure_editable, ensure_profile_in_round, question_of


@transaction.atomic
def peer_review_invite(*, round: EvaluationRound, username: str, invited_by: AbstractBaseUser) -> PeerReview:
    """Invite a colleague of a peer organisation to read this round and write step-2 notes."""
    ensure_editable(round)
    # Colleagues elsewhere are known by their e-mail address; a login name still works.
    wanted = username.strip()
    people = get_user_model().objects.filter(is_active=True)
    reviewer = (people.filter(email__iexact=wanted) if "@" in wanted else people.filter(username=wanted)).first()
    if reviewer is None:
        raise ValidationError(
            _(
                "Er is geen account met dit e-mailadres. Vraag de beheerder van de andere organisatie om deze collega uit te nodigen."
            ),
            code="unknown_reviewer",
        )
    memberships = Membership.objects.filter(user=reviewer).select_related("organisation").order_by("organisation__name")
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
    notifications.peer_reviewer_invited(peer_review=review)
    return review


@transaction.atomic
def peer_review_remove(*, peer_review: PeerReview) -> None:
    ensure_editable(peer_review.round)
    peer_review.delete()


@transaction.atomic
def peer_note_save(*, peer_review: PeerReview, question_id: int, text: str) -> PeerReviewNote:
    round = peer_review.round
    ensure_editable(round)
    question = question_of(round, question_id, GuidingQuestionSet.Purpose.PEER_REVIEW)
    note, _created = PeerReviewNote.objects.get_or_create(peer_review=peer_review, question=question)
    note.text = text
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def peer_suggestion_save(*, peer_review: PeerReview, profile: Profile, text: str) -> PeerSuggestion:
    """The reviewer's suggestions for one profile; step 3 shows them beside the conclusion questions."""
    round = peer_review.round
    ensure_editable(round)
    ensure_profile_in_round(round, profile)
    suggestion, _created = PeerSuggestion.objects.get_or_create(peer_review=peer_review, profile=profile)
    suggestion.text = text
    suggestion.full_clean()
    suggestion.save()
    return suggestion


@transaction.atomic
def peer_host_notes_save(*, peer_review: PeerReview, text: str, user: AbstractBaseUser) -> PeerReview:
    """The host organisation's own notes of the conversation with this reviewer."""
    ensure_editable(peer_review.round)
    peer_review.host_notes = text
    peer_review.host_notes_by = user
    peer_review.full_clean()
    peer_review.save(update_fields=["host_notes", "host_notes_by"])
    return peer_review
