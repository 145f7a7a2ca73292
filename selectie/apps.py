from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectieConfig(AppConfig):
    name = "selectie"
    verbose_name = _("Selectie")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from .fragments import selecteur_saved

        post_save.connect(selecteur_saved, sender=get_user_model(), dispatch_uid="selectie.selecteur_saved")
