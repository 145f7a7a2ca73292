from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntwikkelingConfig(AppConfig):
    name = "ontwikkeling"
    verbose_name = _("Ontwikkelprogramma")
