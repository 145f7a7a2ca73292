"""What the zelfevaluatie app writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competentie import audit

from .models import EvaluationRound


def _label(value) -> str:
    try:
        return str(EvaluationRound.Status(value).label)
    except ValueError:
        return str(value)


def _status(params: dict) -> str:
    return _("Status gewijzigd van “%(old)s” in “%(new)s”.") % {
        "old": _label(params.get("old")),
        "new": _label(params.get("new")),
    }


def _scorers(params: dict) -> str:
    names = params.get("scorers") or []
    if not names:
        return _("Alle deelnemers scoren %(profile)s.") % {"profile": params.get("profile", "")}
    return _("%(profile)s wordt gescoord door: %(names)s.") % {
        "profile": params.get("profile", ""),
        "names": ", ".join(names),
    }


audit.register(
    {
        "round.created": gettext_lazy("Zelfevaluatie %(period)s gestart op %(framework)s (versie %(version)s)."),
        "round.status": _status,
        "round.team_opened": gettext_lazy("Teamoverzicht vroeg geopend door de voorzitter. Reden: %(reason)s"),
        "round.scorers": _scorers,
    }
)
