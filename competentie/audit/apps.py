from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "competentie.audit"
    label = "audit"
    verbose_name = _("Logboek")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each app describes its events in `<app>/audit_events.py`; load them all so any page
        # (or the admin) can render any event, whichever services ran in this process.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("audit_events")

        from competentie import privacy

        from .api import scrub

        if scrub not in privacy.EXTRA_SCRUBBERS:
            privacy.EXTRA_SCRUBBERS.append(scrub)
