from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "competentie.notifications"
    label = "notifications"
    verbose_name = _("meldingen per e-mail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from competentie import privacy

        from .tasks import queued_mail_scrub

        if queued_mail_scrub not in privacy.EXTRA_SCRUBBERS:
            privacy.EXTRA_SCRUBBERS.append(queued_mail_scrub)
