"""Import of a 1EdTech CASE 1.1 package (getCFPackage JSON) as a new concept framework.

The package is translated into the app's own format (native.py) and written by the same code as
a JSON import, so both imports refuse and write alike.

- Items typed "Beheersingsniveau", "Cluster", "Competentie" or "Gedragsindicator" (our export)
  become exactly that; items of other tools are typed by their place in the `isChildOf` tree:
  under a competency an indicator, an item with grandchildren a cluster (under its parent
  cluster: `Cluster.parent`, so a tree of any depth keeps its shape), else a competency. A tree
  deeper than MAX_TREE_DEPTH is refused.
- `hasSkillLevel` links an indicator to its level. Siblings are ordered by `listEnumeration`, then
  `sequenceNumber`, then `humanCodingScheme` in natural order (1.2 before 1.10).
- Identifiers are kept (a CASE 1.0 one that 1.1 refuses is replaced by one derived from it; one
  already used in this installation gets a new one). What an item says that the model has no
  column for (KEPT_ITEM_FIELDS: code, notes, item type, education level, language …) is kept
  verbatim in its `interchange`, and every association with its identifier in `Association`, so
  the export writes them back (CASE 1.0's `educationalLevel` as 1.1's `educationLevel`). On
  items of our own export only what the export writes anew is dropped, so a code another tool
  gave survives a second round trip. Not yet: below an item typed "Competentie" an indicator
  under an indicator hangs under its competency in the model, and the export writes that edge
  instead of the original one (items of other tools are nested clusters instead).
- `CFRubrics` of another tool are read back as our export writes them: a criterion is the
  competency its `CFItemURI` names, a criterion level's `quality` a proficiency level (matched by
  name, else added in the order of `position`), its `description` the indicators at that level,
  one a line. A level that already has indicators through `hasSkillLevel` is not read twice; in
  our own export the rubric is derived from the items, so it is not read at all.
- What only this app knows (profiles, role levels, dilemmas, doelgroep, kind …) is read from the
  "nl.competentie" extensions, when present.
"""

import re
import uuid
from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competentie.organisations.models import Organisation

from ..models import BehaviouralIndicator, Cluster, Competency, Framework, ProficiencyLevel
from .case import EXTENSION, ITEM_TYPES, NAMESPACE
from .errors import MAX_UPLOAD_BYTES, ImportErrors, load_json, log_import
from .native import FORMAT, VERSION
from .native_import import MAX_ERRORS, framework_import_document

TYPE_BY_TITLE = {title.casefold(): kind for kind, title in ITEM_TYPES.items()}
# What an item says that the model has no column for: kept verbatim and written back on export.
KEPT_ITEM_FIELDS = (
    "humanCodingScheme",
    "notes",
    "CFItemType",
    "CFItemTypeURI",
    "educationLevel",
    "language",
    "alternativeLabel",
    "conceptKeywords",
    "conceptKeywordsURI",
    "subject",
    "subjectURI",
    "licenseURI",
    "statusStartDate",
    "statusEndDate",
    "listEnumeration",
)
TREE = ("isChildOf", "hasSkillLevel")


MAX_TREE_DEPTH = 30  # clusters under clusters: the deepest real standards tree has about 8 levels


def too_deep_tree_message() -> str:
    return _(
        "De boomstructuur in het pakket is dieper dan %(depth)s niveaus (onderdelen onder onderdelen); "
        "zo ziet geen framework eruit. Er is niets opgeslagen."
    ) % {"depth": MAX_TREE_DEPTH}


def _natural(code: str) -> tuple:
    """1.2 before 1.10: digits compare as numbers, the rest as text."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", code))


CASE_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def case_identifier(value: str) -> str:
    """The identifier as kept: the source's own when CASE 1.1 accepts it, else one derived from it
    (CASE 1.0 tools wrote identifiers such as d0000000-0000-0000-0000-000000000000 that 1.1 refuses)."""
    text = str(value).lower()
    if CASE_UUID.match(text):
        return text
    return str(uuid.uuid5(NAMESPACE, str(value)))


def _renumbered(value, mapping: dict):
    """A copy of the package with every identifier CASE 1.1 refuses replaced by its derived one."""
    if isinstance(value, dict):
        return {
            key: (
                mapping.get(item, item) if key == "identifier" and isinstance(item, str) else _renumbered(item, mapping)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_renumbered(item, mapping) for item in value]
    return value


def _valid_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _order(value, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return default


def _extension(obj: dict) -> dict:
    extensions = obj.get("extensions")
    found = extensions.get(EXTENSION) if isinstance(extensions, dict) else None
    return found if isinstance(found, dict) else {}


def _name_and_text(item: dict) -> tuple[str, str]:
    """(name, longer text) of an item: abbreviatedStatement is the name, fullStatement the definition."""
    full = _text(item.get("fullStatement")).strip()
    short = _text(item.get("abbreviatedStatement")).strip()
    if short:
        return short, full if full != short else ""
    if len(full) <= 200:
        return full, ""
    return full[:197].rstrip() + "…", full


PROGRESS_EVERY = 500  # items between two progress reports of a queued import


def _read_package(document: object, progress=None) -> tuple[dict, list, list]:
    errors = []
    if not isinstance(document, dict) or not isinstance(document.get("CFDocument"), dict):
        raise ImportErrors(
            [_("Dit is geen CASE-pakket: het onderdeel “CFDocument” ontbreekt in het bestand.")],
            code="section_missing",
        )
    for key in ("CFItems", "CFAssociations"):
        if key not in document:
            errors.append(_("Het onderdeel “%(section)s” ontbreekt in het bestand.") % {"section": key})
        elif not isinstance(document[key], list):
            errors.append(_("Het onderdeel “%(section)s” moet een lijst zijn.") % {"section": key})
    if errors:
        raise ImportErrors(errors, code="section_missing")
    items, associations = [], []
    total = len(document["CFItems"])
    for n, item in enumerate(document["CFItems"], start=1):
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
        if not isinstance(item, dict) or not isinstance(item.get("identifier"), str):
            errors.append(_("CFItems %(n)s: het item heeft geen “identifier”.") % {"n": n})
        elif not _text(item.get("fullStatement")).strip():
            errors.append(_("CFItems %(n)s: “fullStatement” ontbreekt of is leeg.") % {"n": n})
        else:
            items.append(item)
    for n, association in enumerate(document["CFAssociations"], start=1):
        ok = isinstance(association, dict) and all(
            isinstance(association.get(key), dict) and isinstance(association[key].get("identifier"), str)
            for key in ("originNodeURI", "destinationNodeURI")
        )
        if not ok:
            errors.append(_("CFAssociations %(n)s: “originNodeURI” of “destinationNodeURI” ontbreekt.") % {"n": n})
        else:
            associations.append(association)
    if errors:
        raise ImportErrors(errors[:MAX_ERRORS], code="invalid_package")
    return document["CFDocument"], items, associations


def case_to_native(package: object, progress=None) -> dict:
    """A CASE package as a document in the app's own format (see native.py).

    progress(n, total), when given, hears how many of the package's items have been read."""
    cf_document, items, associations = _read_package(package, progress)
    ours = bool(_extension(package))
    identifiers = [cf_document.get("identifier"), *(i["identifier"] for i in items)]
    identifiers += [a.get("identifier") for a in associations]
    mapping = {i: case_identifier(i) for i in identifiers if isinstance(i, str) and case_identifier(i) != i}
    if mapping:
        cf_document = _renumbered(cf_document, mapping)
        items = _renumbered(items, mapping)
        associations = _renumbered(associations, mapping)

    def _kept(item: dict) -> dict:
        """Kept verbatim, except on items of our own export what the export writes anew (type, our
        own code, language, the order): a code or note another tool gave survives a second round trip."""
        kept = {key: item[key] for key in KEPT_ITEM_FIELDS if key in item}
        if ours and _text(item.get("CFItemType")).casefold() in TYPE_BY_TITLE:
            code = _text(kept.get("humanCodingScheme"))
            if code == _text(_extension(item).get("key")) or re.fullmatch(r"K\d+\.\d+", code):
                kept.pop("humanCodingScheme", None)
            if kept.get("language") == "nl":
                kept.pop("language")
            enumeration = _text(kept.get("listEnumeration"))
            if enumeration.isdigit() and str(int(enumeration)) == enumeration:
                kept.pop("listEnumeration")
            kept.pop("CFItemType", None)
            kept.pop("CFItemTypeURI", None)
        older = item.get("educationalLevel")  # CASE 1.0 spelled it so, often as "06" or "09,10"
        if "educationLevel" not in kept and isinstance(older, str | list):
            values = older.split(",") if isinstance(older, str) else older
            kept["educationLevel"] = [value.strip() for value in values if isinstance(value, str) and value.strip()]
        return kept

    document_id = cf_document.get("identifier")
    by_id = {item["identifier"]: item for item in items}
    position = {item["identifier"]: n for n, item in enumerate(items)}
    parent, sequence, skill_level = {}, {}, {}
    kept_associations = []
    for association in associations:
        origin = association["originNodeURI"]["identifier"]
        destination = association["destinationNodeURI"]["identifier"]
        kind = association.get("associationType")
        primary = False
        if kind == "isChildOf" and origin in by_id and origin not in parent:
            parent[origin] = destination
            primary = True
            if "sequenceNumber" in association:
                sequence[origin] = association["sequenceNumber"]
        elif kind == "hasSkillLevel" and origin in by_id and origin not in skill_level:
            skill_level[origin] = destination
            primary = True
        if ours and primary:
            continue  # our own export derives these again from the origin's identifier
        if _valid_uuid(association.get("identifier")):  # every association, kept with its identifier
            kept_associations.append({"primary": primary, "association": association})
    children = defaultdict(list)
    for identifier in by_id:
        children[parent.get(identifier, document_id)].append(identifier)

    # Siblings in order: listEnumeration, then sequenceNumber, then the code in natural order.
    missing = 10**9
    rank = {}
    for siblings in children.values():

        def sort_key(identifier: str) -> tuple:
            item = by_id[identifier]
            return (
                _order(item.get("listEnumeration"), missing),
                _order(sequence.get(identifier), missing),
                _natural(_text(item.get("humanCodingScheme"))),
                position[identifier],
            )

        for n, identifier in enumerate(sorted(siblings, key=sort_key), start=1):
            rank[identifier] = n

    def order_of(identifier: str) -> int:
        """The number given (so our own export keeps its order values), else the place among siblings."""
        item = by_id[identifier]
        fallback = rank.get(identifier, position[identifier] + 1)
        return _order(item.get("listEnumeration"), _order(sequence.get(identifier), fallback))

    kinds = {}
    for identifier, item in by_id.items():
        kinds[identifier] = TYPE_BY_TITLE.get(_text(item.get("CFItemType")).casefold())
    # The tree under the document, walked without recursion: every item once, parents before children.
    walked, depth = [], {}
    pending = [(identifier, 1) for identifier in children[document_id]]
    while pending:
        identifier, level = pending.pop()
        if identifier in depth:
            continue
        if level > MAX_TREE_DEPTH:
            raise ImportErrors([too_deep_tree_message()], code="too_deep")
        depth[identifier] = level
        walked.append(identifier)
        pending.extend((child, level + 1) for child in children[identifier])
    height = {}  # 0 for a leaf, 1 for an item with only leaves under it …
    for identifier in reversed(walked):
        height[identifier] = 1 + max((height.get(child, 0) for child in children[identifier]), default=-1)
    # Items of other tools are typed by their place in the tree, from the top down: what has
    # grandchildren is a (nested) cluster, what has only leaves under it a competency, a leaf
    # under a competency an indicator.
    for identifier in walked:
        if kinds[identifier] is None:
            parent_kind = kinds.get(parent.get(identifier))
            if parent_kind in ("competency", "indicator"):
                kinds[identifier] = "indicator"
            elif height[identifier] >= 2:
                kinds[identifier] = "cluster"
            else:
                kinds[identifier] = "competency"
    for identifier in by_id:
        if kinds[identifier] is None:  # not under the document at all: a loose competency
            kinds[identifier] = "competency"

    keys = {}

    def key_for(identifier: str, letter: str, n: int) -> str:
        wanted = _text(_extension(by_id[identifier]).get("key"))
        key = wanted if wanted and wanted not in keys.values() else f"{letter}{n}"
        keys[identifier] = key
        return key

    def described(kind: str, letter: str) -> list[dict]:
        entries = []
        for n, identifier in enumerate((i for i in by_id if kinds[i] == kind), start=1):
            name, description = _name_and_text(by_id[identifier])
            entries.append(
                {
                    "key": key_for(identifier, letter, n),
                    "uuid": identifier,
                    "case": _kept(by_id[identifier]),
                    "name": name,
                    "description": description,
                    "order": order_of(identifier),
                }
            )
        return entries

    levels = described("level", "N")
    clusters = described("cluster", "C")
    for entry in clusters:  # a cluster under a cluster keeps that edge, so any depth keeps its shape
        up = parent.get(entry["uuid"])
        if up in kinds and kinds[up] == "cluster" and up in keys:
            entry["parent"] = keys[up]

    def competency_of(identifier: str) -> str | None:
        """The nearest competency above an indicator (indicators under indicators are flattened)."""
        seen = set()
        current = parent.get(identifier)
        while current in by_id and current not in seen:
            seen.add(current)
            if kinds[current] == "competency":
                return current
            current = parent.get(current)
        return None

    indicators = defaultdict(list)
    for identifier in by_id:
        if kinds[identifier] == "indicator":
            owner = competency_of(identifier)
            if owner is not None:
                indicators[owner].append(identifier)
            else:
                kinds[identifier] = "competency"

    competencies = []
    for n, identifier in enumerate((i for i in by_id if kinds[i] == "competency"), start=1):
        item = by_id[identifier]
        extra = _extension(item)
        name, definition = _name_and_text(item)
        up = parent.get(identifier)
        competencies.append(
            {
                "key": key_for(identifier, "K", n),
                "uuid": identifier,
                "case": _kept(item),
                "name": name,
                "definition": definition,
                "kind": _text(extra.get("kind")),
                "hard_to_learn": extra.get("hardToLearn") is True,
                "cluster": keys.get(up) if up in kinds and kinds[up] == "cluster" else None,
                "order": order_of(identifier),
                "derived_from": extra.get("derivedFrom") if isinstance(extra.get("derivedFrom"), dict) else None,
                "indicators": [
                    {
                        "uuid": child,
                        "case": _kept(by_id[child]),
                        "text": _text(by_id[child].get("fullStatement")).strip(),
                        "level": keys.get(skill_level.get(child))
                        if kinds.get(skill_level.get(child)) == "level"
                        else None,
                        "order": order_of(child),
                    }
                    for child in indicators[identifier]
                ],
            }
        )

    if not ours:
        _read_rubrics(package, mapping, competencies, levels, keys)

    extra = _extension(package)
    meta = extra.get("framework") if isinstance(extra.get("framework"), dict) else {}

    def listed(key: str) -> list:
        value = extra.get(key, [])
        return value if isinstance(value, list) else []

    return {
        "format": FORMAT,
        "version": VERSION,
        "framework": {
            "uuid": _text(document_id),
            "name": _text(cf_document.get("title")).strip(),
            "description": _text(cf_document.get("description")),
            "target_group": _text(meta.get("target_group")),
            "source": _text(cf_document.get("notes")),
            "is_dictionary": meta.get("is_dictionary") is True,
        },
        "levels": levels,
        "clusters": clusters,
        "role_levels": listed("role_levels"),
        "dilemmas": listed("dilemmas"),
        "competencies": competencies,
        "profiles": listed("profiles"),
        "associations": kept_associations,
    }


def _rubric_levels(package: dict, mapping: dict) -> list[tuple[str, str, int, str]]:
    """(item identifier, quality, position, description) of every criterion level, in rubric order."""
    found = []
    rubrics = package.get("CFRubrics")
    for rubric in rubrics if isinstance(rubrics, list) else []:
        criteria = rubric.get("CFRubricCriteria") if isinstance(rubric, dict) else None
        for criterion in criteria if isinstance(criteria, list) else []:
            item = criterion.get("CFItemURI") if isinstance(criterion, dict) else None
            levels = criterion.get("CFRubricCriterionLevels") if isinstance(criterion, dict) else None
            if not isinstance(item, dict) or not isinstance(item.get("identifier"), str):
                continue
            identifier = mapping.get(item["identifier"], item["identifier"])
            entries = [level for level in levels if isinstance(level, dict)] if isinstance(levels, list) else []
            entries.sort(key=lambda level: (_order(level.get("position"), 10**9), _order(level.get("score"), 10**9)))
            for n, level in enumerate(entries, start=1):
                quality = _text(level.get("quality")).strip()
                if quality:
                    found.append(
                        (identifier, quality, _order(level.get("position"), n), _text(level.get("description")))
                    )
    return found


def _read_rubrics(package: dict, mapping: dict, competencies: list, levels: list, keys: dict) -> None:
    """Criterion levels of CFRubrics as proficiency levels and the indicators at each level."""
    by_uuid = {competency["uuid"]: competency for competency in competencies}
    by_name = {level["name"].casefold(): level for level in levels}
    taken = {level["key"] for level in levels} | set(keys.values())
    for identifier, quality, position, description in _rubric_levels(package, mapping):
        competency = by_uuid.get(identifier)
        if competency is None:
            continue  # a criterion on something that is not a competency here: its item is imported as is
        level = by_name.get(quality[:100].casefold())
        if level is None:
            n = len(levels) + 1
            while f"R{n}" in taken:
                n += 1
            taken.add(f"R{n}")
            level = {
                "key": f"R{n}",
                "uuid": "",
                "case": {},
                "name": quality[:100],
                "description": "",
                "order": position,
            }
            levels.append(level)
            by_name[level["name"].casefold()] = level
        indicators = competency["indicators"]
        if any(indicator["level"] == level["key"] for indicator in indicators):
            continue
        for line in description.splitlines():
            if line.strip():
                order = max((indicator["order"] for indicator in indicators), default=0) + 1
                indicators.append({"uuid": "", "case": {}, "text": line.strip(), "level": level["key"], "order": order})


def framework_import_case(
    *,
    raw: bytes,
    organisation: Organisation,
    user: AbstractBaseUser | None = None,
    filename: str = "",
    limit: int = MAX_UPLOAD_BYTES,
    progress=None,
) -> Framework:
    """Create a new concept framework from a CASE 1.1 package; every problem or nothing written.

    The package is read and checked before the one transaction that writes it, so `progress`
    (see case_to_native) is heard outside it, by whoever watches a queued import."""
    document = case_to_native(load_json(raw, limit=limit), progress)
    with transaction.atomic():
        framework = framework_import_document(document=document, organisation=organisation)
        log_import(framework=framework, user=user, source=_("een CASE-pakket (1EdTech CASE 1.1)"), filename=filename)
    return framework


KIND_LABELS = {
    "level": (gettext_lazy("beheersingsniveau"), gettext_lazy("beheersingsniveaus")),
    "cluster": (gettext_lazy("cluster"), gettext_lazy("clusters")),
    "competency": (gettext_lazy("competentie"), gettext_lazy("competenties")),
    "indicator": (gettext_lazy("gedragsindicator"), gettext_lazy("gedragsindicatoren")),
}


def _counted(counts: dict) -> str:
    return ", ".join(
        f"{n} {KIND_LABELS[kind][0] if n == 1 else KIND_LABELS[kind][1]}" for kind, n in counts.items() if n
    )


def _uuid_or_none(value) -> uuid.UUID | None:
    return uuid.UUID(value) if _valid_uuid(value) else None


def _taken_here(kind_of: dict) -> set[str]:
    """The item identifiers this installation already uses (one query per kind)."""
    models = {
        "level": ProficiencyLevel,
        "cluster": Cluster,
        "competency": Competency,
        "indicator": BehaviouralIndicator,
    }
    taken = set()
    for kind, model in models.items():
        wanted = [_uuid_or_none(i) for i, k in kind_of.items() if k == kind]
        wanted = [value for value in wanted if value is not None]
        if wanted:
            taken |= {str(value) for value in model.objects.filter(uuid__in=wanted).values_list("uuid", flat=True)}
    return taken


def case_import_summary(raw: bytes, *, limit: int = MAX_UPLOAD_BYTES, progress=None) -> list[dict]:
    """What an import of this CASE package keeps, maps and changes, per kind, before anything is written.

    One row per source item type, per association type, and for the document and the rubrics:
    {"kind": …, "count": n, "kept": […], "mapped": […], "changed": […]} (Dutch sentences).
    Raises ImportErrors as the import itself would for a package it cannot read.
    """
    package = load_json(raw, limit=limit)
    cf_document, items, associations = _read_package(package, progress)
    native = case_to_native(package)
    ours = bool(_extension(package))
    kind_of = {}
    for kind, entries in (("level", native["levels"]), ("cluster", native["clusters"])):
        kind_of.update({entry["uuid"]: kind for entry in entries})
    owner = {}
    for competency in native["competencies"]:
        kind_of[competency["uuid"]] = "competency"
        for indicator in competency["indicators"]:
            kind_of[indicator["uuid"]] = "indicator"
            owner[indicator["uuid"]] = competency["uuid"]
    parent = {}
    for association in associations:
        if association.get("associationType") == "isChildOf":
            parent.setdefault(
                case_identifier(association["originNodeURI"]["identifier"]),
                case_identifier(association["destinationNodeURI"]["identifier"]),
            )

    taken = _taken_here(kind_of)
    rows = []
    document_changed = []
    if case_identifier(_text(cf_document.get("identifier"))) != cf_document.get("identifier"):
        document_changed.append(_("de identificatie is geen geldige CASE 1.1-identificatie en is vervangen"))
    elif Framework.objects.filter(uuid=_uuid_or_none(native["framework"]["uuid"])).exists():
        document_changed.append(_("dit framework staat hier al: de kopie krijgt een nieuwe identificatie"))
    rows.append(
        {
            "kind": _("Document"),
            "count": 1,
            "kept": [_("titel, beschrijving en notities")]
            + ([] if document_changed else [_("de identificatie (hetzelfde framework als bij de bron)")]),
            "mapped": [_("wordt een nieuw concept-framework")],
            "changed": document_changed,
        }
    )
    by_type = defaultdict(list)
    for item in items:
        by_type[_text(item.get("CFItemType")).strip()].append(item)
    for item_type, typed in by_type.items():
        counts = {kind: 0 for kind in KIND_LABELS}
        kept, changed = [], []
        codes = sum(1 for item in typed if _text(item.get("humanCodingScheme")).strip())
        notes = sum(1 for item in typed if _text(item.get("notes")).strip())
        replaced = flattened = reused = 0
        for item in typed:
            identifier = case_identifier(item["identifier"])
            replaced += identifier != item["identifier"]
            reused += str(_uuid_or_none(identifier)) in taken
            kind = kind_of.get(identifier, "competency")
            counts[kind] += 1
            if kind == "indicator" and parent.get(identifier) != owner.get(identifier):
                flattened += 1
        if codes:
            kept.append(_("%(n)s codes (humanCodingScheme)") % {"n": codes})
        if notes:
            kept.append(_("%(n)s notities") % {"n": notes})
        if item_type and not (ours and item_type.casefold() in TYPE_BY_TITLE):
            kept.append(_("het type “%(type)s”") % {"type": item_type})
        if replaced:
            changed.append(_("%(n)s identificaties vervangen (geen geldige CASE 1.1-identificatie)") % {"n": replaced})
        if reused:
            changed.append(_("%(n)s staan hier al: de kopieën krijgen een nieuwe identificatie") % {"n": reused})
        if flattened:
            changed.append(
                _("%(n)s onderdelen onder een gedragsindicator hangen nu direct onder hun competentie")
                % {"n": flattened}
            )
        rows.append(
            {
                "kind": _("Items van het type “%(type)s”") % {"type": item_type}
                if item_type
                else _("Items zonder type"),
                "count": len(typed),
                "kept": kept,
                "mapped": [_counted(counts)],
                "changed": changed,
            }
        )
    by_association = defaultdict(int)
    for association in associations:
        by_association[_text(association.get("associationType")) or "?"] += 1
    for association_type, n in by_association.items():
        mapped = []
        if association_type == "isChildOf":
            mapped.append(_("de boomstructuur: wat onder wat valt, in de volgorde van de bron"))
        elif association_type == "hasSkillLevel":
            mapped.append(_("het niveau van een gedragsindicator"))
        rows.append(
            {
                "kind": _("Verbanden “%(type)s”") % {"type": association_type},
                "count": n,
                "kept": [_("bewaard met hun identificatie en weer geëxporteerd")],
                "mapped": mapped,
                "changed": [],
            }
        )
    rubrics = package.get("CFRubrics") if isinstance(package.get("CFRubrics"), list) else []
    if rubrics:
        criteria = len(_rubric_levels(package, {}))
        rows.append(
            {
                "kind": _("Rubrics (CFRubrics)"),
                "count": len(rubrics),
                "kept": [],
                "mapped": [
                    _("afgeleid uit de items hierboven; bij de export opnieuw gemaakt")
                    if ours
                    else _("%(n)s niveaus per criterium: beheersingsniveaus en de gedragsindicatoren per niveau")
                    % {"n": criteria}
                ],
                "changed": [],
            }
        )
    return rows
