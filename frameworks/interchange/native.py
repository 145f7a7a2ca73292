"""The app's own JSON format: a whole framework, so that an import gives an identical framework.

Format "competentie-framework", version 1. Objects refer to each other by keys local to the
file ("N1" for a level, "K3" for a competency …), never by database ids. Lists keep their
order and every object carries its `order`, so a round trip keeps the order exactly.
A cluster under another cluster names it in `parent` (absent for one directly under the framework).
The import lives in native_import.py.
"""

import json
from collections import defaultdict

from django.utils import timezone

from ..models import BehaviouralIndicator, Framework, Profile

FORMAT = "competentie-framework"
VERSION = 1


# --------------------------------------------------------------------------------------------
# Export


def _kept(obj) -> dict:
    """What an imported CASE item said that the model has no column for (only when there is some)."""
    kept = obj.interchange.get("case") if isinstance(obj.interchange, dict) else None
    return {"case": kept} if kept else {}


def _indicator(indicator: BehaviouralIndicator, level_keys: dict) -> dict:
    return {
        "uuid": str(indicator.uuid),
        **_kept(indicator),
        "text": indicator.text,
        "level": level_keys.get(indicator.level_id),
        "order": indicator.order,
    }


def framework_to_dict(framework: Framework) -> dict:
    """A framework loaded by `framework_for_export` as a plain, JSON-ready dict."""
    level_keys = {level.pk: f"N{n}" for n, level in enumerate(framework.levels.all(), start=1)}
    cluster_keys = {cluster.pk: f"C{n}" for n, cluster in enumerate(framework.clusters.all(), start=1)}
    role_level_keys = {level.pk: f"R{n}" for n, level in enumerate(framework.role_levels.all(), start=1)}
    dilemma_keys = {dilemma.pk: f"D{n}" for n, dilemma in enumerate(framework.dilemmas.all(), start=1)}
    competency_keys = {c.pk: f"K{n}" for n, c in enumerate(framework.competencies.all(), start=1)}

    def described(objects, keys):
        return [
            {"key": keys[o.pk], **({"uuid": str(o.uuid), **_kept(o)} if hasattr(o, "uuid") else {}), "name": o.name}
            | {"description": o.description, "order": o.order}
            for o in objects
        ]

    children = defaultdict(list)
    for profile in framework.profiles.all():
        children[profile.parent_id].append(profile)

    def profile_dict(profile: Profile) -> dict:
        return {
            "name": profile.name,
            "code": profile.code,
            "description": profile.description,
            "characteristic": profile.characteristic,
            **(
                {"hr21": {"family": profile.hr21_family, "name": profile.hr21_name, "code": profile.hr21_code}}
                if profile.hr21_name or profile.hr21_code or profile.hr21_family
                else {}
            ),
            "role_level": role_level_keys.get(profile.role_level_id),
            "order": profile.order,
            "tasks": [{"text": task.text, "order": task.order} for task in profile.tasks.all()],
            "expertise_areas": [{"name": area.name, "order": area.order} for area in profile.expertise_areas.all()],
            "dilemma_positions": [
                {"dilemma": dilemma_keys[position.dilemma_id], "position": position.position}
                for position in profile.dilemma_positions.all()
            ],
            "competencies": [
                {
                    "competency": competency_keys[pc.competency_id],
                    "required_level": level_keys.get(pc.required_level_id),
                    "note": pc.note,
                    "order": pc.order,
                    "indicators": [_indicator(i, level_keys) for i in pc.indicators.all()],
                }
                for pc in profile.profile_competencies.all()
            ],
            "children": [profile_dict(child) for child in children[profile.pk]],
        }

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "exported_from": {
            "name": framework.name,
            "version": framework.version,
            "status": framework.status,
            "published_at": framework.published_at.isoformat() if framework.published_at else None,
            "organisation": framework.organisation.name if framework.organisation else None,
        },
        "framework": {
            "uuid": str(framework.uuid),
            "predecessor": str(framework.based_on.uuid)
            if framework.based_on and framework.based_on.lineage_id == framework.lineage_id
            else None,
            "name": framework.name,
            "description": framework.description,
            "target_group": framework.target_group,
            "source": framework.source,
            "is_dictionary": framework.is_dictionary,
        },
        "levels": described(framework.levels.all(), level_keys),
        "clusters": [
            entry | ({"parent": cluster_keys[cluster.parent_id]} if cluster.parent_id in cluster_keys else {})
            for entry, cluster in zip(described(framework.clusters.all(), cluster_keys), framework.clusters.all())
        ],
        "role_levels": described(framework.role_levels.all(), role_level_keys),
        "dilemmas": described(framework.dilemmas.all(), dilemma_keys),
        "competencies": [
            {
                "key": competency_keys[c.pk],
                "uuid": str(c.uuid),
                **_kept(c),
                "name": c.name,
                "definition": c.definition,
                "kind": c.kind,
                "hard_to_learn": c.hard_to_learn,
                **({"esco_uri": c.esco_uri} if c.esco_uri else {}),
                **({"competentnl_uri": c.competentnl_uri} if c.competentnl_uri else {}),
                "cluster": cluster_keys.get(c.cluster_id),
                "order": c.order,
                "derived_from": (
                    {"framework": c.derived_from.framework.name, "competency": c.derived_from.name}
                    if c.derived_from
                    else None
                ),
                "indicators": [_indicator(i, level_keys) for i in c.indicators.all()],
            }
            for c in framework.competencies.all()
        ],
        "profiles": [profile_dict(profile) for profile in children[None]],
        "associations": [{"primary": a.primary, "association": a.data} for a in framework.associations.all()],
    }


def framework_to_json(framework: Framework) -> str:
    return json.dumps(framework_to_dict(framework), ensure_ascii=False, indent=2)
