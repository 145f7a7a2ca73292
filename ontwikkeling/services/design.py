"""Designing a programme: create it on a published framework, save a step, tick the principles."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit
from competentie.organisations.models import Organisation
from frameworks.models import Framework

from ..models import GuideText, PrincipleNote, Programme


@transaction.atomic
def programme_create(
    *, user: AbstractBaseUser, organisation: Organisation, framework: Framework, name: str
) -> Programme:
    if not Framework.objects.visible_to(user).readable_in(organisation).frozen().filter(pk=framework.pk).exists():
        raise ValidationError(
            _("Kies een gepubliceerde versie van een framework: een concept kan nog veranderen."),
            code="framework_not_published",
        )
    programme = Programme(organisation=organisation, framework=framework, name=name.strip(), created_by=user)
    programme.full_clean()
    programme.save()
    audit.record(user, programme, "programme.created", framework=framework.name)
    return programme


@transaction.atomic
def step_save(
    *, programme: Programme, form=None, formsets=(), user: AbstractBaseUser | None = None, step: int | None = None
) -> Programme:
    """Save a step page: the programme's own fields and the rows of its lists, all or nothing."""
    if form is not None:
        form.save()
    for formset in formsets:
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted.delete()
        next_order = max((f.instance.order for f in formset.forms if f.instance.pk), default=0)
        for instance in instances:
            instance.programme = programme
            if instance.pk is None:
                next_order += 1
                instance.order = next_order
            instance.save()
        formset.save_m2m()
    changed = form is not None and form.has_changed() or any(formset.has_changed() for formset in formsets)
    if changed:
        audit.record(user, programme, "programme.step_saved", step=step)
    return programme


@transaction.atomic
def principles_save(
    *, programme: Programme, answers: dict[str, tuple[bool, str]], user: AbstractBaseUser | None = None
) -> None:
    """answers: principle code -> (met, how)."""
    principles = {text.code: text for text in GuideText.objects.filter(kind=GuideText.Kind.PRINCIPLE)}
    for code, (met, how) in answers.items():
        principle = principles.get(code)
        if principle is None:
            raise ValidationError(_("Onbekend ontwerpprincipe."), code="unknown_principle")
        PrincipleNote.objects.update_or_create(
            programme=programme, principle=principle, defaults={"met": met, "how": how.strip()}
        )
    audit.record(user, programme, "programme.principles_saved", met=sum(1 for met, _how in answers.values() if met))
