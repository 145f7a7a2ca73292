from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MedewerkersConfig(AppConfig):
    name = "medewerkers"
    verbose_name = _("Medewerkers: beoordeling en ontwikkeling")
    default_auto_field = "django.db.models.BigAutoField"
