"""Turn the curated seed sources (fixtures/source/*.json) into Django fixtures (fixtures/*.json).

The sources are nested and readable; fixtures are flat rows with primary keys. Keys are
assigned in a fixed order so that a rebuild of unchanged sources gives identical files.
"""

import json
import uuid
from collections import defaultdict
from pathlib import Path

from django.conf import settings

SOURCE_ORDER = ["picompany", "divosa", "vth", "voorbeeld"]
SOURCE_DIR = Path(settings.BASE_DIR) / "fixtures" / "source"
FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"
# The seeded libraries are the same content on every installation, so they carry the same
# identifiers everywhere: derived from this namespace and the row's place in the fixtures.
LIBRARY_NAMESPACE = uuid.UUID("0b7e3a52-9c1d-4f6e-8a2b-5d4c3e2f1a09")
IDENTIFIED = {"framework", "cluster", "proficiencylevel", "competency", "behaviouralindicator"}


class FixtureBuilder:
    def __init__(self):
        self._next_pk = defaultdict(int)
        self.competency_pks: dict[str, int] = {}  # "framework-key:name" -> pk
        self.rows: list[dict] = []

    def _add(self, model: str, **fields) -> int:
        self._next_pk[model] += 1
        pk = self._next_pk[model]
        if model in IDENTIFIED:
            fields["uuid"] = str(uuid.uuid5(LIBRARY_NAMESPACE, f"{model}:{pk}"))
        self.rows.append({"model": f"frameworks.{model}", "pk": pk, "fields": fields})
        return pk

    def build(self, source: dict) -> list[dict]:
        self.rows = []
        meta = source["framework"]
        key = meta["key"]
        framework = self._add(
            "framework",
            organisation=None,
            name=meta["name"],
            description=meta.get("description", ""),
            target_group=meta.get("target_group", ""),
            source=meta.get("source", ""),
            status="vastgesteld",
            is_dictionary=meta.get("is_dictionary", False),
            version=1,
            published_at=None,
            based_on=None,
            created_at="2025-01-01T00:00:00Z",
            updated_at="2025-01-01T00:00:00Z",
        )
        levels = {
            level["name"]: self._add(
                "proficiencylevel",
                framework=framework,
                name=level["name"],
                description=level.get("description", ""),
                order=order,
            )
            for order, level in enumerate(source.get("levels", []), start=1)
        }
        clusters = {
            cluster["name"]: self._add(
                "cluster",
                framework=framework,
                name=cluster["name"],
                description=cluster.get("description", ""),
                order=order,
            )
            for order, cluster in enumerate(source.get("clusters", []), start=1)
        }
        competencies = {}
        for order, competency in enumerate(source.get("competencies", []), start=1):
            derived = competency.get("derived_from")
            pk = self._add(
                "competency",
                framework=framework,
                cluster=clusters[competency["cluster"]] if competency.get("cluster") else None,
                name=competency["name"],
                definition=competency.get("definition", ""),
                kind=competency.get("kind", ""),
                hard_to_learn=competency.get("hard_to_learn", False),
                order=order,
                derived_from=self.competency_pks[derived] if derived else None,
            )
            competencies[competency["name"]] = pk
            self.competency_pks[f"{key}:{competency['name']}"] = pk
            for indicator_order, indicator in enumerate(competency.get("indicators", []), start=1):
                self._add(
                    "behaviouralindicator",
                    competency=pk,
                    profile_competency=None,
                    level=levels[indicator["level"]] if indicator.get("level") else None,
                    text=indicator["text"],
                    order=indicator_order,
                )
        for order, dilemma in enumerate(source.get("dilemmas", []), start=1):
            self._add(
                "dilemma",
                framework=framework,
                name=dilemma["name"],
                description=dilemma.get("description", ""),
                order=order,
            )
        for order, level in enumerate(source.get("role_levels", []), start=1):
            self._add(
                "rolelevel",
                framework=framework,
                name=level["name"],
                description=level.get("description", ""),
                order=order,
            )
        profiles = {}
        for order, profile in enumerate(source.get("profiles", []), start=1):
            self._add_profile(profile, framework, None, order, competencies, profiles)
        for scale in source.get("scales", []):
            scale_pk = self._add(
                "ratingscale",
                organisation=None,
                framework=framework,
                name=scale["name"],
                description=scale.get("description", ""),
            )
            for point in scale["points"]:
                self._add(
                    "scalepoint",
                    scale=scale_pk,
                    value=point["value"],
                    label=point.get("label", ""),
                    label_en=point.get("label_en", ""),
                    description=point.get("description", ""),
                )
        for order, question_set in enumerate(source.get("question_sets", []), start=1):
            set_pk = self._add(
                "guidingquestionset",
                framework=framework,
                name=question_set["name"],
                purpose=question_set.get("purpose", "other"),
                description=question_set.get("description", ""),
                order=order,
            )
            for question_order, question in enumerate(question_set["questions"], start=1):
                self._add(
                    "guidingquestion",
                    question_set=set_pk,
                    section=question.get("section", ""),
                    text=question["text"],
                    help_text=question.get("help_text", ""),
                    profile=profiles[question["profile"]] if question.get("profile") else None,
                    order=question_order,
                )
        return self.rows

    def _add_profile(self, profile, framework, parent, order, competencies, profiles):
        pk = self._add(
            "profile",
            framework=framework,
            parent=parent,
            name=profile["name"],
            code=profile.get("code", ""),
            description=profile.get("description", ""),
            characteristic=profile.get("characteristic", ""),
            role_level=None,
            order=order,
        )
        profiles[profile["name"]] = pk
        for area_order, area in enumerate(profile.get("expertise_areas", []), start=1):
            self._add("expertisearea", profile=pk, name=area, order=area_order)
        for task_order, task in enumerate(profile.get("tasks", []), start=1):
            self._add("profiletask", profile=pk, text=task, order=task_order)
        for pc_order, item in enumerate(profile.get("competencies", []), start=1):
            pc = self._add(
                "profilecompetency",
                profile=pk,
                competency=competencies[item["competency"]],
                required_level=None,
                note=item.get("note", ""),
                order=pc_order,
            )
            for indicator_order, text in enumerate(item.get("indicators", []), start=1):
                self._add(
                    "behaviouralindicator",
                    competency=None,
                    profile_competency=pc,
                    level=None,
                    text=text,
                    order=indicator_order,
                )
        for child_order, child in enumerate(profile.get("children", []), start=1):
            self._add_profile(child, framework, pk, child_order, competencies, profiles)


def load_sources() -> dict[str, dict]:
    return {name: json.loads((SOURCE_DIR / f"{name}.json").read_text(encoding="utf-8")) for name in SOURCE_ORDER}


def build_all() -> dict[str, str]:
    """Fixture file name -> its JSON text, for every seed source."""
    builder = FixtureBuilder()
    return {
        f"{name}.json": json.dumps(builder.build(source), ensure_ascii=False, indent=1) + "\n"
        for name, source in load_sources().items()
    }
