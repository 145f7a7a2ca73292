"""The stappenplan of the Rotterdam/VNG guide ("Hoe bouw je een krachtig framework voor objectieve selectie?").

Titles verbatim from the guide; each output is the guide's own "Output:" line for that step where it
gives one (stap 7 has none in the guide).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    expected_output: str


STEPS = [
    Step(
        1,
        "Stap 1: Definieer het doel en de doelgroep",
        "Een gezamenlijke visie op het doel en een lijst van potentiële doelgroepen.",
    ),
    Step(2, "Stap 2: Betrek belanghebbenden", "Betrokken stakeholders en een gezamenlijke visie."),
    Step(3, "Stap 3: Analyseer de huidige situatie", "Een overzicht van bestaande competenties."),
    Step(4, "Stap 4: Identificeer relevante competenties", "Een lijst van relevante en haalbare competenties."),
    Step(
        5,
        "Stap 5: Ontwikkel gedragsindicatoren",
        "Een set gevalideerde gedragsindicatoren die breed worden ondersteund.",
    ),
    Step(6, "Stap 6: Implementeer en communiceer", "Een succesvol uitgerold competentieframework."),
    Step(7, "Stap 7: Evalueer en verbeter", ""),
]
STEP_NUMBERS = [step.number for step in STEPS]


@dataclass
class StepProgress:
    step: Step
    done: bool = False
    output: str = ""
    updated_by: object = None
    updated_at: object = None
    revision: int = 0

    @property
    def seen(self) -> int:
        """The revision a step form carries (0 when the step was never saved)."""
        return self.revision


def steps_progress(recorded) -> list[StepProgress]:
    """The seven steps with what the author recorded for each (rows may be missing: not started)."""
    by_number = {row.number: row for row in recorded}
    progress = []
    for step in STEPS:
        row = by_number.get(step.number)
        progress.append(
            StepProgress(step, row.done, row.output, row.updated_by, row.updated_at, row.revision)
            if row
            else StepProgress(step)
        )
    return progress
