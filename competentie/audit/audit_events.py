"""The audit log's own lines: reads of personal data and the chain's maintenance (rendered when read)."""

from django.utils.translation import gettext_lazy as _

from .registry import register

register(
    {
        "data.read": _("Persoonsgegevens bekeken (%(view)s)."),
        "audit.redacted": _(
            "Namen verwijderd uit eerdere logboekregels %(lines)s (verwijderverzoek of bewaartermijn)."
        ),
        "audit.pruned": _("%(count)s logboekregels tot en met regel %(through)s verwijderd (bewaartermijn)."),
    }
)
