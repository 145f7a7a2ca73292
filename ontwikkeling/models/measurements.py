"""Effectmeting: a questionnaire at one fixed moment, with a level per competency.

The participant answers every moment; at the follow-up the participant's manager answers too (only
the levels per competency, on the same scale).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import MeasurementMoment, Rater


class Measurement(models.Model):
    participant = models.ForeignKey("ontwikkeling.Participant", on_delete=models.CASCADE, related_name="measurements")
    moment = models.CharField(_("meetmoment"), max_length=20, choices=MeasurementMoment.choices)
    rater = models.CharField(_("ingevuld door"), max_length=20, choices=Rater.choices, default=Rater.PARTICIPANT)
    submitted_at = models.DateTimeField(_("ingevuld op"), auto_now=True)

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["participant", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "moment", "rater"], name="unique_measurement_moment_rater")
        ]

    def __str__(self):
        return self.get_moment_display()


class Answer(models.Model):
    """An answer on our 1–5 agreement scale to a lever question, or to a learning goal of an intervention."""

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(_("vraag"), max_length=40)
    intervention = models.ForeignKey(
        "ontwikkeling.Intervention", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    value = models.PositiveSmallIntegerField(_("antwoord"))

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["measurement", "pk"]

    def __str__(self):
        return f"{self.question}: {self.value}"


class SelfRating(models.Model):
    """A level on a programme competency, against the framework's levels, by the measurement's rater
    (the participant's own level; at the follow-up also the manager's view)."""

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="self_ratings")
    competency = models.ForeignKey("frameworks.Competency", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("frameworks.ProficiencyLevel", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("zelfbeoordeling")
        verbose_name_plural = _("zelfbeoordelingen")
        ordering = ["measurement", "pk"]
        constraints = [models.UniqueConstraint(fields=["measurement", "competency"], name="unique_self_rating")]

    def __str__(self):
        return f"{self.competency}: {self.level}"
