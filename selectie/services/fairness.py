"""Fairness monitoring: what the organisation asks, the candidate's own link, their voluntary answers.

The candidate answers themself, through a link sent by e-mail (no account): HR never records or
sees one person's answers. Only a hash of the link's token is kept (competentie/links.py, shared
with the outside raters of 360° feedback).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.links import token_hash, token_new  # noqa: F401 (token_hash: re-exported for the selectors)
from competentie.notifications import events as notifications
from competentie.notifications.mail import absolute_url
from competentie.organisations.models import Organisation

from .. import fairness
from ..models import Candidate, FairnessAnswer, FairnessInvitation, FairnessSetup, SelectionProcedure


@transaction.atomic
def fairness_setup_save(*, organisation: Organisation, characteristics) -> FairnessSetup:
    chosen = [c for c in fairness.CHARACTERISTICS if c in set(characteristics)]
    if set(characteristics) - set(chosen):
        raise ValidationError(_("Kies alleen kenmerken uit de vaste lijst."), code="unknown_characteristic")
    setup, _created = FairnessSetup.objects.get_or_create(organisation=organisation)
    setup.characteristics = chosen
    setup.full_clean()
    setup.save()
    return setup


def fairness_invitation_create(*, candidate: Candidate) -> str:
    """A new link for one candidate (an earlier link stops working); returns the token for the URL."""
    token, hashed = token_new()
    FairnessInvitation.objects.update_or_create(
        candidate=candidate, defaults={"token_hash": hashed, "answered_at": None}
    )
    return token


@transaction.atomic
def fairness_invite(*, procedure: SelectionProcedure, user: AbstractBaseUser) -> int:
    """E-mail the questionnaire to every candidate with an address who has no link yet; returns how many."""
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; er gaan geen vragenlijsten meer uit."), code="closed")
    if not FairnessSetup.objects.filter(organisation_id=procedure.organisation_id).exclude(characteristics=[]).exists():
        raise ValidationError(
            _("Kies eerst welke kenmerken uw organisatie vraagt (Gelijke kansen, instellingen)."), code="no_setup"
        )
    candidates = (
        Candidate.objects.filter(procedure=procedure, personal_data__isnull=False, fairness_invitation__isnull=True)
        .exclude(personal_data__email="")
        .select_related("personal_data")
    )
    count = 0
    for candidate in candidates:
        token = fairness_invitation_create(candidate=candidate)
        notifications.fairness_questionnaire(
            to_name=candidate.personal_data.name,
            to_email=candidate.personal_data.email,
            organisation=str(procedure.organisation),
            organisation_id=procedure.organisation_id,
            procedure_name=procedure.name,
            url=absolute_url("selectie:fairness-form", token),
        )
        count += 1
    if count:
        audit.record(user, procedure, "fairness.invited", count=count)
    return count


@transaction.atomic
def fairness_answers_save(*, invitation: FairnessInvitation, answers: dict[str, str]) -> int:
    """Replace the candidate's answers; "zeg ik liever niet" (or no answer) stores nothing."""
    asked = FairnessSetup.objects.filter(organisation_id=invitation.candidate.procedure.organisation_id).first()
    asked = set(asked.characteristics if asked else [])
    rows = []
    for characteristic, answer in answers.items():
        if not answer or answer == fairness.PREFER_NOT:
            continue
        if characteristic not in asked or not fairness.valid_answer(characteristic, answer):
            raise ValidationError(_("Kies een van de antwoorden bij elke vraag."), code="invalid_answer")
        rows.append(FairnessAnswer(candidate=invitation.candidate, characteristic=characteristic, answer=answer))
    FairnessAnswer.objects.filter(candidate=invitation.candidate).delete()
    FairnessAnswer.objects.bulk_create(rows)
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["answered_at"])
    return len(rows)


@transaction.atomic
def fairness_answers_withdraw(*, invitation: FairnessInvitation) -> None:
    FairnessAnswer.objects.filter(candidate=invitation.candidate).delete()
    invitation.answered_at = None
    invitation.save(update_fields=["answered_at"])
