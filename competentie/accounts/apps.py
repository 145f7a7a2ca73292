from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """People in the app: names, invitations, members and roles managed by an organisation's beheerder."""

    name = "competentie.accounts"
    label = "accounts"
    verbose_name = _("leden en uitnodigingen")
    default_auto_field = "django.db.models.BigAutoField"
