"""Export as a 1EdTech CASE 1.1 package (CFPackage: CFDocument, CFItems, CFAssociations, CFRubrics).

- The framework is the CFDocument; clusters, competencies and behavioural indicators are CFItems
  with CFItemType "Cluster", "Competentie" and "Gedragsindicator" (defined in CFDefinitions).
- Every item `isChildOf` its parent: an indicator its competency, a competency its cluster or
  the document, a cluster the document.
- Proficiency levels are the levels of one CFRubric: a CFRubricCriterion per competency
  (CFItemURI = the competency), with a CFRubricCriterionLevel per level whose description lists
  the competency's indicators at that level. An indicator with a level also gets a
  `hasSkillLevel` association to that criterion level.
- Identifiers are UUIDs (uuid5) derived from a fixed namespace, the framework's database id and
  version and the object's id, so a re-export gives the same identifiers. `uri` fields point at
  this application's pages where one exists, else at the export itself with a fragment.
"""

import json
import uuid
from collections.abc import Callable

from django.urls import reverse

from ..models import Framework

NAMESPACE = uuid.UUID("6f0c5d1e-7a52-4c36-9a0e-2b1f3c4d5e6f")
ITEM_TYPES = {"cluster": "Cluster", "competency": "Competentie", "indicator": "Gedragsindicator"}


def _when(framework: Framework) -> str:
    moment = framework.published_at or framework.updated_at or framework.created_at
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def framework_to_case(framework: Framework, *, absolute: Callable[[str], str]) -> dict:
    """A framework loaded by `framework_for_export` as a CASE 1.1 CFPackage dict.

    `absolute` turns a path into a full URL (request.build_absolute_uri in a view).
    """
    scope = f"framework:{framework.pk}:v{framework.version}"

    def identifier(*parts) -> str:
        return str(uuid.uuid5(NAMESPACE, ":".join([scope, *map(str, parts)])))

    export_url = absolute(reverse("frameworks:framework-export-case", args=[framework.pk]))
    framework_url = absolute(reverse("frameworks:framework-detail", args=[framework.pk]))
    changed = _when(framework)
    document_id = identifier("document")
    document_link = {"title": framework.name, "identifier": document_id, "uri": f"{export_url}#document"}

    def link(title: str, ident: str, uri: str) -> dict:
        return {"title": title[:120], "identifier": ident, "uri": uri}

    item_types = {
        key: {
            "identifier": identifier("itemtype", key),
            "uri": f"{export_url}#itemtype-{key}",
            "title": title,
            "description": title,
            "hierarchyCode": str(n),
            "lastChangeDateTime": changed,
        }
        for n, (key, title) in enumerate(ITEM_TYPES.items(), start=1)
    }
    items, associations, nodes = [], [], {}

    def add_item(
        key: str,
        kind: str,
        statement: str,
        uri: str,
        *,
        code: str = "",
        notes: str = "",
        abbreviated: str = "",
        position: int = 0,
    ) -> dict:
        item = {
            "identifier": identifier(key),
            "uri": uri,
            "CFDocumentURI": document_link,
            "fullStatement": statement,
            "humanCodingScheme": code,
            "listEnumeration": str(position),
            "CFItemType": ITEM_TYPES[kind],
            "CFItemTypeURI": link(ITEM_TYPES[kind], item_types[kind]["identifier"], item_types[kind]["uri"]),
            "language": "nl",
            "lastChangeDateTime": changed,
        }
        if abbreviated:
            item["abbreviatedStatement"] = abbreviated
        if notes:
            item["notes"] = notes
        items.append(item)
        nodes[key] = link(abbreviated or statement, item["identifier"], uri)
        return item

    def associate(kind: str, origin: dict, destination: dict, sequence: int | None = None):
        association = {
            "identifier": identifier("association", kind, origin["identifier"], destination["identifier"]),
            "uri": f"{export_url}#association-{len(associations) + 1}",
            "associationType": kind,
            "CFDocumentURI": document_link,
            "originNodeURI": origin,
            "destinationNodeURI": destination,
            "lastChangeDateTime": changed,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        associations.append(association)

    for n, cluster in enumerate(framework.clusters.all(), start=1):
        key = f"cluster:{cluster.pk}"
        add_item(
            key,
            "cluster",
            cluster.description or cluster.name,
            f"{framework_url}#cluster-{cluster.pk}",
            code=f"C{n}",
            abbreviated=cluster.name,
            position=n,
        )
        associate("isChildOf", nodes[key], document_link, n)

    levels = list(framework.levels.all())
    criteria = []
    for n, competency in enumerate(framework.competencies.all(), start=1):
        key = f"competency:{competency.pk}"
        uri = absolute(reverse("frameworks:competency-detail", args=[competency.pk]))
        add_item(
            key,
            "competency",
            competency.definition or competency.name,
            uri,
            code=f"K{n}",
            abbreviated=competency.name,
            position=n,
            notes=competency.get_kind_display() if competency.kind else "",
        )
        parent = nodes.get(f"cluster:{competency.cluster_id}", document_link)
        associate("isChildOf", nodes[key], parent, n)
        indicators = list(competency.indicators.all())
        for position, indicator in enumerate(indicators, start=1):
            indicator_key = f"indicator:{indicator.pk}"
            add_item(
                indicator_key,
                "indicator",
                indicator.text,
                f"{uri}#gedragsindicator-{indicator.pk}",
                code=f"K{n}.{position}",
                position=position,
            )
            associate("isChildOf", nodes[indicator_key], nodes[key], position)
        if levels:
            criterion_id = identifier("criterion", competency.pk)
            criterion_levels = []
            for order, level in enumerate(levels, start=1):
                level_id = identifier("criterionlevel", competency.pk, level.pk)
                at_level = [i.text for i in indicators if i.level_id == level.pk]
                criterion_levels.append(
                    {
                        "identifier": level_id,
                        "uri": f"{export_url}#niveau-{competency.pk}-{level.pk}",
                        "description": "\n".join(at_level) or level.description,
                        "quality": level.name,
                        "score": order,
                        "position": order,
                        "rubricCriterionId": criterion_id,
                        "lastChangeDateTime": changed,
                    }
                )
                level_link = link(f"{competency.name}: {level.name}", level_id, criterion_levels[-1]["uri"])
                for indicator in indicators:
                    if indicator.level_id == level.pk:
                        associate("hasSkillLevel", nodes[f"indicator:{indicator.pk}"], level_link)
            criteria.append(
                {
                    "identifier": criterion_id,
                    "uri": f"{export_url}#criterium-{competency.pk}",
                    "category": competency.name,
                    "description": competency.definition,
                    "CFItemURI": nodes[key],
                    "weight": 1,
                    "position": n,
                    "rubricId": identifier("rubric"),
                    "lastChangeDateTime": changed,
                    "CFRubricCriterionLevels": criterion_levels,
                }
            )

    document = {
        "identifier": document_id,
        "uri": f"{export_url}#document",
        "creator": framework.organisation.name if framework.organisation else "Competentie (bibliotheek)",
        "title": framework.name,
        "lastChangeDateTime": changed,
        "officialSourceURL": framework_url,
        "publisher": framework.organisation.name if framework.organisation else "",
        "description": framework.description,
        "language": "nl",
        "version": str(framework.version),
        "adoptionStatus": framework.get_status_display(),
        "notes": framework.source,
        "CFPackageURI": {"title": framework.name, "identifier": document_id, "uri": export_url},
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
    }
    if criteria:
        package["CFRubrics"].append(
            {
                "identifier": identifier("rubric"),
                "uri": f"{export_url}#beheersingsniveaus",
                "title": "Beheersingsniveaus",
                "description": ", ".join(level.name for level in levels),
                "lastChangeDateTime": changed,
                "CFRubricCriteria": criteria,
            }
        )
    return package


def framework_to_case_json(framework: Framework, *, absolute: Callable[[str], str]) -> str:
    return json.dumps(framework_to_case(framework, absolute=absolute), ensure_ascii=False, indent=2)
