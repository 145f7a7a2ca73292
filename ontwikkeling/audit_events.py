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
    }
)
