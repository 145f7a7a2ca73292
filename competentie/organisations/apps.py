from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """Organisations, memberships with a role, and the members page of an organisation's beheerder."""

    name = "competentie.organisations"
    label = "organisations"
    verbose_name = _("Organisaties en leden")
    default_auto_field = "django.db.models.BigAutoField"
