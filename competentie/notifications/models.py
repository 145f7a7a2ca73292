from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """A reminder that went out, so the daily command never sends the same one twice."""

    kind = models.CharField(_("soort"), max_length=50)
    key = models.CharField(
        _("onderwerp"), max_length=100, help_text=_("Waarover de herinnering ging, bijv. procedure-12.")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "key", "recipient"], name="unique_reminder")]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.recipient_id}"
