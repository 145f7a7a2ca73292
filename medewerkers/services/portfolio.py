"""The EVC portfolio, the writes: evidence per competency (text and files) and an assessor's judgement.

A file is checked before anything is written (competentie/uploads.py: allow-listed type whose content
matches, size limit); an item with a refused file is not saved at all, and a file written to disk
for a save that then fails is removed again, so a bad upload leaves nothing behind.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.people.models import Employee
from competentie.uploads import upload_check

from ..models import PortfolioFile, PortfolioItem, PortfolioJudgement


def portfolio_item_save(
    *, employee: Employee, competency, title: str, text: str, uploads=(), user, item: PortfolioItem | None = None
) -> PortfolioItem:
    """Add or change a piece of evidence, with new files. All or nothing: a refused file saves nothing."""
    uploads = list(uploads)
    kinds = [upload_check(upload) for upload in uploads]  # every file is checked before anything is written
    if not employee.profile_id or not employee.profile.profile_competencies.filter(competency=competency).exists():
        raise ValidationError(_("Kies een competentie uit uw functieprofiel."), code="not_in_profile")
    if not title.strip():
        raise ValidationError(_("Geef het bewijsstuk een titel."), code="no_title")
    written = []
    try:
        with transaction.atomic():
            item = item or PortfolioItem(employee=employee)
            item.competency, item.title, item.text = competency, title.strip(), text.strip()
            item.full_clean()
            item.save()
            for upload, kind in zip(uploads, kinds):
                row = PortfolioFile(
                    item=item, original_name=upload.name[:200], content_type=kind.content_type, size=upload.size
                )
                row.file.save(upload.name, upload, save=False)
                written.append(row.file)
                row.save()
            audit.record(user, employee, "portfolio.saved", competency=str(competency))
    except Exception:
        for field_file in written:  # the database rolled back; the disk follows
            field_file.delete(save=False)
        raise
    return item


@transaction.atomic
def portfolio_item_delete(*, item: PortfolioItem, user) -> None:
    files = [f.file for f in item.files.all()]
    employee, competency = item.employee, str(item.competency)
    item.delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files])
    audit.record(user, employee, "portfolio.deleted", competency=competency)


@transaction.atomic
def portfolio_judgement_request(*, item: PortfolioItem, assessor, scale, user) -> PortfolioJudgement:
    """Ask an assessor (a member of the organisation, not the employee) to judge a piece of evidence."""
    if assessor.pk == item.employee.user_id:
        raise ValidationError(_("U kunt uw eigen bewijs niet beoordelen; kies een assessor."), code="self")
    if not assessor.memberships.filter(organisation_id=item.employee.organisation_id).exists():
        raise ValidationError(_("De assessor moet lid zijn van uw organisatie."), code="outsider")
    if hasattr(item, "judgement") and item.judgement.is_judged:
        raise ValidationError(_("Dit bewijsstuk is al beoordeeld."), code="judged")
    judgement, _created = PortfolioJudgement.objects.update_or_create(
        item=item, defaults={"assessor": assessor, "scale": scale}
    )
    audit.record(user, item.employee, "portfolio.judgement_requested", competency=str(item.competency))
    return judgement


@transaction.atomic
def portfolio_judge(*, judgement: PortfolioJudgement, value: int, advice: str, motivation: str, user) -> None:
    if judgement.is_judged:
        raise ValidationError(_("Dit bewijsstuk is al beoordeeld."), code="judged")
    if value not in set(judgement.scale.points.values_list("value", flat=True)):
        raise ValidationError(_("Kies een niveau van de schaal."), code="invalid_value")
    if advice not in PortfolioJudgement.Advice.values:
        raise ValidationError(_("Kies een advies."), code="invalid_advice")
    if not motivation.strip():
        raise ValidationError(_("Onderbouw uw oordeel."), code="no_motivation")
    judgement.value, judgement.advice, judgement.motivation = value, advice, motivation.strip()
    judgement.judged_at = timezone.now()
    judgement.save()
    audit.record(user, judgement.item.employee, "portfolio.judged", competency=str(judgement.item.competency))
