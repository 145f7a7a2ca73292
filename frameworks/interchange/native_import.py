"""Import of the app's own JSON format (see native.py): validate everything, then write it all at once.

Identifiers in the file (`uuid`) are kept, so an export from one installation keeps its
identifiers in the next; one that is already used here (the same file imported twice) gets a new
one, because two objects never share an identifier.
"""

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie.organisations.models import Organisation

from ..models import (
    Association,
    BehaviouralIndicator,
    Cluster,
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
from .errors import ImportErrors, load_json, log_import
from .native import FORMAT, VERSION

MAX_ERRORS = 20


class _Reader:
    """Walks the parsed document, collecting every problem (with where it is) before anything is written."""

    def __init__(self):
        self.errors: list[str] = []

    def error(self, where: str, problem: str):
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(f"{where}: {problem}")

    def obj(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.error(where, _("verwacht een object ({…})."))
            return {}
        return value

    def items(self, data: dict, key: str, where: str) -> list:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.error(where, _("“%(key)s” moet een lijst zijn.") % {"key": key})
            return []
        return value

    def text(self, data: dict, key: str, where: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.error(where, _("“%(key)s” moet tekst zijn.") % {"key": key})
            return ""
        value = value.strip() if required else value
        if required and not value:
            self.error(where, _("“%(key)s” ontbreekt of is leeg.") % {"key": key})
        if max_length and len(value) > max_length:
            self.error(
                where,
                _("“%(key)s” is %(length)s tekens lang; het maximum is %(maximum)s.")
                % {"key": key, "length": len(value), "maximum": max_length},
            )
        return value

    def identified(self, obj, data: dict):
        """obj with the file's identifier, when the file gives a valid one (uniqueness is checked on writing),
        and what a CASE package said of it that the model has no column for ("case", kept verbatim)."""
        kept = data.get("case")
        if isinstance(kept, dict) and kept and hasattr(obj, "interchange"):
            obj.interchange = {"case": kept}
        value = data.get("uuid")
        if isinstance(value, str):
            try:
                obj.uuid = uuid.UUID(value)
            except ValueError:
                pass
        return obj

    def order(self, data: dict, where: str, default: int) -> int:
        value = data.get("order", default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.error(where, _("“order” moet een geheel getal van 0 of meer zijn."))
            return default
        return value

    def ref(self, data: dict, key: str, known: dict, where: str):
        value = data.get(key)
        if value is None or value == "":
            return None
        if value not in known:
            self.error(
                where,
                _("“%(key)s” verwijst naar “%(value)s”, maar die sleutel staat niet in het bestand.")
                % {"key": key, "value": value},
            )
            return None
        return known[value]


SECTIONS = ("framework", "levels", "clusters", "role_levels", "dilemmas", "competencies", "profiles")


def _parse(raw: bytes) -> dict:
    document = load_json(raw)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportErrors(
            [
                _("Dit is geen export van een competentieframework: het veld “format” moet “%(format)s” zijn.")
                % {"format": FORMAT}
            ],
            code="wrong_format",
        )
    if document.get("version") != VERSION:
        raise ImportErrors(
            [
                _("Versie %(found)s van het formaat wordt niet ondersteund; verwacht versie %(expected)s.")
                % {"found": document.get("version"), "expected": VERSION}
            ],
            code="wrong_version",
        )
    check_sections(document)
    return document


def check_sections(document: dict) -> None:
    """One message per missing section, instead of every reference into it failing on its own."""
    missing = [key for key in SECTIONS if key not in document]
    if missing:
        raise ImportErrors(
            [_("Het onderdeel “%(section)s” ontbreekt in het bestand.") % {"section": key} for key in missing],
            code="section_missing",
        )


def _build(document: dict, organisation: Organisation):
    """Unsaved model instances for the whole document, or ImportErrors naming every problem."""
    r = _Reader()
    meta = r.obj(document.get("framework"), "framework")
    framework = Framework(
        organisation=organisation,
        name=r.text(meta, "name", "framework", required=True, max_length=200),
        description=r.text(meta, "description", "framework"),
        target_group=r.text(meta, "target_group", "framework"),
        source=r.text(meta, "source", "framework"),
        is_dictionary=bool(meta.get("is_dictionary", False)),
        status=Framework.Status.CONCEPT,
        version=1,
    )
    r.identified(framework, meta)

    def keyed(key: str, model, label: str, max_length: int) -> dict:
        objects = {}
        for n, raw in enumerate(r.items(document, key, key), start=1):
            where = f"{label} {n}"
            item = r.obj(raw, where)
            item_key = item.get("key")
            if not isinstance(item_key, str) or not item_key:
                r.error(where, _("“key” ontbreekt."))
                continue
            if item_key in objects:
                r.error(where, _("de sleutel “%(key)s” komt twee keer voor.") % {"key": item_key})
            objects[item_key] = r.identified(
                model(
                    name=r.text(item, "name", where, required=True, max_length=max_length),
                    description=r.text(item, "description", where),
                    order=r.order(item, where, n),
                ),
                item,
            )
        return objects

    levels = keyed("levels", ProficiencyLevel, _("niveau"), 100)
    clusters = keyed("clusters", Cluster, _("cluster"), 200)
    for n, raw in enumerate(r.items(document, "clusters", "clusters"), start=1):
        if isinstance(raw, dict) and raw.get("key") in clusters:
            clusters[raw["key"]].parent = r.ref(raw, "parent", clusters, f"{_('cluster')} {n}")
    for n, cluster in enumerate(clusters.values(), start=1):
        seen, up = {id(cluster)}, cluster.parent
        while up is not None:
            if id(up) in seen:
                r.error(f"{_('cluster')} {n}", _("de clusters vallen in een kring onder elkaar."))
                break
            seen.add(id(up))
            up = up.parent
    role_levels = keyed("role_levels", RoleLevel, _("level"), 100)
    dilemmas = keyed("dilemmas", Dilemma, _("dilemma"), 200)

    def indicators(items: list, where: str) -> list[BehaviouralIndicator]:
        built = []
        for n, raw in enumerate(items, start=1):
            item_where = _("%(where)s, gedragsindicator %(n)s") % {"where": where, "n": n}
            item = r.obj(raw, item_where)
            built.append(
                r.identified(
                    BehaviouralIndicator(
                        text=r.text(item, "text", item_where, required=True),
                        level=r.ref(item, "level", levels, item_where),
                        order=r.order(item, item_where, n),
                    ),
                    item,
                )
            )
        return built

    competencies = {}  # key -> (competency, indicators, derived_from)
    kinds = {choice.value for choice in Competency.Kind} | {""}
    for n, raw in enumerate(r.items(document, "competencies", "competencies"), start=1):
        item = r.obj(raw, _("competentie %(n)s") % {"n": n})
        name = r.text(item, "name", _("competentie %(n)s") % {"n": n}, required=True, max_length=200)
        where = _("competentie %(n)s") % {"n": n} + (f" (“{name}”)" if name else "")
        key = item.get("key")
        if not isinstance(key, str) or not key:
            r.error(where, _("“key” ontbreekt."))
            continue
        if key in competencies:
            r.error(where, _("de sleutel “%(key)s” komt twee keer voor.") % {"key": key})
        kind = item.get("kind") or ""
        if kind not in kinds:
            r.error(where, _("“kind” moet kennis, vaardigheid of attitude zijn, niet “%(kind)s”.") % {"kind": kind})
            kind = ""
        origin = item.get("derived_from")
        competency = Competency(
            name=name,
            definition=r.text(item, "definition", where),
            kind=kind,
            hard_to_learn=bool(item.get("hard_to_learn", False)),
            esco_uri=r.text(item, "esco_uri", where, max_length=500),
            competentnl_uri=r.text(item, "competentnl_uri", where, max_length=500),
            cluster=r.ref(item, "cluster", clusters, where),
            order=r.order(item, where, n),
        )
        competencies[key] = (
            r.identified(competency, item),
            indicators(r.items(item, "indicators", where), where),
            origin if isinstance(origin, dict) else None,
        )

    profiles = []  # (profile, parent index or None, tasks, areas, positions, [(pc, indicators)])

    def read_profile(raw, where: str, parent_index: int | None, n: int):
        item = r.obj(raw, where)
        name = r.text(item, "name", where, required=True, max_length=300)
        where = f"{where} (“{name}”)" if name else where
        hr21 = r.obj(item.get("hr21") or {}, where)
        profile = Profile(
            name=name,
            code=r.text(item, "code", where, max_length=20),
            description=r.text(item, "description", where),
            characteristic=r.text(item, "characteristic", where, max_length=300),
            hr21_family=r.text(hr21, "family", where, max_length=100),
            hr21_name=r.text(hr21, "name", where, max_length=200),
            hr21_code=r.text(hr21, "code", where, max_length=20),
            role_level=r.ref(item, "role_level", role_levels, where),
            order=r.order(item, where, n),
        )
        tasks = []
        for t, task in enumerate(r.items(item, "tasks", where), start=1):
            task = r.obj(task, _("%(where)s, deeltaak %(n)s") % {"where": where, "n": t})
            tasks.append(
                ProfileTask(
                    text=r.text(task, "text", _("%(where)s, deeltaak %(n)s") % {"where": where, "n": t}, required=True),
                    order=r.order(task, where, t),
                )
            )
        areas = []
        for a, area in enumerate(r.items(item, "expertise_areas", where), start=1):
            area = r.obj(area, _("%(where)s, deskundigheidsgebied %(n)s") % {"where": where, "n": a})
            areas.append(
                ExpertiseArea(
                    name=r.text(
                        area,
                        "name",
                        _("%(where)s, deskundigheidsgebied %(n)s") % {"where": where, "n": a},
                        required=True,
                        max_length=300,
                    ),
                    order=r.order(area, where, a),
                )
            )
        positions, seen_dilemmas = [], set()
        for p, position in enumerate(r.items(item, "dilemma_positions", where), start=1):
            position_where = _("%(where)s, dilemmapositie %(n)s") % {"where": where, "n": p}
            position = r.obj(position, position_where)
            dilemma = r.ref(position, "dilemma", dilemmas, position_where)
            value = position.get("position")
            if not isinstance(value, int) or isinstance(value, bool) or not -2 <= value <= 2:
                r.error(position_where, _("“position” moet een geheel getal van -2 tot en met 2 zijn."))
                continue
            if dilemma is not None:
                if id(dilemma) in seen_dilemmas:
                    r.error(position_where, _("dit dilemma staat twee keer in het profiel."))
                seen_dilemmas.add(id(dilemma))
                positions.append(DilemmaPosition(dilemma=dilemma, position=value))
        pcs, seen = [], set()
        for c, entry in enumerate(r.items(item, "competencies", where), start=1):
            entry_where = _("%(where)s, competentie %(n)s") % {"where": where, "n": c}
            entry = r.obj(entry, entry_where)
            reference = entry.get("competency")
            if reference not in competencies:
                r.error(
                    entry_where,
                    _("“competency” verwijst naar “%(value)s”, die niet in het bestand staat.") % {"value": reference},
                )
                continue
            if reference in seen:
                r.error(entry_where, _("deze competentie staat twee keer in het profiel."))
            seen.add(reference)
            pcs.append(
                (
                    ProfileCompetency(
                        competency=competencies[reference][0],
                        required_level=r.ref(entry, "required_level", levels, entry_where),
                        note=r.text(entry, "note", entry_where),
                        order=r.order(entry, entry_where, c),
                    ),
                    indicators(r.items(entry, "indicators", entry_where), entry_where),
                )
            )
        profiles.append((profile, parent_index, tasks, areas, positions, pcs))
        index = len(profiles) - 1
        for k, child in enumerate(r.items(item, "children", where), start=1):
            read_profile(child, _("%(where)s, deelprofiel %(n)s") % {"where": where, "n": k}, index, k)

    for n, raw in enumerate(r.items(document, "profiles", "profiles"), start=1):
        read_profile(raw, _("profiel %(n)s") % {"n": n}, None, n)

    if r.errors:
        raise ImportErrors(r.errors)
    return framework, levels, clusters, role_levels, dilemmas, competencies, profiles


def _write_associations(document: dict, framework: Framework) -> None:
    """The associations the tree does not say (exactMatchOf, isRelatedTo …), verbatim with their identifiers."""
    rows = []
    for n, entry in enumerate(document.get("associations") or [], start=1):
        data = entry.get("association") if isinstance(entry, dict) else None
        if not isinstance(data, dict):
            continue
        try:
            identifier = uuid.UUID(str(data.get("identifier")))
            origin = str(data["originNodeURI"]["identifier"])
            destination = str(data["destinationNodeURI"]["identifier"])
        except (KeyError, TypeError, ValueError):
            continue
        rows.append(
            Association(
                framework=framework,
                uuid=identifier,
                association_type=str(data.get("associationType", ""))[:50],
                origin=origin[:500],
                destination=destination[:500],
                primary=entry.get("primary") is True,
                order=n,
                data=data,
            )
        )
    keep_free_identifiers({Association: rows})
    for row in rows:
        row.data = {**row.data, "identifier": str(row.uuid)}
    Association.objects.bulk_create(rows)


def keep_free_identifiers(objects_by_model: dict) -> dict[str, int]:
    """Give a new uuid to every object whose identifier is taken here (or twice in the file).

    Returns how many identifiers were changed per model name, for the import summary.
    """
    changed = {}
    for model, objects in objects_by_model.items():
        wanted = [obj.uuid for obj in objects]
        taken = set(model.objects.filter(uuid__in=wanted).values_list("uuid", flat=True))
        seen = set()
        count = 0
        for obj in objects:
            if obj.uuid in taken or obj.uuid in seen:
                obj.uuid = uuid.uuid4()
                count += 1
            seen.add(obj.uuid)
        changed[model.__name__] = count
    return changed


def _clean_all(objects, exclude: list[str]):
    """Field validation (lengths, choices, ranges) without the per-row queries of full_clean."""
    for obj in objects:
        obj.clean_fields(exclude=exclude)


def _resolve_origins(competencies: dict, organisation: Organisation) -> None:
    """Re-link competencies to the dictionary entry they came from, when that entry is readable here."""
    wanted = {(origin.get("framework"), origin.get("competency")) for _c, _i, origin in competencies.values() if origin}
    if not wanted:
        return
    candidates = Competency.objects.readable_in(organisation).filter(
        framework__name__in={framework for framework, _ in wanted},
        name__in={name for _, name in wanted},
    )
    found = {}
    for candidate in candidates.select_related("framework").order_by("-framework__version", "pk"):
        found.setdefault((candidate.framework.name, candidate.name), candidate)
    for competency, _indicators, origin in competencies.values():
        if origin:
            competency.derived_from = found.get((origin.get("framework"), origin.get("competency")))


@transaction.atomic
def framework_import_json(
    *, raw: bytes, organisation: Organisation, user: AbstractBaseUser | None = None, filename: str = ""
) -> Framework:
    """Create a new concept framework in the organisation from an export; all or nothing."""
    framework = framework_import_document(document=_parse(raw), organisation=organisation)
    log_import(framework=framework, user=user, source=_("een JSON-export"), filename=filename)
    return framework


@transaction.atomic
def framework_import_document(*, document: dict, organisation: Organisation) -> Framework:
    """Write a parsed document in the app's own format (also what the CASE import produces)."""
    framework, levels, clusters, role_levels, dilemmas, competencies, profiles = _build(document, organisation)
    indicator_objects = [i for _c, indicators, _o in competencies.values() for i in indicators]
    indicator_objects += [i for *_rest, pcs in profiles for _pc, indicators in pcs for i in indicators]
    keep_free_identifiers(
        {
            Framework: [framework],
            ProficiencyLevel: list(levels.values()),
            Cluster: list(clusters.values()),
            Competency: [c for c, _i, _o in competencies.values()],
            BehaviouralIndicator: indicator_objects,
        }
    )
    try:
        framework.full_clean(exclude=["based_on"])
        framework.save()
        for objects in (levels, clusters, role_levels, dilemmas):
            for obj in objects.values():
                obj.framework = framework
            _clean_all(objects.values(), ["framework"])
        ProficiencyLevel.objects.bulk_create(levels.values())
        remaining = list(clusters.values())
        while remaining:  # parents before the clusters under them, one query per level of the tree
            ready = [c for c in remaining if c.parent is None or c.parent.pk is not None]
            if not ready:  # a ring was refused above; never loop for ever
                break
            Cluster.objects.bulk_create(ready)
            remaining = [c for c in remaining if c.pk is None]
        RoleLevel.objects.bulk_create(role_levels.values())
        Dilemma.objects.bulk_create(dilemmas.values())

        _resolve_origins(competencies, organisation)
        competency_rows = [c for c, _i, _o in competencies.values()]
        for competency in competency_rows:
            competency.framework = framework
        _clean_all(competency_rows, ["framework", "cluster", "derived_from"])
        Competency.objects.bulk_create(competency_rows)

        indicator_rows = []
        for competency, indicators, _origin in competencies.values():
            for indicator in indicators:
                indicator.competency = competency
                indicator_rows.append(indicator)

        # Profiles level by level (the list is in pre-order), so each parent has its key before
        # its children are written.
        depth = []
        for profile, parent_index, *_ in profiles:
            profile.framework = framework
            if parent_index is not None:
                profile.parent = profiles[parent_index][0]
            depth.append(0 if parent_index is None else depth[parent_index] + 1)
        _clean_all([p for p, *_ in profiles], ["framework", "parent", "role_level"])
        for level in sorted(set(depth)):
            Profile.objects.bulk_create([p for (p, *_), d in zip(profiles, depth) if d == level])

        tasks, areas, positions, pcs = [], [], [], []
        for profile, _parent, profile_tasks, profile_areas, profile_positions, profile_pcs in profiles:
            for task in profile_tasks:
                task.profile = profile
                tasks.append(task)
            for area in profile_areas:
                area.profile = profile
                areas.append(area)
            for position in profile_positions:
                position.profile = profile
                positions.append(position)
            for pc, _indicators in profile_pcs:
                pc.profile = profile
                pcs.append(pc)
        _clean_all(tasks, ["profile"])
        _clean_all(areas, ["profile"])
        _clean_all(positions, ["profile", "dilemma"])
        _clean_all(pcs, ["profile", "competency", "required_level"])
        ProfileTask.objects.bulk_create(tasks)
        ExpertiseArea.objects.bulk_create(areas)
        DilemmaPosition.objects.bulk_create(positions)
        ProfileCompetency.objects.bulk_create(pcs)
        for _profile, *_rest, profile_pcs in profiles:
            for pc, indicators in profile_pcs:
                for indicator in indicators:
                    indicator.profile_competency = pc
                    indicator_rows.append(indicator)
        _clean_all(indicator_rows, ["competency", "profile_competency", "level"])
        BehaviouralIndicator.objects.bulk_create(indicator_rows)
        _write_associations(document, framework)
    except ValidationError as exc:
        raise ImportErrors(
            [_("Het bestand bevat een ongeldige waarde: %(problems)s") % {"problems": "; ".join(exc.messages)}],
            code="invalid_value",
        ) from exc
    return framework
