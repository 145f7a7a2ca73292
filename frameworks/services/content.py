"""Writes inside a framework: clusters, levels, competencies (new or picked) and indicators."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext as _

from competentie import audit

from ..models import BehaviouralIndicator, Cluster, Competency, Framework, ProficiencyLevel, ProfileCompetency
from ._common import ensure_can_change, move_in, next_order, revision_bump


def _check_in_framework(framework: Framework, *objects) -> None:
    for obj in objects:
        if obj is not None and obj.framework_id != framework.pk:
            raise ValidationError(_("Kies een onderdeel van dit framework."))


# --- Clusters ----------------------------------------------------------------------------------


@transaction.atomic
def cluster_create(*, framework: Framework, user: AbstractBaseUser, name: str, description: str = "") -> Cluster:
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    cluster = Cluster(
        framework=framework, name=name, description=description, order=next_order(framework.clusters.all())
    )
    cluster.full_clean()
    cluster.save()
    audit.record(user, framework, "framework.cluster_create", name=name)
    return cluster


# --- Levels ------------------------------------------------------------------------------------


@transaction.atomic
def level_create(*, framework: Framework, user: AbstractBaseUser, name: str, description: str = "") -> ProficiencyLevel:
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    level = ProficiencyLevel(
        framework=framework, name=name, description=description, order=next_order(framework.levels.all())
    )
    level.full_clean()
    level.save()
    audit.record(user, framework, "framework.level_create", name=name)
    return level


@transaction.atomic
def level_update(
    *, level: ProficiencyLevel, user: AbstractBaseUser, revision: int, name: str, description: str
) -> ProficiencyLevel:
    framework = ensure_can_change(user=user, framework_id=level.framework_id)
    revision_bump(instance=level, revision=revision)
    old = level.name
    level.name, level.description = name, description
    level.full_clean()
    level.save()
    audit.record(user, framework, "framework.level_update", old=old, name=name)
    return level


@transaction.atomic
def level_move(*, level: ProficiencyLevel, user: AbstractBaseUser, direction: str) -> None:
    framework = ensure_can_change(user=user, framework_id=level.framework_id)
    if move_in(instance=level, siblings=framework.levels.order_by("order", "pk"), direction=direction):
        audit.record(user, framework, "framework.level_move", name=level.name)


@transaction.atomic
def level_delete(*, level: ProficiencyLevel, user: AbstractBaseUser) -> None:
    """Indicators of the level stay (without level); profiles that required it lose the requirement."""
    framework = ensure_can_change(user=user, framework_id=level.framework_id)
    name = level.name
    level.delete()
    audit.record(user, framework, "framework.level_delete", name=name)


# --- Competencies ------------------------------------------------------------------------------


@transaction.atomic
def competency_create(
    *,
    framework: Framework,
    user: AbstractBaseUser,
    name: str,
    definition: str = "",
    kind: str = "",
    hard_to_learn: bool = False,
    cluster: Cluster | None = None,
    esco_uri: str = "",
    competentnl_uri: str = "",
) -> Competency:
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    _check_in_framework(framework, cluster)
    competency = Competency(
        framework=framework,
        name=name,
        definition=definition,
        kind=kind,
        hard_to_learn=hard_to_learn,
        cluster=cluster,
        order=next_order(framework.competencies.all()),
        esco_uri=esco_uri,
        competentnl_uri=competentnl_uri,
    )
    competency.full_clean()
    competency.save()
    audit.record(user, framework, "framework.competency_create", name=name)
    return competency


@transaction.atomic
def competency_update(
    *,
    competency: Competency,
    user: AbstractBaseUser,
    revision: int,
    name: str,
    definition: str,
    kind: str,
    hard_to_learn: bool,
    cluster: Cluster | None,
    esco_uri: str | None = None,
    competentnl_uri: str | None = None,
) -> Competency:
    """Edit a competency; the vocabulary links (ESCO, CompetentNL) stay as they are when not given."""
    framework = ensure_can_change(user=user, framework_id=competency.framework_id)
    _check_in_framework(framework, cluster)
    revision_bump(instance=competency, revision=revision)
    competency.name, competency.definition, competency.kind = name, definition, kind
    competency.hard_to_learn, competency.cluster = hard_to_learn, cluster
    if esco_uri is not None:
        competency.esco_uri = esco_uri
    if competentnl_uri is not None:
        competency.competentnl_uri = competentnl_uri
    competency.full_clean()
    competency.save()
    audit.record(user, framework, "framework.competency_update", name=name)
    return competency


def _level_for(source_level: ProficiencyLevel | None, levels: list[ProficiencyLevel], source_levels) -> int | None:
    """The target level with the same name, else the one at the same position, else none."""
    if source_level is None or not levels:
        return None
    for level in levels:
        if level.name.strip().lower() == source_level.name.strip().lower():
            return level.pk
    position = [lv.pk for lv in source_levels].index(source_level.pk) if source_level in source_levels else None
    return levels[position].pk if position is not None and position < len(levels) else None


@transaction.atomic
def competency_pick(*, framework: Framework, user: AbstractBaseUser, source: Competency) -> Competency:
    """Copy a dictionary (or other framework's) competency with its generic indicators; remember the origin."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    if source.framework_id == framework.pk:
        raise ValidationError(_("Deze competentie staat al in dit framework."))
    if framework.competencies.filter(derived_from=source).exists():
        raise ValidationError(_("“%(name)s” is al eerder aan dit framework toegevoegd.") % {"name": source.name})
    cluster = None
    if source.cluster_id:
        cluster = framework.clusters.filter(name=source.cluster.name).first()
    competency = Competency(
        framework=framework,
        name=source.name,
        definition=source.definition,
        kind=source.kind,
        hard_to_learn=source.hard_to_learn,
        cluster=cluster,
        derived_from=source,
        order=next_order(framework.competencies.all()),
        esco_uri=source.esco_uri,
        competentnl_uri=source.competentnl_uri,
    )
    competency.full_clean()
    competency.save()
    levels = list(framework.levels.order_by("order", "pk"))
    source_levels = list(ProficiencyLevel.objects.filter(framework_id=source.framework_id).order_by("order", "pk"))
    BehaviouralIndicator.objects.bulk_create(
        BehaviouralIndicator(
            competency=competency,
            text=indicator.text,
            order=indicator.order,
            level_id=_level_for(indicator.level, levels, source_levels),
        )
        for indicator in source.indicators.select_related("level").order_by("order", "pk")
    )
    audit.record(user, framework, "framework.competency_pick", name=source.name, origin=source.framework.name)
    return competency


@transaction.atomic
def competency_move(*, competency: Competency, user: AbstractBaseUser, direction: str) -> None:
    """Up or down among the competencies of the same cluster (that is how the framework page lists them)."""
    framework = ensure_can_change(user=user, framework_id=competency.framework_id)
    siblings = framework.competencies.filter(cluster_id=competency.cluster_id).order_by("order", "name", "pk")
    if move_in(instance=competency, siblings=siblings, direction=direction):
        audit.record(user, framework, "framework.competency_move", name=competency.name)


@transaction.atomic
def competency_delete(*, competency: Competency, user: AbstractBaseUser) -> None:
    framework = ensure_can_change(user=user, framework_id=competency.framework_id)
    profiles = list(ProfileCompetency.objects.filter(competency=competency).values_list("profile__name", flat=True))
    if profiles:
        raise ValidationError(
            _("“%(name)s” staat in het profiel %(profiles)s. Haal de competentie daar eerst uit.")
            % {"name": competency.name, "profiles": ", ".join(profiles)}
        )
    name = competency.name
    try:
        competency.delete()
    except ProtectedError:  # used elsewhere (e.g. in a selection) — keep it
        raise ValidationError(
            _("“%(name)s” wordt nog gebruikt en kan niet worden verwijderd.") % {"name": name}
        ) from None
    audit.record(user, framework, "framework.competency_delete", name=name)


# --- Indicators --------------------------------------------------------------------------------


def indicator_framework_id(indicator: BehaviouralIndicator) -> int:
    if indicator.competency_id:
        return indicator.competency.framework_id
    return indicator.profile_competency.profile.framework_id


def _indicator_owner_label(indicator: BehaviouralIndicator) -> str:
    if indicator.competency_id:
        return indicator.competency.name
    pc = indicator.profile_competency
    return f"{pc.competency.name} ({pc.profile.name})"


@transaction.atomic
def indicator_create(
    *,
    user: AbstractBaseUser,
    text: str,
    level: ProficiencyLevel | None = None,
    competency: Competency | None = None,
    profile_competency: ProfileCompetency | None = None,
) -> BehaviouralIndicator:
    """A generic indicator of a competency, or a profile-specific one of a competency within a profile."""
    if (competency is None) == (profile_competency is None):
        raise ValidationError(
            _("Een gedragsindicator hoort bij een competentie of bij een competentie in een profiel.")
        )
    framework_id = competency.framework_id if competency else profile_competency.profile.framework_id
    framework = ensure_can_change(user=user, framework_id=framework_id)
    _check_in_framework(framework, level)
    siblings = (competency.indicators if competency else profile_competency.indicators).all()
    if level is not None:
        siblings = siblings.filter(level=level)
    indicator = BehaviouralIndicator(
        competency=competency,
        profile_competency=profile_competency,
        level=level,
        text=text.strip(),
        order=next_order(siblings),
    )
    indicator.full_clean()
    indicator.save()
    audit.record(
        user, framework, "framework.indicator_create", owner=_indicator_owner_label(indicator), text=indicator.text
    )
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: BehaviouralIndicator,
    user: AbstractBaseUser,
    revision: int,
    text: str,
    level: ProficiencyLevel | None,
) -> BehaviouralIndicator:
    framework = ensure_can_change(user=user, framework_id=indicator_framework_id(indicator))
    _check_in_framework(framework, level)
    revision_bump(instance=indicator, revision=revision)
    old = indicator.text
    indicator.text, indicator.level = text.strip(), level
    indicator.full_clean()
    indicator.save()
    audit.record(
        user,
        framework,
        "framework.indicator_update",
        owner=_indicator_owner_label(indicator),
        old=old,
        text=indicator.text,
    )
    return indicator


@transaction.atomic
def indicator_move(*, indicator: BehaviouralIndicator, user: AbstractBaseUser, direction: str) -> None:
    """Up or down among the indicators of the same owner and level."""
    framework = ensure_can_change(user=user, framework_id=indicator_framework_id(indicator))
    siblings = BehaviouralIndicator.objects.filter(
        competency_id=indicator.competency_id,
        profile_competency_id=indicator.profile_competency_id,
        level_id=indicator.level_id,
    ).order_by("order", "pk")
    if move_in(instance=indicator, siblings=siblings, direction=direction):
        audit.record(user, framework, "framework.indicator_move", owner=_indicator_owner_label(indicator))


@transaction.atomic
def indicator_delete(*, indicator: BehaviouralIndicator, user: AbstractBaseUser) -> None:
    framework = ensure_can_change(user=user, framework_id=indicator_framework_id(indicator))
    owner, text = _indicator_owner_label(indicator), indicator.text
    indicator.delete()
    audit.record(user, framework, "framework.indicator_delete", owner=owner, text=text)


@transaction.atomic
def cluster_update(*, cluster: Cluster, user: AbstractBaseUser, revision: int, name: str, description: str) -> Cluster:
    framework = ensure_can_change(user=user, framework_id=cluster.framework_id)
    revision_bump(instance=cluster, revision=revision)
    old = cluster.name
    cluster.name, cluster.description = name, description
    cluster.full_clean()
    cluster.save()
    audit.record(user, framework, "framework.cluster_update", old=old, name=name)
    return cluster


@transaction.atomic
def cluster_delete(*, cluster: Cluster, user: AbstractBaseUser) -> None:
    """The competencies of the cluster stay, without cluster."""
    framework = ensure_can_change(user=user, framework_id=cluster.framework_id)
    name = cluster.name
    cluster.delete()
    audit.record(user, framework, "framework.cluster_delete", name=name)
