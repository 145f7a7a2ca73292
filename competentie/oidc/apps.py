from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OidcConfig(AppConfig):
    """Each organisation's identity provider, and which account a provider's person is."""

    name = "competentie.oidc"
    label = "oidc"
    verbose_name = _("Inloggen via de organisatie")
    default_auto_field = "django.db.models.BigAutoField"
