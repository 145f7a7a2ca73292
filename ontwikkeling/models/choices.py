"""The fixed vocabularies of the guide. Labels are the guide's words (fixtures/ontwikkeling.json holds
the same words with their explanation; tests/ontwikkeling/test_seed_fixtures.py keeps both equal)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KolbStage(models.TextChoices):
    """The four stages of Kolb's Experiential Learning Cycle, in the order of the cycle."""

    CONCRETE_EXPERIENCE = "concrete_ervaring", _("Concrete ervaring")
    REFLECTION = "reflectie_observatie", _("Reflectie en observatie")
    NEW_INSIGHTS = "nieuwe_inzichten", _("Nieuwe inzichten formuleren")
    EXPERIMENTING = "actief_experimenteren", _("Actief experimenteren")


class LearningLevel(models.TextChoices):
    """Levels of learning; the guide's third level names Rotterdam, ours says it in general terms."""

    SELF = "ik", _("Ik")
    OTHERS = "ik_ander", _("Ik en de Ander")
    ORGANISATION = "ik_organisatie", _("Ik en de organisatie en omgeving")


class MeasurementLevel(models.TextChoices):
    PARTICIPANT = "deelnemer", _("Deelnemer")
    PROGRAMME = "programma", _("Programma")
    ORGANISATION = "organisatie", _("Organisatie")


class Moment(models.TextChoices):
    """The fixed measuring moments: a baseline, then the guide's three moments."""

    BASELINE = "voormeting", _("voormeting")
    FIRST_WEEK = "week1", _("na de eerste week")
    HALFWAY = "halverwege", _("halverwege het programma")
    END = "einde", _("aan het einde van het programma")


class MeasurementMoment(models.TextChoices):
    """When a measurement is taken: the guide's four moments, then our follow-up in daily work.

    The follow-up (Kirkpatrick's level 3, behaviour) is not in the guide: its name is ours. It comes
    3 to 6 months after the end, and besides the participant the participant's manager answers it.
    """

    BASELINE = Moment.BASELINE.value, Moment.BASELINE.label
    FIRST_WEEK = Moment.FIRST_WEEK.value, Moment.FIRST_WEEK.label
    HALFWAY = Moment.HALFWAY.value, Moment.HALFWAY.label
    END = Moment.END.value, Moment.END.label
    FOLLOW_UP = "opvolging", _("opvolging in het werk, 3 tot 6 maanden na het einde")


class Rater(models.TextChoices):
    """Who answered a measurement."""

    PARTICIPANT = "deelnemer", _("deelnemer zelf")
    MANAGER = "leidinggevende", _("leidinggevende")


class StakeholderRelation(models.TextChoices):
    INFLUENCES = "invloed", _("Heeft invloed op het programma")
    INFLUENCED = "beinvloed", _("Wordt beïnvloed door het programma")
    BOTH = "beide", _("Beide")
