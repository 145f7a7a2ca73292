"""Writes on a framework as a whole: create, edit, stappenplan, publish, new version, derive."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit, revisions
from competentie.organisations.models import Organisation

from .. import access
from ..models import Framework, FrameworkStep, ProficiencyLevel, Profile
from ._common import STALE_MESSAGE, ensure_can_change, framework_lock, revision_bump
from .copying import framework_copy_contents, profile_tree_ids
from .review import review_carry_over
from .steps import STEP_NUMBERS, STEPS

DEFAULT_LEVELS = ["beginner", "gevorderd", "expert"]
EDITABLE_STATUSES = [Framework.Status.CONCEPT, Framework.Status.REVIEW, Framework.Status.PILOT]


def _ensure_author_in(user: AbstractBaseUser, organisation: Organisation) -> None:
    if organisation.pk not in access.authoring_organisation_ids(user):
        raise PermissionDenied


@transaction.atomic
def framework_create(
    *,
    user: AbstractBaseUser,
    organisation: Organisation,
    name: str,
    description: str = "",
    target_group: str = "",
    source: str = "",
) -> Framework:
    """A new concept framework with the guide's default levels beginner / gevorderd / expert."""
    _ensure_author_in(user, organisation)
    framework = Framework(
        organisation=organisation,
        name=name,
        description=description,
        target_group=target_group,
        source=source,
    )
    framework.full_clean()
    framework.save()
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(framework=framework, name=level, order=order) for order, level in enumerate(DEFAULT_LEVELS)
    )
    audit.record(user, framework, "framework.create", name=name)
    return framework


@transaction.atomic
def framework_update(
    *,
    framework: Framework,
    user: AbstractBaseUser,
    revision: int,
    name: str,
    description: str,
    target_group: str,
    source: str,
    status: str,
) -> Framework:
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    revision_bump(instance=framework, revision=revision)
    if status not in EDITABLE_STATUSES:
        raise ValidationError(_("Vaststellen gaat via “Publiceren”; kies hier concept, in review of pilot."))
    changed = [
        label
        for label, old, new in [
            (_("naam"), framework.name, name),
            (_("doel"), framework.description, description),
            (_("doelgroep"), framework.target_group, target_group),
            (_("bron"), framework.source, source),
            (_("status"), framework.status, status),
        ]
        if old != new
    ]
    framework.name, framework.description, framework.target_group = name, description, target_group
    framework.source, framework.status = source, status
    framework.full_clean()
    framework.save()
    if changed:
        audit.record(user, framework, "framework.update", fields=", ".join(changed))
    return framework


@transaction.atomic
def framework_step_update(
    *,
    framework: Framework,
    user: AbstractBaseUser,
    number: int,
    done: bool,
    output: str,
    seen: str | None = None,
) -> FrameworkStep:
    """Tick (or untick) a step of the stappenplan and note what it produced.

    seen is the step's revision the form was made from (0 for a step never saved); when given and a
    colleague saved the step since, the save is refused instead of overwriting (competentie.revisions).
    """
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    if number not in STEP_NUMBERS:
        raise ValidationError(_("Deze stap bestaat niet."))
    step = FrameworkStep.objects.select_for_update().filter(framework=framework, number=number).first()
    try:
        revisions.revision_check(
            instance=step, seen=revisions.parse_revision(seen), current=step.output if step else ""
        )
    except revisions.StaleEdit as error:
        raise revisions.StaleEdit(current=error.current, revision=error.revision, message=STALE_MESSAGE) from None
    if step is None:
        step = FrameworkStep(framework=framework, number=number)
    step.done, step.output, step.updated_by = done, output, user
    step.full_clean()
    revisions.revision_bump(step)
    step.save()
    title = STEPS[number - 1].title
    audit.record(user, framework, "framework.step_done" if done else "framework.step_update", step=title)
    return step


@transaction.atomic
def framework_publish(*, framework: Framework, user: AbstractBaseUser) -> Framework:
    """Freeze this version: vastgesteld, dated, and read-only from now on."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    if not framework.competencies.exists():
        raise ValidationError(_("Een framework zonder competenties kan niet worden vastgesteld."))
    framework.status = Framework.Status.ADOPTED
    framework.published_at = timezone.now()
    framework.revision += 1
    framework.save()
    audit.record(user, framework, "framework.publish", version=framework.version)
    # Earlier published versions of the same line step aside; their content stays exactly as it was.
    earlier = (
        Framework.objects.versions_of(framework)
        .published()
        .filter(version__lt=framework.version, status=Framework.Status.ADOPTED)
    )
    for old in earlier:
        audit.record(user, old, "framework.archive", version=framework.version)
    earlier.update(status=Framework.Status.ARCHIVED)
    return framework


def framework_versions(*, framework: Framework):
    """All versions of the same framework (same first version), oldest first."""
    return Framework.objects.versions_of(framework)


@transaction.atomic
def framework_new_version(*, framework: Framework, user: AbstractBaseUser) -> Framework:
    """Copy a published version into a new concept with the next version number."""
    framework = framework_lock(framework_id=framework.pk)
    if not access.can_edit_framework(user, framework):
        raise PermissionDenied
    if framework.published_at is None:
        raise ValidationError(_("Alleen een vastgestelde versie krijgt een nieuwe versie; deze is nog een concept."))
    newer = framework_versions(framework=framework).filter(version__gt=framework.version).order_by("-version").first()
    if newer is not None:
        raise ValidationError(
            _("Er bestaat al een nieuwere versie (versie %(version)s). Werk daarin verder.")
            % {"version": newer.version}
        )
    draft = Framework.objects.create(
        organisation=framework.organisation,
        name=framework.name,
        description=framework.description,
        target_group=framework.target_group,
        source=framework.source,
        is_dictionary=framework.is_dictionary,
        version=framework.version + 1,
        based_on=framework,
        first_version_id=framework.first_version_id or framework.pk,
        # The Moodle ID numbers stay with the next version, so its export updates the same framework in Moodle.
        interchange={"moodle": framework.interchange["moodle"]} if "moodle" in (framework.interchange or {}) else {},
    )
    maps = framework_copy_contents(source=framework, target=draft, link_to_source=False)
    review_carry_over(source=framework, target=draft, maps=maps)
    FrameworkStep.objects.bulk_create(
        FrameworkStep(framework=draft, number=s.number, done=s.done, output=s.output, updated_by=s.updated_by)
        for s in framework.steps.all()
    )
    audit.record(user, draft, "framework.new_version", version=draft.version, old=framework.version)
    return draft


@transaction.atomic
def framework_derive(
    *,
    source: Framework,
    user: AbstractBaseUser,
    organisation: Organisation,
    profile: Profile | None = None,
    name: str = "",
) -> Framework:
    """ "Gebruik als vertrekpunt": copy a readable framework, or one profile of it, into a new own concept."""
    _ensure_author_in(user, organisation)
    if not access.can_read_framework(user, source):
        raise PermissionDenied
    if profile is not None and profile.framework_id != source.pk:
        raise ValidationError(_("Dit profiel hoort niet bij dit framework."))
    name = name.strip() or (profile.name if profile else source.name)
    origin = f"{source.name} (versie {source.version})" + (f", profiel {profile.name}" if profile else "")
    derived = Framework(
        organisation=organisation,
        name=name,
        description=source.description,
        target_group=source.target_group,
        source=_("Gebaseerd op %(origin)s.") % {"origin": origin} + (f" {source.source}" if source.source else ""),
        based_on=source,
    )
    derived.full_clean()
    derived.save()
    profile_ids = profile_tree_ids(framework=source, profile=profile) if profile else None
    framework_copy_contents(source=source, target=derived, profile_ids=profile_ids, link_to_source=True)
    if not derived.levels.exists():
        ProficiencyLevel.objects.bulk_create(
            ProficiencyLevel(framework=derived, name=level, order=order) for order, level in enumerate(DEFAULT_LEVELS)
        )
    audit.record(user, derived, "framework.derive", origin=origin)
    return derived
