"""Export as a 1EdTech CASE 1.1 package (getCFPackage payload); the import lives in case_import.py.

The package is built from the app's own JSON (native.py), so both formats carry the same content:

- The framework is the CFDocument. Proficiency levels, clusters, competencies and (generic)
  behavioural indicators are CFItems with CFItemType "Beheersingsniveau", "Cluster",
  "Competentie" and "Gedragsindicator" (defined in CFDefinitions.CFItemTypes).
- Every item `isChildOf` its parent: an indicator its competency, a competency its cluster or the
  document, a cluster its parent cluster or the document, a level the document. `sequenceNumber` and `listEnumeration` keep the order.
- An indicator written for one level has a `hasSkillLevel` association to that level's CFItem, so
  every association resolves inside the package. A CFRubric repeats the levels per competency
  (CFRubricCriterionLevel: the indicators at that level) for tools that read rubrics.
- What CASE has no place for (profiles, role levels, dilemmas, doelgroep, a competency's kind,
  "moeilijk te leren" and origin) travels in `extensions`, keyed "nl.competentie", so a CASE
  round trip gives the same framework.
- Identifiers are the UUIDs stored on the framework, its levels, clusters, competencies and
  indicators (given once, kept for ever, copied to nothing); a tree association's identifier is
  derived from its origin's (see association_identifier), item types and rubric parts from the
  framework's. So a re-export of a version gives the same identifiers, and two installations
  never publish different content under one identifier.
"""

import json
import re
import uuid
from collections.abc import Callable

from django.urls import reverse

from ..models import Competency, Framework
from .native import framework_to_dict

NAMESPACE = uuid.UUID("6f0c5d1e-7a52-4c36-9a0e-2b1f3c4d5e6f")
EXTENSION = "nl.competentie"
ITEM_TYPES = {
    "level": "Beheersingsniveau",
    "cluster": "Cluster",
    "competency": "Competentie",
    "indicator": "Gedragsindicator",
}


# An association the tree implies (isChildOf, hasSkillLevel) has one origin per type, so its
# identifier is the origin's identifier XOR a mask per type: stable for ever, unique, a valid
# UUID (the version and variant bits are untouched) and reversible, so the REST binding finds it.
_KEEP_BITS = uuid.UUID("00000000-0000-f000-c000-000000000000").int


def _mask(kind: str) -> int:
    return uuid.uuid5(NAMESPACE, f"association:{kind}").int & ~_KEEP_BITS


def association_identifier(kind: str, origin: str) -> str:
    return str(uuid.UUID(int=uuid.UUID(origin).int ^ _mask(kind)))


def association_origin(kind: str, identifier: str) -> str:
    """The origin of a tree association from its identifier (the inverse of association_identifier)."""
    return association_identifier(kind, identifier)


TREE_ASSOCIATIONS = ("isChildOf", "hasSkillLevel")


def _identifiers(framework: Framework) -> Callable[..., str]:
    """Identifiers of what is derived from stored objects (item types, rubric parts): from the framework's own."""
    scope = str(framework.uuid)

    def identifier(*parts) -> str:
        return str(uuid.uuid5(NAMESPACE, ":".join([scope, *map(str, parts)])))

    return identifier


def document_identifier(framework: Framework) -> str:
    return str(framework.uuid)


def _stored_identifiers(framework: Framework) -> dict[str, str]:
    """The native key of every level, cluster, competency and indicator -> its stored uuid.

    Walks the same rows in the same order as native.framework_to_dict, so the keys line up.
    """
    found = {}
    for n, level in enumerate(framework.levels.all(), start=1):
        found[f"N{n}"] = str(level.uuid)
    for n, cluster in enumerate(framework.clusters.all(), start=1):
        found[f"C{n}"] = str(cluster.uuid)
    for n, competency in enumerate(framework.competencies.all(), start=1):
        found[f"K{n}"] = str(competency.uuid)
        for position, indicator in enumerate(competency.indicators.all(), start=1):
            found[f"K{n}.{position}"] = str(indicator.uuid)
    return found


def lineage_key(obj) -> str:
    """The identifier an item had in the first version it appeared in: the same in every later version."""
    kept = obj.interchange.get("lineage") if isinstance(obj.interchange, dict) else None
    return str(kept or obj.uuid)


def _lineages(framework: Framework) -> dict[str, str]:
    """{identifier: lineage key} of the items that came from an earlier version (see lineage_key)."""
    found = {}
    for obj in [*framework.levels.all(), *framework.clusters.all(), *framework.competencies.all()]:
        found[str(obj.uuid)] = lineage_key(obj)
        for indicator in obj.indicators.all() if isinstance(obj, Competency) else ():
            found[str(indicator.uuid)] = lineage_key(indicator)
    return {identifier: key for identifier, key in found.items() if identifier != key}


def _predecessor(framework: Framework) -> dict | None:
    """The version this one replaces (same lineage), so a reader can follow the versions back."""
    previous = framework.based_on
    if previous is None or previous.lineage_id != framework.lineage_id:
        return None
    return {"identifier": str(previous.uuid), "version": str(previous.version)}


def _when(framework: Framework) -> str:
    moment = framework.published_at or framework.updated_at or framework.created_at
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _link(title: str, identifier: str, uri: str) -> dict:
    return {"title": (title or "-")[:200], "identifier": identifier, "uri": uri}


_NO_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$")


def _as_case_1_1(association: dict) -> dict:
    """An association as read, in the form CASE 1.1 requires: CASE 1.0 tools wrote the
    sequenceNumber as text ("1") and times without an offset (OpenSALT meant UTC)."""
    fixed = dict(association)
    sequence = fixed.get("sequenceNumber")
    if isinstance(sequence, str) and sequence.strip().isdigit():
        fixed["sequenceNumber"] = int(sequence.strip())
    moment = fixed.get("lastChangeDateTime")
    if isinstance(moment, str) and _NO_OFFSET.match(moment):
        fixed["lastChangeDateTime"] = moment + "+00:00"
    return fixed


def framework_to_case(framework: Framework, *, absolute: Callable[[str], str]) -> dict:
    """A framework loaded by `framework_for_export` as a CASE 1.1 CFPackage dict.

    `absolute` turns a path into a full URL (request.build_absolute_uri in a view).
    """
    native = framework_to_dict(framework)
    derived = _identifiers(framework)
    stored = _stored_identifiers(framework)

    def identifier(*parts) -> str:
        if len(parts) == 1 and parts[0] in stored:
            return stored[parts[0]]
        if parts == ("document",):
            return str(framework.uuid)
        return derived(*parts)

    package_url = absolute(reverse("case:package", args=[identifier("document")]))
    item_url = absolute(reverse("case:item", args=[identifier("document")])).rsplit("/", 1)[0] + "/"
    association_url = absolute(reverse("case:association", args=[identifier("document")])).rsplit("/", 1)[0] + "/"
    framework_url = absolute(reverse("frameworks:framework-detail", args=[framework.pk]))
    changed = _when(framework)
    document_id = identifier("document")
    document_link = _link(framework.name, document_id, absolute(reverse("case:document", args=[document_id])))

    item_types = {
        key: {
            "identifier": identifier("itemtype", key),
            "uri": f"{package_url}#itemtype-{key}",
            "title": title,
            "description": title,
            "hierarchyCode": str(n),
            "typeCode": key,
            "lastChangeDateTime": changed,
        }
        for n, (key, title) in enumerate(ITEM_TYPES.items(), start=1)
    }
    items, associations, nodes = [], [], {}

    def add_item(key: str, kind: str, name: str, text: str, *, code: str, position: int, extra=None, kept=None) -> dict:
        ident = identifier(key)
        item = {
            "identifier": ident,
            "uri": item_url + ident,
            "fullStatement": text or name,
            "humanCodingScheme": code,
            "listEnumeration": str(position),
            "CFItemType": ITEM_TYPES[kind],
            "CFItemTypeURI": _link(ITEM_TYPES[kind], item_types[kind]["identifier"], item_types[kind]["uri"]),
            "language": "nl",
            "lastChangeDateTime": changed,
        }
        if name and not (kept and name == item["fullStatement"]):
            item["abbreviatedStatement"] = name
        if extra:
            item["extensions"] = {EXTENSION: extra}
        if kept:  # an imported item: its codes, notes, type, education level … as they were read
            item.update(kept)
        items.append(item)
        nodes[key] = _link(name or text, ident, item["uri"])
        return item

    def associate(kind: str, origin: dict, destination: dict, sequence: int | None = None):
        ident = association_identifier(kind, origin["identifier"])
        association = {
            "identifier": ident,
            "uri": association_url + ident,
            "associationType": kind,
            "originNodeURI": origin,
            "destinationNodeURI": destination,
            "lastChangeDateTime": changed,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        associations.append(association)

    def described(kind: str, entries: list, letter: str):
        for n, entry in enumerate(entries, start=1):
            add_item(
                entry["key"],
                kind,
                entry["name"],
                entry["description"],
                code=f"{letter}{n}",
                position=entry["order"],
                extra={"key": entry["key"]},
                kept=entry.get("case"),
            )
        for entry in entries:  # a nested cluster under its cluster, the rest under the document
            associate("isChildOf", nodes[entry["key"]], nodes.get(entry.get("parent"), document_link), entry["order"])

    described("level", native["levels"], "N")
    described("cluster", native["clusters"], "C")
    levels = {entry["key"]: entry for entry in native["levels"]}
    criteria = []
    for n, (competency, row) in enumerate(zip(framework.competencies.all(), native["competencies"]), start=1):
        key = row["key"]
        add_item(
            key,
            "competency",
            row["name"],
            row["definition"],
            code=key,
            position=row["order"],
            kept=row.get("case"),
            extra={
                "key": key,
                "kind": row["kind"],
                "hardToLearn": row["hard_to_learn"],
                "derivedFrom": row["derived_from"],
                "pageURL": absolute(reverse("frameworks:competency-detail", args=[competency.pk])),
            },
        )
        associate("isChildOf", nodes[key], nodes.get(row["cluster"], document_link), row["order"])
        for vocabulary in ("esco_uri", "competentnl_uri"):  # shared vocabularies: the same skill elsewhere
            target = row.get(vocabulary)
            if target:
                associations.append(
                    {
                        "identifier": str(uuid.uuid5(NAMESPACE, f"{nodes[key]['identifier']}:exactMatchOf:{target}")),
                        "uri": f"{package_url}#{vocabulary}-{key}",
                        "associationType": "exactMatchOf",
                        "originNodeURI": nodes[key],
                        "destinationNodeURI": {"title": target[:200], "identifier": target, "uri": target},
                        "lastChangeDateTime": changed,
                    }
                )
        for position, indicator in enumerate(row["indicators"], start=1):
            indicator_key = f"{key}.{position}"
            add_item(
                indicator_key,
                "indicator",
                "",
                indicator["text"],
                code=indicator_key,
                position=indicator["order"],
                kept=indicator.get("case"),
            )
            associate("isChildOf", nodes[indicator_key], nodes[key], indicator["order"])
            if indicator["level"]:
                associate("hasSkillLevel", nodes[indicator_key], nodes[indicator["level"]])
        if levels:
            criterion_id = identifier("criterion", key)
            criteria.append(
                {
                    "identifier": criterion_id,
                    "uri": f"{package_url}#criterium-{key}",
                    "category": row["name"][:200],
                    "description": row["definition"],
                    "CFItemURI": nodes[key],
                    "weight": 1,
                    "position": n,
                    "rubricId": identifier("rubric"),
                    "lastChangeDateTime": changed,
                    "CFRubricCriterionLevels": [
                        {
                            "identifier": identifier("criterionlevel", key, level_key),
                            "uri": f"{package_url}#niveau-{key}-{level_key}",
                            "description": "\n".join(i["text"] for i in row["indicators"] if i["level"] == level_key)
                            or level["description"],
                            "quality": level["name"],
                            "score": order,
                            "position": order,
                            "rubricCriterionId": criterion_id,
                            "lastChangeDateTime": changed,
                        }
                        for order, (level_key, level) in enumerate(levels.items(), start=1)
                    ],
                }
            )

    # Associations as they were read keep their identifiers: a tree edge the model still has replaces
    # the derived one; one the model no longer has (the item moved) gives way; the rest as read.
    derived_edges = {(a["associationType"], a["originNodeURI"]["identifier"]): n for n, a in enumerate(associations)}
    for entry in native["associations"]:
        # In a package the document is implied; a single association's REST answer names it again.
        stored = _as_case_1_1({key: value for key, value in entry["association"].items() if key != "CFDocumentURI"})
        edge = (stored.get("associationType"), stored["originNodeURI"]["identifier"])
        if entry["primary"] and edge in derived_edges:
            derived = associations[derived_edges[edge]]
            if derived["destinationNodeURI"]["identifier"] == stored["destinationNodeURI"]["identifier"]:
                associations[derived_edges[edge]] = stored
            continue
        associations.append(stored)
    organisation = framework.organisation.name if framework.organisation else "Competentie (bibliotheek)"
    document = {
        "identifier": document_id,
        "uri": document_link["uri"],
        "frameworkType": "Competentieframework",
        "caseVersion": "1.1",
        "creator": organisation,
        "title": framework.name,
        "lastChangeDateTime": changed,
        "officialSourceURL": framework_url,
        "publisher": organisation,
        "description": framework.description,
        "language": "nl",
        "version": str(framework.version),
        "adoptionStatus": framework.get_status_display(),
        "notes": framework.source,
    }
    package = {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": list(item_types.values()),
            "CFConcepts": [],
            "CFSubjects": [],
            "CFLicenses": [],
            "CFAssociationGroupings": [],
        },
        "CFRubrics": [],
        "extensions": {
            EXTENSION: {
                "format": native["format"],
                "version": native["version"],
                "framework": {
                    "target_group": native["framework"]["target_group"],
                    "is_dictionary": native["framework"]["is_dictionary"],
                },
                "predecessor": _predecessor(framework),
                # Versions of one framework share these, so a subscriber compares item by item.
                "lineage": str((framework.first_version or framework).uuid),
                "item_lineage": _lineages(framework),
                "role_levels": native["role_levels"],
                "dilemmas": native["dilemmas"],
                "profiles": native["profiles"],
            }
        },
    }
    if criteria:
        package["CFRubrics"].append(
            {
                "identifier": identifier("rubric"),
                "uri": f"{package_url}#beheersingsniveaus",
                "title": "Beheersingsniveaus",
                "description": ", ".join(level["name"] for level in levels.values()),
                "lastChangeDateTime": changed,
                "CFRubricCriteria": criteria,
            }
        )
    return package


def framework_to_case_json(framework: Framework, *, absolute: Callable[[str], str]) -> str:
    return json.dumps(framework_to_case(framework, absolute=absolute), ensure_ascii=False, indent=2)
