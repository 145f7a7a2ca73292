from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Employees, teams and the personal development plan, shared by medewerkers and ontwikkeling."""

    name = "competentie.people"
    label = "people"
    verbose_name = _("Medewerkers en ontwikkelplannen")
    default_auto_field = "django.db.models.BigAutoField"
