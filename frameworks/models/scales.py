from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .querysets import RatingScaleQuerySet


class RatingScale(models.Model):
    """A reusable beoordelingsschaal with a label and description per point."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rating_scales",
        help_text=_("Leeg voor een openbare schaal."),
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("hoort bij framework"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rating_scales",
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)

    objects = RatingScaleQuerySet.as_manager()

    class Meta:
        verbose_name = _("beoordelingsschaal")
        verbose_name_plural = _("beoordelingsschalen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ScalePoint(models.Model):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="points")
    value = models.SmallIntegerField(_("waarde"))
    label = models.CharField(_("naam"), max_length=200, blank=True)
    label_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("schaalpunt")
        verbose_name_plural = _("schaalpunten")
        ordering = ["scale_id", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="unique_value_per_scale"),
        ]

    def __str__(self):
        return f"{self.value} {self.label}".strip()

    @property
    def gloss(self) -> str:
        """The source's English name beside the Dutch one: in the English interface only.

        The VTH scale gives both ("onvoldoende (unsatisfactory)"); the Dutch interface shows Dutch only.
        """
        return self.label_en if (translation.get_language() or "").startswith("en") else ""
