"""What the ontwikkeling app writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext_lazy

from competentie import audit

audit.register(
    {
        "programme.created": gettext_lazy("Programma gemaakt op framework “%(framework)s”."),
        "programme.step_saved": gettext_lazy("Stap %(step)s opgeslagen."),
        "programme.principles_saved": gettext_lazy("Ontwerpprincipes bijgewerkt (%(met)s voldaan)."),
        "programme.cohort_created": gettext_lazy("Groep “%(cohort)s” gemaakt."),
        "programme.participant_added": gettext_lazy("Deelnemer toegevoegd aan groep “%(cohort)s”."),
        "programme.coach_invited": gettext_lazy("Begeleider uitgenodigd voor groep “%(cohort)s”."),
        "programme.windows_saved": gettext_lazy("Meetmomenten van groep “%(cohort)s” bijgewerkt."),
        "programme.manager_named": gettext_lazy("Leidinggevende van een deelnemer van groep “%(cohort)s” genoemd."),
        "programme.participant_removed": gettext_lazy(
            "Deelnemer uit groep “%(cohort)s” gehaald (antwoorden %(kept)s)."
        ),
        "programme.cohort_anonymised": gettext_lazy(
            "Bewaartermijn van groep “%(cohort)s” voorbij: deelnemers anoniem gemaakt."
        ),
    }
)
