from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemingConfig(AppConfig):
    name = "competentie.theming"
    label = "theming"
    verbose_name = _("Huisstijl")
    default_auto_field = "django.db.models.BigAutoField"
