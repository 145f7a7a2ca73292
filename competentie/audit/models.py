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
        """The one sanctioned rewrite: erasing a person's traces when their data is purged (AVG).

        The parameters' salt goes with them, so the line's digest (which the chain seals) can no
        longer be tied to what was written; see chain.py.
        """
        return super().update(params_salt="", **fields)

    def prune_before(self, cutoff) -> int:
        """Retention: delete the oldest lines, always a head of the chain (see chain.chain_prune)."""
        from .chain import chain_prune

        return chain_prune(cutoff=cutoff)

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
    # Logboek Dataverwerkingen: why the data was processed, how it ended, and from where (the
    # request's address and browser, set by competentie.audit.middleware). Never the data itself.
    purpose = models.CharField(_("doel"), max_length=60, blank=True, default="")
    result = models.CharField(_("resultaat"), max_length=20, blank=True, default="ok")
    ip_address = models.GenericIPAddressField(_("adres"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True, default="")
    # The hash chain (chain.py): position, the previous line's hash, this line's hash, and the salt
    # of the parameters' digest (emptied when a purge redacts the parameters).
    seq = models.PositiveBigIntegerField(_("regelnummer"), null=True, unique=True, editable=False)
    prev_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    params_digest = models.CharField(max_length=64, blank=True, default="", editable=False)
    params_salt = models.CharField(max_length=64, blank=True, default="", editable=False)

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
        from .chain import chain_append

        chain_append([self], lambda rows: super(AuditEvent, self).save(*args, **kwargs))

    def delete(self, *args, **kwargs):
        raise ReadOnlyError("audit events are never deleted")

    @property
    def text(self) -> str:
        return registry.render(self.action, self.params or {})


class ChainHead(models.Model):
    """The single row that serialises appends to the chain: its lock is taken for every new line.

    It also remembers where retention cut the chain, so that deleting old lines is told apart from
    deleting lines an intruder wanted gone.
    """

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True, default="")
    pruned_seq = models.PositiveBigIntegerField(default=0)
    pruned_hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("begin van de keten")
        verbose_name_plural = _("begin van de keten")

    def __str__(self):
        return f"{self.seq}"
