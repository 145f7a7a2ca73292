"""Demo: a selection day halfway through, with handed-in scores that disagree (development only)."""

from django.db import transaction
from django.utils import timezone

from frameworks.models import Profile

from . import selectors, services
from .models import SelectionProcedure

NAME = "Vergunningverlener omgevingsrecht 2026"
CANDIDATES = [
    ("Lotte van den Berg", "lotte.vandenberg@example.org"),
    ("Youssef Amrani", "youssef.amrani@example.org"),
    ("Eva Smit", "eva.smit@example.org"),
    ("Daan Mulder", "daan.mulder@example.org"),
]
# Per selecteur, per candidate: a base score and the competencies they see differently (2 points apart).
SCORES = {
    "selecteur2": {0: (4, {0: 2}), 1: (3, {1: 5})},
    "selecteur3": {0: (4, {0: 4}), 1: (3, {1: 2})},
}


@transaction.atomic
def demo_build(*, organisation, people: dict) -> str:
    if SelectionProcedure.objects.filter(organisation=organisation, name=NAME).exists():
        return f"Selectieprocedure “{NAME}” bestond al."
    hr = people["hr"][0]
    profile = Profile.objects.libraries().get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    procedure = services.procedure_create(
        user=hr,
        organisation=organisation,
        name=NAME,
        profile=profile,
        description="Vacature vergunningverlener omgevingsrecht, 36 uur (demo).",
        selection_date=timezone.localdate(),
    )
    competencies = selectors.procedure_competencies(procedure=procedure)
    interview = services.exercise_create(procedure=procedure, name="Interview", competencies=competencies[:4])
    casus = services.exercise_create(procedure=procedure, name="Casus", kind="casus", competencies=competencies[3:])
    candidates = [services.candidate_create(procedure=procedure, name=n, email=e) for n, e in CANDIDATES]
    selecteurs = [people[name][0] for name in ("selecteur", "selecteur2", "selecteur3")]
    services.assignments_create(
        procedure=procedure, selecteurs=selecteurs, candidates=candidates[:3], exercises=[interview, casus]
    )
    services.procedure_transition(procedure=procedure, user=hr, status=SelectionProcedure.Status.OPEN)
    for username, plan in SCORES.items():
        user = people[username][0]
        for index, (base, different) in plan.items():
            candidate = candidates[index]
            for assignment in procedure.assignments.filter(selecteur=user, candidate=candidate):
                for position, competency in enumerate(assignment.exercise.competencies.order_by("pk")):
                    services.score_save(
                        assignment=assignment,
                        competency=competency,
                        user=user,
                        value=different.get(position, base),
                        evidence="Waargenomen in het gesprek: vraagt door en vat samen (demo).",
                    )
            services.candidate_submit(candidate=candidate, user=user)
    return f"Selectieprocedure “{NAME}”: selectiedag vandaag, scores van twee selecteurs ingediend."
