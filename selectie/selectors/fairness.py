"""Reads for fairness monitoring: counts per stage and group, never a person's answers (selectie.fairness)."""

from collections import defaultdict

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from .. import fairness
from ..models import Assignment, Candidate, Decision, Exercise, FairnessAnswer, FairnessSetup, SelectionProcedure

STAGES = [
    ("selectiedag", _("Uitgenodigd voor de selectiedag (na de voorselectie)")),
    ("besluit", _("Door naar de volgende ronde (na het besluit)")),
]


def fairness_characteristics(*, organisation_id: int) -> list[str]:
    setup = FairnessSetup.objects.filter(organisation_id=organisation_id).first()
    return [c for c in (setup.characteristics if setup else []) if c in fairness.CHARACTERISTICS]


def _stage_counts(procedures) -> tuple[dict, int, int]:
    """{(stage, characteristic, answer): [considered, selected]}, candidates, respondents — 4 queries."""
    procedure_ids = [p.pk for p in procedures]
    with_preselection = set(
        Exercise.objects.filter(procedure_id__in=procedure_ids, phase=Exercise.Phase.PRESELECTION).values_list(
            "procedure_id", flat=True
        )
    )
    day = Assignment.objects.filter(candidate_id=OuterRef("pk"), exercise__phase=Exercise.Phase.SELECTION_DAY)
    rows = list(
        Candidate.objects.filter(procedure_id__in=procedure_ids)
        .annotate(invited=Exists(day))
        .values_list("pk", "procedure_id", "invited", "decision__outcome")
    )
    answers = defaultdict(dict)
    for candidate_id, characteristic, answer in FairnessAnswer.objects.filter(
        candidate__procedure_id__in=procedure_ids
    ).values_list("candidate_id", "characteristic", "answer"):
        answers[candidate_id][characteristic] = answer
    respondents = len(answers)  # before the loop below reads (and so adds) a key per candidate
    counts = defaultdict(lambda: [0, 0])
    for candidate_id, procedure_id, invited, outcome in rows:
        stages = []
        if procedure_id in with_preselection:
            stages.append(("selectiedag", invited))
        if outcome and (invited or procedure_id not in with_preselection):
            stages.append(("besluit", outcome == Decision.Outcome.NEXT_ROUND))
        for characteristic in fairness.CHARACTERISTICS:
            answer = answers[candidate_id].get(characteristic, fairness.NOT_STATED)
            for stage, selected in stages:
                cell = counts[(stage, characteristic, answer)]
                cell[0] += 1
                cell[1] += int(selected)
    return counts, len(rows), respondents


def _report(procedures, characteristics) -> dict:
    counts, candidates, respondents = _stage_counts(procedures)
    stages = []
    for key, label in STAGES:
        tables = []
        for characteristic in characteristics:
            cells = {a: tuple(v) for (s, c, a), v in counts.items() if s == key and c == characteristic}
            if cells:
                tables.append(fairness.stage_table(characteristic, key, cells))
        if tables:
            stages.append({"key": key, "label": label, "tables": tables})
    return {
        "characteristics": characteristics,
        "stages": stages,
        "candidates": candidates,
        "respondents": respondents,
        "min_group": fairness.MIN_GROUP,
        "four_fifths": fairness.FOUR_FIFTHS,
    }


def fairness_report(*, procedure: SelectionProcedure) -> dict:
    return _report([procedure], fairness_characteristics(organisation_id=procedure.organisation_id))


def fairness_report_organisation(*, organisation) -> dict:
    """All of the organisation's procedures together (counts added up per stage and group)."""
    procedures = list(SelectionProcedure.objects.filter(organisation=organisation).only("pk"))
    report = _report(procedures, fairness_characteristics(organisation_id=organisation.pk))
    report["procedures"] = len(procedures)
    return report


CSV_HEADER = [
    "fase",
    "kenmerk",
    "groep",
    "kandidaten",
    "door",
    "selectieratio",
    "impact ratio",
    "onder 0,80",
    "p (Fisher)",
]


def fairness_csv_rows(report: dict, *, procedure_name: str) -> list[list]:
    """The report as spreadsheet rows, each naming the procedure: suppressed groups say so and carry no numbers."""
    return [["procedure", *CSV_HEADER]] + [[procedure_name, *row] for row in _csv_body(report)]


def _csv_body(report: dict) -> list[list]:
    rows = []
    for stage in report["stages"]:
        for table in stage["tables"]:
            for group in table.groups:
                if group.suppressed:
                    rows.append([str(stage["label"]), table.label, group.label, "minder dan 5", "", "", "", "", ""])
                    continue
                rows.append(
                    [
                        str(stage["label"]),
                        table.label,
                        group.label,
                        group.considered,
                        group.selected,
                        group.rate,
                        "" if group.impact_ratio is None else group.impact_ratio,
                        "ja" if group.flagged else "nee",
                        "" if group.p_value is None else group.p_value,
                    ]
                )
    return rows


def fairness_invitation_for_token(*, token: str):
    """The invitation behind a candidate's link, or None (wrong, replaced or purged)."""
    from ..models import FairnessInvitation
    from ..services.fairness import token_hash

    return (
        FairnessInvitation.objects.filter(token_hash=token_hash(token or ""), candidate__personal_data__isnull=False)
        .select_related("candidate__procedure__organisation")
        .first()
    )


def fairness_own_answers(*, invitation) -> dict[str, str]:
    """The candidate's own answers, for their own form only."""
    return dict(FairnessAnswer.objects.filter(candidate=invitation.candidate).values_list("characteristic", "answer"))


def hr_organisations(*, user):
    from competentie.organisations.models import Organisation

    from ..access import hr_organisation_ids

    return Organisation.objects.filter(pk__in=hr_organisation_ids(user)).order_by("name")
