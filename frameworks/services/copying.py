"""Deep copies of a framework (or one profile of it): a fixed number of queries, whatever the size."""

import uuid

from ..models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    Dilemma,
    DilemmaPosition,
    ExpertiseArea,
    Framework,
    GuidingQuestion,
    GuidingQuestionSet,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
    ProfileTask,
    RatingScale,
    RoleLevel,
    ScalePoint,
)


def _copy_rows(model, rows, **overrides):
    """bulk_create copies of rows (with pk/ids replaced through overrides); return {old pk: new pk}."""
    copies = []
    for row in rows:
        values = {
            field.attname: getattr(row, field.attname) for field in model._meta.concrete_fields if not field.primary_key
        }
        if "uuid" in values:  # a copy is other content: it gets its own identifier
            values["uuid"] = uuid.uuid4()
        for attname, value in overrides.items():
            values[attname] = value(row) if callable(value) else value
        copies.append(model(**values))
    created = model.objects.bulk_create(copies)
    return {row.pk: copy.pk for row, copy in zip(rows, created)}


def _with_lineage(row) -> dict:
    kept = row.interchange if isinstance(row.interchange, dict) else {}
    return {**kept, "lineage": kept.get("lineage") or str(row.uuid)}


def _copy_tree(model, rows, **overrides):
    """_copy_rows for rows with a `parent` in the same table: parents first, each child re-pointed."""
    mapping: dict[int, int] = {}
    known = {row.pk for row in rows}
    remaining = rows
    while remaining:
        ready = [r for r in remaining if r.parent_id is None or r.parent_id in mapping or r.parent_id not in known]
        if not ready:  # a cycle cannot exist in a tree; guard against bad data all the same
            break
        mapping |= _copy_rows(model, ready, parent_id=lambda r, done=mapping: done.get(r.parent_id), **overrides)
        remaining = [r for r in remaining if r.pk not in mapping]
    return mapping


def profile_tree_ids(*, framework: Framework, profile: Profile) -> list[int]:
    """A profile and all its descendants (hoofdtaken), read in one query."""
    parents = dict(Profile.objects.filter(framework=framework).values_list("pk", "parent_id"))
    wanted = {profile.pk}
    changed = True
    while changed:
        changed = False
        for pk, parent_id in parents.items():
            if parent_id in wanted and pk not in wanted:
                wanted.add(pk)
                changed = True
    return sorted(wanted)


def framework_copy_contents(
    *, source: Framework, target: Framework, profile_ids: list[int] | None = None, link_to_source: bool = True
) -> dict[str, dict[int, int]]:
    """Copy levels, clusters, competencies, indicators, profiles, scales and question sets of source into target.

    profile_ids limits the copy to those profiles and the competencies they use. With link_to_source
    each copied competency remembers the source competency (derived_from); without it (a new version
    of the same framework) it keeps the origin the source competency had. Returns {old pk: new pk}
    for "competency" and "indicator" (generic and profile indicators), for whatever follows the copy.
    """
    # A new version's items are the same items: each remembers the identifier it first had (lineage_key).
    lineage = {} if link_to_source else {"interchange": _with_lineage}
    level_map = _copy_rows(ProficiencyLevel, list(source.levels.all()), framework_id=target.pk, revision=1, **lineage)
    role_level_map = _copy_rows(RoleLevel, list(source.role_levels.all()), framework_id=target.pk)
    dilemma_map = _copy_rows(Dilemma, list(source.dilemmas.all()), framework_id=target.pk)

    profiles = list(Profile.objects.filter(framework=source).order_by("pk"))
    competencies = Competency.objects.filter(framework=source)
    clusters = Cluster.objects.filter(framework=source)
    if profile_ids is not None:
        profiles = [p for p in profiles if p.pk in set(profile_ids)]
        used = ProfileCompetency.objects.filter(profile_id__in=profile_ids).values("competency_id")
        competencies = competencies.filter(pk__in=used)
        clusters = clusters.filter(pk__in=competencies.values("cluster_id"))
    cluster_map = _copy_tree(Cluster, list(clusters), framework_id=target.pk, **lineage)

    competencies = list(competencies)
    competency_map = _copy_rows(
        Competency,
        competencies,
        framework_id=target.pk,
        revision=1,
        cluster_id=lambda c: cluster_map.get(c.cluster_id),
        derived_from_id=(lambda c: c.pk) if link_to_source else (lambda c: c.derived_from_id),
        **lineage,
    )
    indicator_map = _copy_rows(
        BehaviouralIndicator,
        list(BehaviouralIndicator.objects.filter(competency_id__in=list(competency_map))),
        revision=1,
        competency_id=lambda i: competency_map[i.competency_id],
        level_id=lambda i: level_map.get(i.level_id),
        **lineage,
    )

    # Profiles level by level, so that a hoofdtaak's parent exists before the hoofdtaak.
    profile_map: dict[int, int] = {}
    remaining = profiles
    while remaining:
        ready = [
            p
            for p in remaining
            if p.parent_id is None or p.parent_id in profile_map or p.parent_id not in {q.pk for q in profiles}
        ]
        if not ready:  # a cycle cannot exist in a tree; guard against bad data all the same
            break
        profile_map |= _copy_rows(
            Profile,
            ready,
            framework_id=target.pk,
            revision=1,
            parent_id=lambda p, known=profile_map: known.get(p.parent_id),
            role_level_id=lambda p: role_level_map.get(p.role_level_id),
        )
        remaining = [p for p in remaining if p.pk not in profile_map]

    old_profiles = list(profile_map)
    _copy_rows(
        ProfileTask,
        list(ProfileTask.objects.filter(profile_id__in=old_profiles)),
        profile_id=lambda t: profile_map[t.profile_id],
    )
    _copy_rows(
        ExpertiseArea,
        list(ExpertiseArea.objects.filter(profile_id__in=old_profiles)),
        profile_id=lambda a: profile_map[a.profile_id],
    )
    _copy_rows(
        DilemmaPosition,
        list(DilemmaPosition.objects.filter(profile_id__in=old_profiles)),
        profile_id=lambda d: profile_map[d.profile_id],
        dilemma_id=lambda d: dilemma_map[d.dilemma_id],
    )
    profile_competencies = list(
        ProfileCompetency.objects.filter(profile_id__in=old_profiles, competency_id__in=list(competency_map))
    )
    pc_map = _copy_rows(
        ProfileCompetency,
        profile_competencies,
        revision=1,
        profile_id=lambda pc: profile_map[pc.profile_id],
        competency_id=lambda pc: competency_map[pc.competency_id],
        required_level_id=lambda pc: level_map.get(pc.required_level_id),
    )
    indicator_map |= _copy_rows(
        BehaviouralIndicator,
        list(BehaviouralIndicator.objects.filter(profile_competency_id__in=list(pc_map))),
        revision=1,
        profile_competency_id=lambda i: pc_map[i.profile_competency_id],
        level_id=lambda i: level_map.get(i.level_id),
    )
    framework_copy_scales_and_questions(source=source, target=target, profile_map=profile_map)
    return {"competency": competency_map, "indicator": indicator_map}


def framework_copy_scales_and_questions(*, source: Framework, target: Framework, profile_map: dict[int, int]) -> None:
    """The rating scales and guiding-question sets belong to a framework version and travel with it.

    A question tied to a profile (the VTH score form) is copied only with that profile.
    """
    scales = list(RatingScale.objects.filter(framework=source).order_by("pk"))
    scale_map = _copy_rows(RatingScale, scales, framework_id=target.pk, organisation_id=target.organisation_id)
    _copy_rows(
        ScalePoint,
        list(ScalePoint.objects.filter(scale_id__in=list(scale_map))),
        scale_id=lambda point: scale_map[point.scale_id],
    )
    sets = list(GuidingQuestionSet.objects.filter(framework=source).order_by("pk"))
    set_map = _copy_rows(GuidingQuestionSet, sets, framework_id=target.pk)
    questions = [
        question
        for question in GuidingQuestion.objects.filter(question_set_id__in=list(set_map)).order_by("pk")
        if question.profile_id is None or question.profile_id in profile_map
    ]
    _copy_rows(
        GuidingQuestion,
        questions,
        question_set_id=lambda q: set_map[q.question_set_id],
        profile_id=lambda q: profile_map.get(q.profile_id),
    )
