"""What the medewerkers app writes to the audit log, in words (rendered when read). No event names the
employee: the log is filed under the cycle or the employee record, which a purge deletes."""

from django.utils.translation import gettext_lazy

from competentie import audit

audit.register(
    {
        "employees.imported": gettext_lazy("%(count)s medewerkers ingelezen uit een CSV-bestand."),
        "employees.saved": gettext_lazy("Medewerkergegevens opgeslagen."),
        "cycle.opened": gettext_lazy("Beoordelingscyclus “%(cycle)s” geopend voor team “%(team)s”."),
        "cycle.handed_in": gettext_lazy("Een %(kind)s is ingeleverd in cyclus “%(cycle)s”."),
        "cycle.conversation_recorded": gettext_lazy("Afspraken van een gesprek vastgelegd (versie %(version)s)."),
        "cycle.conversation_answered": gettext_lazy("De medewerker heeft het gesprek gemarkeerd als “%(response)s”."),
        "cycle.conversation_reopened": gettext_lazy(
            "Nieuwe versie %(version)s van een gesprek geopend. Reden: %(reason)s"
        ),
    }
)
