"""The one stale-edit rule of the product: a revision counter per record that several people edit.

A form or an autosave carries the revision it was made from. A save made from an older revision is
refused with ``StaleEdit`` (a ValidationError with code "stale") that carries the current value, so
the page can show the newer version beside the user's own text; nothing is overwritten. Used by
frameworks (content), selectie (consensus, decisions, revised scores) and zelfevaluatie (agreed
scores, conclusions, actions, shared notes).

A record that does not exist yet has revision 0; a saved record starts at 1.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy

STALE_MESSAGE = gettext_lazy(
    "Iemand anders heeft dit intussen gewijzigd. Uw tekst is niet opgeslagen en er is niets overschreven. "
    "Hieronder ziet u beide versies."
)

#: What a record that was never saved counts as.
NEW = 0


class Revisioned(models.Model):
    """A counter the services raise on every change, so a form opened on an older revision is refused."""

    revision = models.PositiveIntegerField(
        gettext_lazy("revisie"),
        default=1,
        editable=False,
        help_text=gettext_lazy("Telt op bij elke wijziging; weigert verouderde formulieren."),
    )

    class Meta:
        abstract = True


class StaleEdit(ValidationError):
    """A save made from an older revision. ``current`` is what is stored now (for display beside
    the user's text), ``revision`` the revision it has."""

    def __init__(self, *, current: object = "", revision: int = NEW, message=STALE_MESSAGE):
        super().__init__(message, code="stale")
        self.current = current
        self.revision = revision


def parse_revision(value) -> int | None:
    """The revision a request says it was made from: None when absent (no check), else an integer."""
    if value is None:
        return None
    value = str(value).strip()
    if value == "":
        return None
    try:
        return max(int(value), NEW)
    except ValueError:
        raise ValidationError(gettext_lazy("Ongeldige revisie."), code="invalid_revision") from None


def revision_of(instance: models.Model | None) -> int:
    """The revision a page shows for a record, or NEW when there is no record yet."""
    if instance is None or instance.pk is None:
        return NEW
    return instance.revision


def revision_check(
    *, instance: models.Model | None, seen: int | None, unchanged: bool = False, current: object = ""
) -> None:
    """Refuse a save made from revision ``seen`` unless it is the record's current revision.

    Call inside the transaction that writes, on a row read with ``select_for_update()``.
    ``seen=None`` means the caller does not take part (a single-owner record). ``unchanged`` means the
    submitted value equals what is stored: a retried save whose answer was lost, or two people
    typing the same; that is never a conflict. ``current`` is what the refusal shows.
    """
    if seen is None or unchanged:
        return
    stored = revision_of(instance)
    if seen != stored:
        raise StaleEdit(current=current, revision=stored)


def revision_bump(instance: models.Model) -> None:
    """Count one revision up before saving a change (a new record starts at 1); the row was read locked."""
    instance.revision = revision_of(instance) + 1


def revision_save(
    *,
    instance: models.Model,
    seen: int | None,
    unchanged: bool = False,
    current: object = "",
    update_fields: list[str] | None = None,
) -> models.Model:
    """Check, count up and save: the whole rule in one call for the common case.

    ``instance`` holds the new values already; ``current`` is the stored value before the change.
    A save that changes nothing keeps the revision (retries are idempotent).
    """
    revision_check(instance=instance if instance.pk else None, seen=seen, unchanged=unchanged, current=current)
    if unchanged and instance.pk is not None:
        return instance
    revision_bump(instance)
    instance.save(update_fields=[*update_fields, "revision"] if update_fields else None)
    return instance


def save_new_or_refuse(instance: models.Model, *, lookup: dict, shown: str) -> None:
    """Save; when two people create the same record at the same moment (a unique constraint on
    ``lookup``), the second is refused as stale with the first one's ``shown`` field, not a 500.

    Locking an existing row serialises edits; a row that does not exist yet has nothing to lock.
    """
    if instance.pk is not None:
        instance.save()
        return
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        stored = type(instance).objects.filter(**lookup).first()
        if stored is None:
            raise
        raise StaleEdit(current=getattr(stored, shown), revision=stored.revision) from None
