"""What the selectie app writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competentie import audit

from .models import Decision, SelectionProcedure


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _score_revised(params: dict) -> str:
    values = {**params, "old": params.get("old") or "–", "new": params.get("new") or "–"}
    if params.get("field") == "evidence":
        return _("bewijs %(old)s → %(new)s (%(reason)s)") % values
    return _("score %(old)s → %(new)s (%(reason)s)") % values


def _status(params: dict) -> str:
    return _("Status van de procedure gewijzigd van “%(old)s” in “%(new)s”.") % {
        "old": _label(SelectionProcedure.Status, params.get("old")),
        "new": _label(SelectionProcedure.Status, params.get("new")),
    }


def _decision(params: dict) -> str:
    return _("Besluit vastgelegd: %(outcome)s.") % {"outcome": _label(Decision.Outcome, params.get("outcome"))}


audit.register(
    {
        "score.revised": _score_revised,
        "consensus.set": gettext_lazy("%(competency)s: consensus %(value)s vastgelegd."),
        "consensus.early": gettext_lazy(
            "%(competency)s: consensus %(value)s vastgelegd vóór alle indieningen (%(rationale)s). Reden: %(reason)s"
        ),
        "consensus.changed": gettext_lazy("%(competency)s %(old_value)s: %(old_rationale)s → %(value)s: %(rationale)s"),
        "decision.set": _decision,
        "candidate.purged": gettext_lazy(
            "Naam, e-mailadres, notities en toestemming verwijderd; anonieme scores bewaard (via %(via)s)."
        ),
        "procedure.status": _status,
        "criteria.frozen": gettext_lazy("Criteria van versie %(number)s vastgelegd bij de eerste score."),
        "criteria.versioned": gettext_lazy("Nieuwe versie %(number)s van de criteria. Reden: %(reason)s"),
        "criteria.changed": gettext_lazy("Criteria van versie %(number)s gewijzigd: %(change)s."),
        "scores.first_seen": gettext_lazy("Zag voor het eerst de scores van collega's (%(where)s)."),
        "letter.sent": gettext_lazy("Afwijzingsbrief aan %(code)s verstuurd."),
        "fairness.invited": gettext_lazy("Vragenlijst gelijke kansen verstuurd aan %(count)s kandidaten."),
        "practice.case_saved": gettext_lazy("Oefencasus “%(title)s” opgeslagen."),
    }
)
