"""The effectmeting questionnaire: what is asked at which moment, on which level.

The guide links its questions to the learning goals and to "de 12 hefbomen van transfer": Ina
Weinbauer-Heidel's twelve levers of transfer effectiveness (Weinbauer-Heidel, *What makes training
really work*, 2016/2018), three on the trainee, four on the training design, five on the
organisation. The lever names are facts (given in Dutch); the wording of every question here is
ours, not the guide's and not Weinbauer-Heidel's, and the pages say so. The 1–5 agreement scale is
ours too.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import MeasurementLevel, MeasurementMoment, Moment

SOURCE = "Weinbauer-Heidel, I. (2016). What makes training really work: 12 levers of transfer effectiveness."


@dataclass(frozen=True)
class Lever:
    code: str
    name: str
    level: str
    question: str  # our wording


LEVERS = [
    # Trainee: the participant level (leereffect, gedrag, motivatie en houding).
    Lever(
        "motivatie",
        _("Transfermotivatie"),
        MeasurementLevel.PARTICIPANT,
        _("Ik wil wat ik leer in het programma echt toepassen in mijn werk."),
    ),
    Lever(
        "zelfvertrouwen",
        _("Zelfeffectiviteit"),
        MeasurementLevel.PARTICIPANT,
        _("Ik heb er vertrouwen in dat ik wat ik leer kan toepassen, ook als het lastig wordt."),
    ),
    Lever(
        "wilskracht",
        _("Transferwilskracht"),
        MeasurementLevel.PARTICIPANT,
        _("Ik blijf het nieuwe gedrag oefenen, ook als de dagelijkse drukte het moeilijk maakt."),
    ),
    # Training design: the programme level (kwaliteit, werking en relevantie).
    Lever(
        "verwachtingen",
        _("Heldere verwachtingen"),
        MeasurementLevel.PROGRAMME,
        _("Het is mij duidelijk wat het programma van mij verwacht en wat ik ermee kan bereiken."),
    ),
    Lever(
        "relevantie",
        _("Relevantie van de inhoud"),
        MeasurementLevel.PROGRAMME,
        _("Wat ik in het programma leer, past bij de taken en vragen in mijn werk."),
    ),
    Lever(
        "oefenen",
        _("Actief oefenen"),
        MeasurementLevel.PROGRAMME,
        _("In het programma oefen ik genoeg met situaties uit de praktijk."),
    ),
    Lever(
        "planning",
        _("Transferplanning"),
        MeasurementLevel.PROGRAMME,
        _("Ik maak in het programma concrete afspraken met mezelf over wanneer en hoe ik iets toepas."),
    ),
    # Organisation: the organisation level (ondersteuning en ruimte voor toepassen).
    Lever(
        "gelegenheid",
        _("Gelegenheid tot toepassen"),
        MeasurementLevel.ORGANISATION,
        _("In mijn werk krijg ik genoeg kansen om toe te passen wat ik leer."),
    ),
    Lever(
        "ruimte",
        _("Persoonlijke transfercapaciteit"),
        MeasurementLevel.ORGANISATION,
        _("Ik heb in mijn werk tijd en ruimte om met wat ik leer aan de slag te gaan."),
    ),
    Lever(
        "leidinggevende",
        _("Steun van de leidinggevende"),
        MeasurementLevel.ORGANISATION,
        _("Mijn leidinggevende helpt mij om wat ik leer toe te passen."),
    ),
    Lever(
        "collega",
        _("Steun van collega's"),
        MeasurementLevel.ORGANISATION,
        _("Mijn collega's staan open voor wat ik uit het programma meeneem."),
    ),
    Lever(
        "organisatie",
        _("Transferverwachtingen in de organisatie"),
        MeasurementLevel.ORGANISATION,
        _("In mijn organisatie wordt verwacht dat ik wat ik leer ook echt gebruik."),
    ),
]
LEVERS_BY_CODE = {lever.code: lever for lever in LEVERS}
LEARNING_GOAL = "leerdoel"

# Our five-point agreement scale.
SCALE = [
    (1, _("Helemaal oneens")),
    (2, _("Oneens")),
    (3, _("Neutraal")),
    (4, _("Eens")),
    (5, _("Helemaal eens")),
]


def levers_for(moment: str) -> list[Lever]:
    """Before the programme starts nobody can judge it yet: the voormeting leaves out the programme level.

    The follow-up is short: only the level per competency, no lever questions.
    """
    if moment == MeasurementMoment.FOLLOW_UP:
        return []
    if moment == Moment.BASELINE:
        return [lever for lever in LEVERS if lever.level != MeasurementLevel.PROGRAMME]
    return list(LEVERS)


def asks_learning_goals(moment: str) -> bool:
    """Learning goals are judged once the programme has begun, and not again at the follow-up."""
    return moment not in (Moment.BASELINE, MeasurementMoment.FOLLOW_UP)
