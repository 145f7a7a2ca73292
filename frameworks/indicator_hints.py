"""Writing advice for behavioural indicators, after the Rotterdam/VNG guide's five rules.

A gedragsindicator is (1) geformuleerd in te observeren gedrag, (2) positief geformuleerd,
(3) vaak beginnend met een actief werkwoord, (4) enkelvoudig and (5) zonder waardeoordeel.
`indicator_hints(text)` checks a text against these rules with plain Dutch heuristics and
returns at most one hint per rule. Hints are advice, never a reason to refuse a save: the
heuristics know no grammar and will sometimes be wrong.

The verb test leans on Dutch morphology: an indicator reads "(De medewerker) vraagt door",
so its first word is a finite verb in the third person singular, which in Dutch almost
always ends in -t (vraagt, formuleert, houdt, geeft). Words ending in -t that are not verbs
(inzicht, respect, klant, resultaat …) are excluded by a list and by noun/adjective suffixes.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

OBSERVABLE = "observable"
POSITIVE = "positive"
ACTIVE_VERB = "active_verb"
SINGLE = "single"
NO_JUDGEMENT = "no_judgement"

RULES = [OBSERVABLE, POSITIVE, ACTIVE_VERB, SINGLE, NO_JUDGEMENT]


@dataclass(frozen=True)
class Hint:
    rule: str  # one of RULES
    message: str  # short advice, Dutch
    reason: str  # why, naming the words that triggered it, Dutch


# Inner states, knowledge and intentions: nobody can see someone "begrijpen" or "willen".
INNER_STATE_PHRASES = [
    "is zich bewust",
    "zich bewust",
    "is bewust",
    "heeft inzicht",
    "heeft kennis",
    "heeft gevoel voor",
    "heeft affiniteit",
    "heeft oog voor",
    "heeft begrip",
    "is op de hoogte",
    "is gemotiveerd",
    "is betrokken",
    "is bereid",
    "realiseert zich",
    "begrijpt",
    "begrijpen",
    "beseft",
    "snapt",
    "weet",
    "weten",
    "voelt",
    "kent",
    "wil",
    "wilt",
    "denkt na over",
    "vindt het belangrijk",
    "vindt belangrijk",
    "gelooft",
    "waardeert",
    "houdt van",
    "bewustzijn",
]

NEGATIONS = ["niet", "geen", "nooit", "zonder", "niets", "niemand", "nergens", "allerminst"]
# "niet alleen … maar ook" adds, it does not negate; "niet-juristen" names a group.
NEGATION_EXCEPTIONS = [
    re.compile(r"\bniet\s+alleen\b", re.IGNORECASE),
    re.compile(r"\b(niet|geen)-[\wÀ-ÿ]+", re.IGNORECASE),
]

JUDGEMENT_PHRASES = [
    "niet genoeg",
    "genoeg",
    "te veel",
    "te weinig",
    "te laat",
    "zeer goed",
    "heel goed",
    "goed",
    "goede",
    "slecht",
    "slechte",
    "uitstekend",
    "uitstekende",
    "uitmuntend",
    "excellent",
    "voldoende",
    "onvoldoende",
    "prima",
    "adequaat",
    "adequate",
    "juist",
    "juiste",
    "perfect",
    "perfecte",
    "optimaal",
    "optimale",
    "mooi",
    "mooie",
    "geweldig",
    "redelijk",
    "redelijke",
    "matig",
    "matige",
    "zwak",
    "zwakke",
    "behoorlijk",
    "fatsoenlijk",
    "beter",
    "betere",
]

# First words that announce a capacity, a possession or a subject instead of behaviour.
WEAK_OPENINGS = [
    (re.compile(r"^is\s+in\s+staat\b", re.IGNORECASE), "is in staat"),
    (re.compile(r"^is\s+(goed\s+)?bekwaam\b", re.IGNORECASE), "is bekwaam"),
    (re.compile(r"^is\s+vaardig\b", re.IGNORECASE), "is vaardig"),
    (re.compile(r"^(kan|kunnen)\b", re.IGNORECASE), "kan"),
    (re.compile(r"^(heeft|hebben)\b", re.IGNORECASE), "heeft"),
    (re.compile(r"^(is|zijn|wordt|worden)\b", re.IGNORECASE), "is"),
    (re.compile(r"^(mag|moet|zal|wil|wilt)\b", re.IGNORECASE), "moet"),
]
ARTICLES_AND_PRONOUNS = {
    "de",
    "het",
    "een",
    "’t",
    "'t",
    "je",
    "jij",
    "u",
    "hij",
    "zij",
    "ze",
    "men",
    "iemand",
    "er",
    "deze",
    "die",
    "dit",
    "dat",
    "zijn",
    "haar",
    "hun",
    "medewerker",
    "kandidaat",
}

# Common indicator verbs in the third person singular; some would fail the suffix test below.
KNOWN_VERBS = {
    "gaat",
    "staat",
    "laat",
    "praat",
    "slaat",
    "raadt",
    "vat",
    "zet",
    "let",
    "weet",
    "ziet",
    "biedt",
    "kent",
    "erkent",
    "herkent",
    "benoemt",
    "neemt",
    "komt",
    "stemt",
    "toont",
    "leent",
    "wint",
    "richt",
    "verricht",
    "sticht",
    "verplicht",
    "wacht",
    "verwacht",
    "acht",
    "rust",
    "wijst",
    "kiest",
    "past",
    "toetst",
    "test",
    "plant",
    "verplaatst",
    "schat",
    "bespreekt",
    "spreekt",
    "draagt",
    "vraagt",
    "zegt",
    "legt",
    "regelt",
    "stelt",
    "deelt",
    "geeft",
    "heeft",
    "blijft",
    "schrijft",
    "houdt",
    "vindt",
    "wordt",
    "meldt",
    "zoekt",
    "maakt",
    "werkt",
    "denkt",
    "bewaakt",
    "brengt",
    "volgt",
    "zorgt",
    "hoort",
    "leert",
    "stuurt",
    "voert",
    "luistert",
    "reageert",
    "handelt",
    "levert",
    "ontwikkelt",
    "verzamelt",
    "speelt",
    "belt",
    "telt",
    "helpt",
    "grijpt",
    "treedt",
    "bouwt",
    "doet",
    "durft",
    "groeit",
    "overlegt",
    "signaleert",
    "formuleert",
    "organiseert",
    "informeert",
    "communiceert",
    "analyseert",
    "presenteert",
    "motiveert",
    "adviseert",
    "coördineert",
    "coordineert",
    "stimuleert",
    "reflecteert",
    "controleert",
    "documenteert",
    "prioriteert",
    "inventariseert",
    "registreert",
    "onderbouwt",
    "onderzoekt",
    "bevordert",
    "verbindt",
    "benut",
    "hanteert",
    "respecteert",
    "betrekt",
    "checkt",
    "beantwoordt",
    "verwijst",
    "herstelt",
    "bemiddelt",
    "begeleidt",
    "overtuigt",
    "inspireert",
    "delegeert",
    "evalueert",
    "verantwoordt",
    "accepteert",
    "anticipeert",
    "ondersteunt",
}
NON_VERBS = {
    "het",
    "dit",
    "dat",
    "wat",
    "met",
    "niet",
    "iets",
    "niets",
    "respect",
    "contact",
    "inzicht",
    "bewust",
    "recht",
    "licht",
    "zicht",
    "aandacht",
    "kracht",
    "resultaat",
    "klant",
    "cliënt",
    "client",
    "student",
    "agent",
    "document",
    "moment",
    "argument",
    "element",
    "instrument",
    "project",
    "product",
    "budget",
    "correct",
    "direct",
    "concreet",
    "kort",
    "zacht",
    "eerst",
    "laatst",
    "best",
    "strikt",
    "exact",
    "expliciet",
    "impliciet",
    "consistent",
    "transparant",
    "efficiënt",
    "efficient",
    "adequaat",
    "dienst",
    "winst",
    "lijst",
    "toekomst",
    "kwaliteit",
    "activiteit",
    "feit",
    "net",
    "wet",
    "markt",
    "plicht",
    "opzet",
    "aspect",
    "effect",
    "conflict",
    "context",
    "tekst",
    "gebiedt",
    "advocaat",
    "kandidaat",
    "collegiaal",
    "zelfbewust",
    "doelbewust",
    "prettig",
    "straat",
    "aantal",
    "apart",
    "ambt",
    "gezet",
    "gericht",
    "niveau",
    "plaats",
    "vaak",
    "veelal",
    "altijd",
    "regelmatig",
    "tijdig",
    "geregeld",
    "actief",
    "proactief",
    "zelf",
    "eigen",
    "samen",
}
NOUN_OR_ADJECTIVE_SUFFIXES = (
    "heid",
    "teit",
    "ment",
    "ent",
    "ant",
    "aat",
    "icht",
    "acht",
    "ct",
    "ust",
    "ist",
    "ijst",
    "aal",
    "ief",
    "ig",
    "lijk",
    "baar",
    "ing",
    "tie",
    "sie",
    "ie",
    "isch",
    "eel",
    "ens",
    "uur",
)
# Verb suffixes strong enough to trust after "en"/"of" in the middle of a sentence.
STRONG_VERB_SUFFIXES = ("eert", "elt", "ert", "kt", "gt", "dt", "pt", "ft", "mt", "rt", "lt")

_WORD = re.compile(r"[A-Za-zÀ-ÿ’'][A-Za-zÀ-ÿ’'\-]*")
_LEADING_JUNK = re.compile(r"^[\s•■\-–—*·\d.)(]+")


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\wÀ-ÿ]){re.escape(phrase)}(?![\wÀ-ÿ])", text, re.IGNORECASE) is not None


def _first_phrase(text: str, phrases: list[str]) -> str | None:
    """The earliest phrase that occurs in the text (longest first on a tie)."""
    found = []
    for phrase in phrases:
        match = re.search(rf"(?<![\wÀ-ÿ]){re.escape(phrase)}(?![\wÀ-ÿ])", text, re.IGNORECASE)
        if match:
            found.append((match.start(), -len(phrase), phrase))
    return min(found)[2] if found else None


def looks_like_finite_verb(word: str, *, strict: bool = False) -> bool:
    """Whether a word looks like a Dutch verb in the third person singular (vraagt, houdt)."""
    word = word.lower().strip("’'")
    if word in KNOWN_VERBS or word + "t" in KNOWN_VERBS:  # "Stuur op …": the stem is a verb too
        return True
    if len(word) < 3 or word in NON_VERBS or not word.endswith("t"):
        return False
    if word.endswith(NOUN_OR_ADJECTIVE_SUFFIXES):
        return False
    return word.endswith(STRONG_VERB_SUFFIXES) if strict else True


# "Weet … te bereiken" means "manages to": an achievement you can see, not knowledge.
_MANAGES_TO = re.compile(r"\bweet\b(?=[^.;]*?\bte\s+\w+)", re.IGNORECASE)


def _observable(text: str) -> Hint | None:
    phrase = _first_phrase(_MANAGES_TO.sub(" ", text), INNER_STATE_PHRASES)
    if phrase is None:
        return None
    return Hint(
        OBSERVABLE,
        _("Beschrijf gedrag dat u kunt zien of horen."),
        _(
            "“%(word)s” gaat over wat iemand weet, denkt, voelt of wil; dat kunt u niet waarnemen. "
            "Wat doet of zegt iemand waaraan u het merkt?"
        )
        % {"word": phrase},
    )


def _positive(text: str) -> Hint | None:
    cleaned = text
    for exception in NEGATION_EXCEPTIONS:
        cleaned = exception.sub(" ", cleaned)
    word = _first_phrase(cleaned, NEGATIONS)
    if word is None:
        return None
    return Hint(
        POSITIVE,
        _("Formuleer positief: wat doet iemand wél?"),
        _("“%(word)s” beschrijft wat iemand niet doet. Gedrag dat ontbreekt, kunt u niet waarnemen.") % {"word": word},
    )


def _active_verb(text: str) -> Hint | None:
    stripped = _LEADING_JUNK.sub("", text)
    words = _WORD.findall(stripped)
    if not words:
        return None
    first = words[0]
    for pattern, label in WEAK_OPENINGS:
        if pattern.match(stripped):
            return Hint(
                ACTIVE_VERB,
                _("Begin met een actief werkwoord, zoals “Vraagt”, “Formuleert” of “Signaleert”."),
                _(
                    "“%(words)s” beschrijft een vermogen of toestand, geen handeling. "
                    "Noem het gedrag zelf: wat doet iemand dan?"
                )
                % {"words": " ".join(words[: len(label.split())])},
            )
    lower = first.lower()
    if lower in ARTICLES_AND_PRONOUNS:
        reason = _("De zin begint met “%(word)s” in plaats van met wat iemand doet.") % {"word": first}
    elif looks_like_finite_verb(first):
        return None
    elif lower.endswith("en") and len(lower) > 4:
        reason = _(
            "“%(word)s” is een hele werkwoordsvorm of een zelfstandig naamwoord. "
            "Schrijf de handeling als “hij/zij …”: bijvoorbeeld “Signaleert” in plaats van "
            "“Signaleren”."
        ) % {"word": first}
    else:
        reason = _(
            "“%(word)s” lijkt geen werkwoord. Een indicator leest als “(de medewerker) …”, "
            "bijvoorbeeld “Vraagt door bij onduidelijkheid”."
        ) % {"word": first}
    return Hint(
        ACTIVE_VERB,
        _("Begin met een actief werkwoord, zoals “Vraagt”, “Formuleert” of “Signaleert”."),
        reason,
    )


def _single(text: str) -> Hint | None:
    if ";" in text:
        return Hint(
            SINGLE,
            _("Beschrijf één gedrag per indicator."),
            _("De puntkomma verbindt twee gedragingen; maak er twee indicatoren van."),
        )
    for joiner in ("én", "alsmede", "evenals", "en daarnaast", "en ook"):
        if _contains(text, joiner):
            return Hint(
                SINGLE,
                _("Beschrijf één gedrag per indicator."),
                _("“%(word)s” voegt een tweede gedrag toe; maak er twee indicatoren van.") % {"word": joiner},
            )
    words = _WORD.findall(text)
    for index, word in enumerate(words[1:-1], start=1):
        if word.lower() not in ("en", "of", "en/of"):
            continue
        following = words[index + 1]
        if looks_like_finite_verb(following, strict=True):
            return Hint(
                SINGLE,
                _("Beschrijf één gedrag per indicator."),
                _(
                    "“%(joiner)s %(verb)s” verbindt twee handelingen; maak er twee indicatoren van, "
                    "dan kunt u ze los waarnemen."
                )
                % {"joiner": word, "verb": following},
            )
    return None


# "te" before an adjective or adverb judges a degree ("te snel", "te lang"); before an infinitive
# ("om te bespreken", "te laten zien", "te allen tijde") it does not: those words end in -n.
DEGREE = re.compile(r"(?<![\wÀ-ÿ])te\s+([\wÀ-ÿ]+)", re.IGNORECASE)


def _degree_phrase(text: str) -> str | None:
    for match in DEGREE.finditer(text):
        if not match.group(1).lower().endswith("n"):
            return match.group(0)
    return None


def _no_judgement(text: str) -> Hint | None:
    phrase = _first_phrase(text, JUDGEMENT_PHRASES) or _degree_phrase(text)
    if phrase is None:
        return None
    return Hint(
        NO_JUDGEMENT,
        _("Laat het waardeoordeel weg."),
        _(
            "“%(word)s” is een oordeel; wat de één goed vindt, vindt de ander voldoende. "
            "Beschrijf het gedrag, het oordeel volgt bij het scoren."
        )
        % {"word": phrase},
    )


def indicator_hints(text: str) -> list[Hint]:
    """Advice for one indicator text: at most one hint per rule, in the order of RULES."""
    text = " ".join((text or "").split())
    if len(_WORD.findall(text)) < 2:
        return []
    checks = [_observable, _positive, _active_verb, _single, _no_judgement]
    return [hint for check in checks if (hint := check(text)) is not None]
