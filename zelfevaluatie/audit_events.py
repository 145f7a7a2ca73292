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


audit.register(
    {
        "round.created": gettext_lazy("Zelfevaluatie %(period)s gestart op %(framework)s (versie %(version)s)."),
        "round.status": _status,
    }
)
