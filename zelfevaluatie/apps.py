from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZelfevaluatieConfig(AppConfig):
    name = "zelfevaluatie"
    verbose_name = _("Zelfevaluatie")
