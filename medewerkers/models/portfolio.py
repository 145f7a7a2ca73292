"""The EVC portfolio (issue 26, point 6): evidence per competency, kept by the employee, and an
assessor's judgement of it on the scale with advice.

Files live in a private storage (competentie/uploads.py: PRIVATE_MEDIA_ROOT, never served as static or
media files) and are handed out only by a view that checks who may see them, as an attachment.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.uploads import private_storage, stored_name


def evidence_upload_to(instance, filename: str) -> str:
    return f"portfolio/{stored_name(filename)}"


class PortfolioItem(models.Model):
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="portfolio_items"
    )
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("wat laat dit zien?"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")
        ordering = ["employee_id", "competency__order", "competency_id", "-created_at", "pk"]

    def __str__(self):
        return self.title


class PortfolioFile(models.Model):
    item = models.ForeignKey(PortfolioItem, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("bestand"), storage=private_storage, upload_to=evidence_upload_to, max_length=300)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("soort bestand"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage bij een bewijsstuk")
        verbose_name_plural = _("bijlagen bij bewijsstukken")
        ordering = ["item_id", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class PortfolioJudgement(models.Model):
    """An assessor asked to judge one piece of evidence: a level on the scale and advice."""

    class Advice(models.TextChoices):
        CERTIFICATE = "certificaat", _("certificaat")
        DEVELOPMENT = "verdere_ontwikkeling", _("verdere ontwikkeling")
        MOBILITY = "mobiliteit", _("mobiliteit")

    item = models.OneToOneField(PortfolioItem, on_delete=models.CASCADE, related_name="judgement")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessor"), on_delete=models.PROTECT, related_name="+"
    )
    scale = models.ForeignKey(
        "frameworks.RatingScale", verbose_name=_("beoordelingsschaal"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("gevraagd op"), auto_now_add=True)
    value = models.SmallIntegerField(_("niveau"), null=True, blank=True)
    advice = models.CharField(_("advies"), max_length=30, choices=Advice.choices, blank=True)
    motivation = models.TextField(_("onderbouwing"), blank=True)
    judged_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("beoordeling van een bewijsstuk")
        verbose_name_plural = _("beoordelingen van bewijsstukken")
        ordering = ["item_id"]

    def __str__(self):
        return f"{self.item}: {self.value or '–'}"

    @property
    def is_judged(self) -> bool:
        return self.judged_at is not None
