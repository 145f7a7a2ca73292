"""Shared rules of every authoring write: who may change a framework, stale forms, the history."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from competentie import revisions

from .. import access
from ..fragments import content_changed
from ..models import Framework

STALE_MESSAGE = gettext_lazy(
    "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen en er is niets "
    "overschreven: open de pagina opnieuw, bekijk de nieuwste tekst en voer uw wijziging nog eens in."
)
NEWER_VERSION = gettext_lazy("De nieuwere versie van uw collega: %(current)s")
FROZEN_MESSAGE = gettext_lazy(
    "Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een nieuwe versie om verder te werken."
)
LIBRARY_MESSAGE = gettext_lazy(
    "Een bibliotheek kan niet worden gewijzigd. Gebruik haar als vertrekpunt voor een eigen framework."
)


def framework_lock(*, framework_id: int) -> Framework:
    """The framework row, locked until the transaction ends, so a publish and an edit never cross."""
    return Framework.objects.select_for_update().get(pk=framework_id)


def ensure_can_change(*, user: AbstractBaseUser, framework_id: int) -> Framework:
    """Refuse unless the user authors this framework and the version is still a draft.

    Reads the framework afresh (and locks it): a page loaded before a colleague published is stale.
    """
    framework = framework_lock(framework_id=framework_id)
    if not access.can_edit_framework(user, framework):
        raise PermissionDenied
    if framework.is_library:
        raise ValidationError(LIBRARY_MESSAGE, code="library")
    if framework.published_at is not None:
        raise ValidationError(FROZEN_MESSAGE, code="frozen")
    content_changed(framework)
    return framework


def revision_bump(*, instance: models.Model, revision: int | str | None) -> None:
    """Refuse a form made from an older revision of this row; otherwise count one revision up.

    The product's one stale-edit rule (competentie.revisions); an authoring form must carry its revision.
    """
    locked = type(instance).objects.select_for_update().get(pk=instance.pk)
    seen = revisions.parse_revision(revision)
    try:
        revisions.revision_check(instance=locked, seen=-1 if seen is None else seen)
    except revisions.StaleEdit as error:
        # The form keeps the user's text; the message carries the newer version to read beside it.
        current = stored_text(locked)
        message = STALE_MESSAGE
        if current:
            message = format_lazy("{} {}", STALE_MESSAGE, NEWER_VERSION % {"current": current})
        raise revisions.StaleEdit(current=current, revision=error.revision, message=message) from None
    revisions.revision_bump(locked)
    instance.revision = locked.revision


def stored_text(instance: models.Model, *, limit: int = 400) -> str:
    """The text fields of a stored row in one line ("Naam: …; Definitie: …"), as a refusal shows them."""
    parts = []
    for field in instance._meta.concrete_fields:
        if field.editable and isinstance(field, models.CharField | models.TextField) and not field.choices:
            value = (getattr(instance, field.attname) or "").strip()
            if value:
                parts.append(f"{str(field.verbose_name).capitalize()}: {value[:limit]}")
    return "; ".join(parts)


def next_order(queryset) -> int:
    highest = queryset.aggregate(highest=models.Max("order"))["highest"]
    return 0 if highest is None else highest + 1


def move_in(*, instance: models.Model, siblings, direction: str) -> bool:
    """Swap an item with its neighbour ("up"/"down") and number the siblings 0..n again."""
    items = list(siblings)
    index = next((i for i, item in enumerate(items) if item.pk == instance.pk), None)
    if index is None:
        return False
    target = index - 1 if direction == "up" else index + 1
    if direction not in {"up", "down"} or not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    for order, item in enumerate(items):
        item.order = order
    type(instance).objects.bulk_update(items, ["order"])
    return True
