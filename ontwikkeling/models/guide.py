from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideText(models.Model):
    """A text of the Rotterdam guide, verbatim: a design principle, a step, a question, a Kolb stage …

    Loaded from fixtures/ontwikkeling.json by a data migration; never edited in the app.
    """

    class Kind(models.TextChoices):
        PRINCIPLE = "principle", _("Ontwerpprincipe")
        STEP = "step", _("Stap")
        QUESTION = "question", _("Vraag")
        KOLB = "kolb", _("Fase van de leercyclus van Kolb")
        LEARNING_LEVEL = "learning_level", _("Leerniveau")
        MEASUREMENT_LEVEL = "measurement_level", _("Meetniveau")
        MOMENT = "moment", _("Meetmoment")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=60)
    step = models.PositiveSmallIntegerField(_("stap"), null=True, blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)
    title_is_ours = models.BooleanField(
        _("titel is onze formulering"), default=False, help_text=_("De tekst zelf komt altijd uit de handleiding.")
    )

    class Meta:
        verbose_name = _("tekst uit de handleiding")
        verbose_name_plural = _("teksten uit de handleiding")
        ordering = ["kind", "step", "order"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="unique_guide_text_code")]

    def __str__(self):
        return self.title
