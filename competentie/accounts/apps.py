from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """People in the app: how a person is named (`display_name`, the `person` template filter).

    Organisations, memberships, roles and the members page live in `competentie.organisations`.
    """

    name = "competentie.accounts"
    label = "accounts"
    verbose_name = _("personen")
    default_auto_field = "django.db.models.BigAutoField"
