"""The learning approaches of a development plan, described verbatim from seed 002 §4.4 ("Expliciet"
leren op de werkplek); tests/people/test_learning_verbatim.py checks every word against the seed."""

from django.utils.translation import gettext_lazy as _

from .models import LearningApproach

SOURCE = "Divosa, Competentiemanagement, §4.4"

DESCRIPTIONS: dict[str, str] = {
    LearningApproach.COACHING: (
        "De essentie van coaching zit in het vergroten van (zelf)verantwoordelijkheid en het bewustmaken van het eigen handelen en gedragspatronen. Coaching kan met name zinvol zijn bij het ontwikkelen van competenties als besluitvaardigheid, oordeelsvorming, ondernemerschap en vasthoudendheid, bijvoorbeeld door remmende overtuigingen manifest en bespreekbaar te maken."
    ),
    LearningApproach.MENTORING: (
        "De essentie van mentoring is het overdragen van kennis en expertise van een ervaren collega, op een jongere of minder ervaren collega door deze met raad en daad bij te staan tijdens de uitvoering van het werk. Mentoring is bij uitstek geschikt om ‘ongeschreven wetten’ of de cultuur binnen een organisatie goed over te dragen en daarmee ook bij te dragen aan de ontwikkeling van competenties als integriteit."
    ),
    LearningApproach.INTERVISIE: (
        "De kern van intervisie is het leren van en met collega’s. Intervisie is bij uitstek geschikt om bewustzijn en motivatie van medewerkers te vergroten. De ontwikkeling van competenties als visie, creativiteit, oordeelsvorming en integriteit, maar uiteraard ook samenwerken, kan hier uitstekend mee worden bediend. Intervisie gebeurt in groepsverband, aanvankelijk onder leiding van een trainer en na enige oefening zelfstandig."
    ),
    LearningApproach.INTERNAL_PLACEMENT: (
        "Het opdoen van ervaring op een andere afdeling is een goede manier om medewerkers te laten werken aan het ontwikkelen van nieuwe inzichten, vaardigheden of bepaalde competenties die in de betreffende afdeling veel nadrukkelijker worden aangesproken. Interne stages bieden de organisatie tevens mogelijkheden om medewerkers in de praktijkomgeving te observeren en waar nodig in ontwikkeling bij te sturen."
    ),
    LearningApproach.EXTERNAL_PLACEMENT: (
        "Ook externe stages bieden de mogelijkheid om een medewerker in een omgeving te plaatsen waarin deze wordt geprikkeld op het aanspreken en ontwikkelen van andere (gewenste) competenties. De verplaatsing naar de eigen situatie en organisatie is vervolgens wel een aandachtspunt."
    ),
    LearningApproach.ON_THE_JOB: (
        "Een trainer/opleider traint medewerkers op de eigen werkplek. Daarbij gaat het bij voorbeeld om het introduceren van nieuwe werkwijzen of het oefenen van bepaalde technieken. Het vaardigheidselement van trainingen staat voorop, maar met het grote voordeel van toepassen in de feitelijke werksituatie."
    ),
}

# Ours (the seed names no such heading): shown above the list on the POP page.
INTRODUCTION = _("Manieren om te leren op het werk (Divosa, Competentiemanagement, paragraaf 4.4).")


def description_of(approach: str) -> str:
    return DESCRIPTIONS.get(approach, "")
