"""A closed procedure's calibration matrix in the cache (competentie/fragments.py), the procedure its owner.

A closed procedure never changes its scores, submissions or consensus (the services refuse), so its matrix
is built and rendered once per viewer (what a viewer sees depends on their role and their own hand-ins).
What can still change is marked by the services that write it: the procedure's settings (the disagreement
threshold, services.setup.procedure_update and procedure_transition), a candidate's purge, and a selecteur's
name (the user model's save, connected in apps.py).
"""

from collections.abc import Callable

from django.db.models import F

from competentie import fragments

NAME_FIELDS = {"first_name", "last_name", "username"}


def calibration_kept(procedure, *, user, is_hr: bool, page: str, only_flagged: bool, compute: Callable[[], dict]):
    variant = f"{'hr' if is_hr else 'panel'}-{user.pk}-{page}-{int(only_flagged)}"
    return fragments.kept(procedure, name="calibration", variant=variant, compute=compute)


def content_changed(procedure) -> None:
    fragments.content_changed(procedure)


def procedure_changed(procedure_id: int) -> None:
    """As content_changed, by key, where the procedure row is not at hand (one UPDATE)."""
    from .models import SelectionProcedure

    SelectionProcedure.objects.filter(pk=procedure_id).update(content_stamp=F("content_stamp") + 1)


def selecteur_saved(sender, instance, update_fields=None, created=False, **kwargs) -> None:
    """A renamed selecteur: the matrices that show their name are out of date (one UPDATE)."""
    if created or (update_fields is not None and not NAME_FIELDS & set(update_fields)):
        return
    from .models import Assignment, SelectionProcedure

    SelectionProcedure.objects.filter(
        pk__in=Assignment.objects.filter(selecteur=instance.pk).values("procedure")
    ).update(content_stamp=F("content_stamp") + 1)
