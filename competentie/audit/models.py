"""One audit event log for the whole product: who did what to which object, and when.

The text is not stored: an action code and its parameters are, and the sentence is rendered in
the reader's language when the event is shown. Rows are never changed or deleted.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registry


class ReadOnlyError(Exception):
    """The audit log is append-only."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ReadOnlyError("audit events are never changed")

    def delete(self):
        raise ReadOnlyError("audit events are never deleted")

    def redact(self, **fields):
        """The one sanctioned rewrite: erasing a person's traces when their data is purged (AVG)."""
        return super().update(**fields)

    def _for(self, prefix: str, obj: models.Model) -> models.Q:
        meta = obj._meta.concrete_model._meta
        return models.Q(
            **{
                f"{prefix}_type__app_label": meta.app_label,
                f"{prefix}_type__model": meta.model_name,
                f"{prefix}_id": obj.pk,
            }
        )

    def about(self, obj: models.Model):
        """Events on the object itself and on the objects recorded within it (a candidate's scores)."""
        return self.filter(self._for("content", obj) | self._for("within", obj))


class AuditEvent(models.Model):
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg als het systeem het deed (bijvoorbeeld de dagelijkse opschoning)."),
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("soort object"), on_delete=models.PROTECT, related_name="+"
    )
    content_id = models.PositiveBigIntegerField(_("object"))
    subject = GenericForeignKey("content_type", "content_id")
    within_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    within_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    action = models.CharField(_("handeling"), max_length=60)
    params = models.JSONField(_("gegevens"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["content_id", "content_type", "at"], name="audit_by_object"),
            models.Index(fields=["within_id", "within_type", "at"], name="audit_by_container"),
        ]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ReadOnlyError("audit events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ReadOnlyError("audit events are never deleted")

    @property
    def text(self) -> str:
        return registry.render(self.action, self.params or {})
