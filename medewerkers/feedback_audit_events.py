"""What 360° feedback and the EVC portfolio write to the audit log, in words (rendered when read).
No event names a rater: only the group."""

from django.utils.translation import gettext_lazy

from competentie import audit

audit.register(
    {
        "feedback.invited": gettext_lazy("Beoordelaar uitgenodigd voor 360°-feedback (%(group)s)."),
        "feedback.resent": gettext_lazy("Nieuwe link verstuurd voor 360°-feedback (%(group)s)."),
        "feedback.purged": gettext_lazy("Bewaartermijn voorbij: %(count)s reacties op 360°-feedback verwijderd."),
        "portfolio.saved": gettext_lazy("Bewijsstuk opgeslagen voor “%(competency)s”."),
        "portfolio.deleted": gettext_lazy("Bewijsstuk verwijderd voor “%(competency)s”."),
        "portfolio.judgement_requested": gettext_lazy(
            "Assessor gevraagd een bewijsstuk te beoordelen (“%(competency)s”)."
        ),
        "portfolio.judged": gettext_lazy("Bewijsstuk beoordeeld (“%(competency)s”)."),
    }
)
