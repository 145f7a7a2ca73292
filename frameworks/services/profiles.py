"""Writes on profiles: the role/function profile and the competencies it requires."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit

from ..models import (
    Competency,
    Dilemma,
    DilemmaPosition,
    ExpertiseArea,
    Framework,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
    ProfileTask,
    RoleLevel,
)
from ._common import ensure_can_change, move_in, next_order, revision_bump

CORE_MIN, CORE_MAX = 6, 8


def profile_core_warning(count: int) -> str:
    """The guide advises six to eight core competencies per function profile: warn, never block."""
    if count < CORE_MIN:
        return _(
            "Dit profiel heeft %(count)s kerncompetenties. De handleiding adviseert er zes tot acht: "
            "zo blijft de selectie gericht en toch volledig."
        ) % {"count": count}
    if count > CORE_MAX:
        return _(
            "Dit profiel heeft %(count)s kerncompetenties. De handleiding adviseert maximaal zes tot acht, "
            "om focus te houden."
        ) % {"count": count}
    return ""


def _check_in(framework: Framework, *objects) -> None:
    for obj in objects:
        if obj is not None and obj.framework_id != framework.pk:
            raise ValidationError(_("Kies een onderdeel van dit framework."))


def _set_details(profile: Profile, expertise_areas: list[str], tasks: list[str], positions: dict[int, int | None]):
    profile.expertise_areas.all().delete()
    ExpertiseArea.objects.bulk_create(
        ExpertiseArea(profile=profile, name=name, order=order) for order, name in enumerate(expertise_areas)
    )
    profile.tasks.all().delete()
    ProfileTask.objects.bulk_create(
        ProfileTask(profile=profile, text=text, order=order) for order, text in enumerate(tasks)
    )
    dilemma_ids = set(Dilemma.objects.filter(framework_id=profile.framework_id).values_list("pk", flat=True))
    if set(positions) - dilemma_ids:
        raise ValidationError(_("Kies een dilemma van dit framework."))
    profile.dilemma_positions.all().delete()
    rows = [
        DilemmaPosition(profile=profile, dilemma_id=dilemma_id, position=position)
        for dilemma_id, position in positions.items()
        if position is not None
    ]
    for row in rows:
        row.full_clean(exclude=["profile"])
    DilemmaPosition.objects.bulk_create(rows)


@transaction.atomic
def profile_create(
    *,
    framework: Framework,
    user: AbstractBaseUser,
    name: str,
    code: str = "",
    description: str = "",
    characteristic: str = "",
    parent: Profile | None = None,
    role_level: RoleLevel | None = None,
    expertise_areas: list[str] | None = None,
    tasks: list[str] | None = None,
    dilemma_positions: dict[int, int | None] | None = None,
    hr21: tuple[str, str, str] = ("", "", ""),
) -> Profile:
    """A new profile; hr21 is its HR21 normfunctie as (family, name, code)."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    _check_in(framework, parent, role_level)
    profile = Profile(
        framework=framework,
        name=name,
        code=code,
        description=description,
        characteristic=characteristic,
        parent=parent,
        role_level=role_level,
        order=next_order(framework.profiles.filter(parent=parent)),
    )
    profile.hr21_family, profile.hr21_name, profile.hr21_code = hr21
    profile.full_clean()
    profile.save()
    _set_details(profile, expertise_areas or [], tasks or [], dilemma_positions or {})
    audit.record(user, framework, "framework.profile_create", name=name)
    return profile


@transaction.atomic
def profile_update(
    *,
    profile: Profile,
    user: AbstractBaseUser,
    revision: int,
    name: str,
    code: str,
    description: str,
    characteristic: str,
    parent: Profile | None,
    role_level: RoleLevel | None,
    expertise_areas: list[str],
    tasks: list[str],
    dilemma_positions: dict[int, int | None],
    hr21: tuple[str, str, str] | None = None,
) -> Profile:
    framework = ensure_can_change(user=user, framework_id=profile.framework_id)
    _check_in(framework, parent, role_level)
    ancestor = parent
    while ancestor is not None:
        if ancestor.pk == profile.pk:
            raise ValidationError(_("Een profiel kan niet onder zichzelf of onder een eigen hoofdtaak vallen."))
        ancestor = ancestor.parent
    revision_bump(instance=profile, revision=revision)
    profile.name, profile.code, profile.description = name, code, description
    profile.characteristic, profile.parent, profile.role_level = characteristic, parent, role_level
    if hr21 is not None:  # the HR21 normfunctie (family, name, code); unchanged when not given
        profile.hr21_family, profile.hr21_name, profile.hr21_code = hr21
    profile.full_clean()
    profile.save()
    _set_details(profile, expertise_areas, tasks, dilemma_positions)
    audit.record(user, framework, "framework.profile_update", name=name)
    return profile


@transaction.atomic
def profile_delete(*, profile: Profile, user: AbstractBaseUser) -> None:
    framework = ensure_can_change(user=user, framework_id=profile.framework_id)
    name = profile.name
    profile.delete()
    audit.record(user, framework, "framework.profile_delete", name=name)


@transaction.atomic
def profile_competency_add(
    *,
    profile: Profile,
    user: AbstractBaseUser,
    competency: Competency,
    required_level: ProficiencyLevel | None = None,
    note: str = "",
) -> ProfileCompetency:
    framework = ensure_can_change(user=user, framework_id=profile.framework_id)
    _check_in(framework, competency, required_level)
    if profile.profile_competencies.filter(competency=competency).exists():
        raise ValidationError(_("“%(name)s” staat al in dit profiel.") % {"name": competency.name})
    pc = ProfileCompetency(
        profile=profile,
        competency=competency,
        required_level=required_level,
        note=note,
        order=next_order(profile.profile_competencies.all()),
    )
    pc.full_clean()
    pc.save()
    audit.record(user, framework, "framework.profile_competency_add", competency=competency.name, profile=profile.name)
    return pc


@transaction.atomic
def profile_competency_update(
    *,
    profile_competency: ProfileCompetency,
    user: AbstractBaseUser,
    revision: int,
    required_level: ProficiencyLevel | None,
    note: str,
) -> ProfileCompetency:
    pc = profile_competency
    framework = ensure_can_change(user=user, framework_id=pc.profile.framework_id)
    _check_in(framework, required_level)
    revision_bump(instance=pc, revision=revision)
    pc.required_level, pc.note = required_level, note
    pc.full_clean()
    pc.save()
    audit.record(
        user, framework, "framework.profile_competency_update", competency=pc.competency.name, profile=pc.profile.name
    )
    return pc


@transaction.atomic
def profile_competency_move(*, profile_competency: ProfileCompetency, user: AbstractBaseUser, direction: str) -> None:
    pc = profile_competency
    framework = ensure_can_change(user=user, framework_id=pc.profile.framework_id)
    siblings = ProfileCompetency.objects.filter(profile_id=pc.profile_id).order_by("order", "pk")
    if move_in(instance=pc, siblings=siblings, direction=direction):
        audit.record(user, framework, "framework.profile_competency_move", profile=pc.profile.name)


@transaction.atomic
def profile_competency_remove(*, profile_competency: ProfileCompetency, user: AbstractBaseUser) -> None:
    pc = profile_competency
    framework = ensure_can_change(user=user, framework_id=pc.profile.framework_id)
    names = {"competency": pc.competency.name, "profile": pc.profile.name}
    pc.delete()
    audit.record(user, framework, "framework.profile_competency_remove", **names)
