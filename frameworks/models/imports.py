"""A CASE package too large for one request (issue 29.5): kept on private disk, read and written by the task queue."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.organisations.models import Organisation

from .frameworks import Framework


class CaseImportJob(models.Model):
    """One large CASE import: the stored file, where the queue is with it, and what it found.

    reading → ready (the summary waits for the user's confirmation) → writing → done; or refused
    (the file is not a package we can read: `errors`, nothing written) or failed (an unexpected error).
    `done` of `total` items is the progress the page shows. The file lives in the private storage
    (competentie/uploads.py) until the job ends, then it is deleted.
    """

    class Status(models.TextChoices):
        READING = "reading", _("wordt gelezen")
        READY = "ready", _("wacht op uw bevestiging")
        WRITING = "writing", _("wordt opgeslagen")
        DONE = "done", _("geïmporteerd")
        REFUSED = "refused", _("geweigerd")
        FAILED = "failed", _("mislukt")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(_("bestandsnaam"), max_length=255)
    stored_name = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    framework = models.ForeignKey(Framework, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("CASE-import")
        verbose_name_plural = _("CASE-imports")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return self.filename

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.REFUSED, self.Status.FAILED)

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.READING, self.Status.WRITING)
