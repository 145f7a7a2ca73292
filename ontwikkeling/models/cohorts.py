"""A cohort runs a programme: participants (deelnemers), each with a coach (begeleider) and a plan,
and a window with a deadline for every measurement."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import MeasurementMoment


class Cohort(models.Model):
    programme = models.ForeignKey("ontwikkeling.Programme", on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("naam"), max_length=200)
    starts_on = models.DateField(_("startdatum"), null=True, blank=True)
    ends_on = models.DateField(_("einddatum"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("groep deelnemers")
        verbose_name_plural = _("groepen deelnemers")
        ordering = ["programme", "-created_at", "pk"]

    def __str__(self):
        return self.name


class MeasurementWindow(models.Model):
    """From when a measurement can be handed in, and by when it should be: one per cohort and moment."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="windows")
    moment = models.CharField(_("meetmoment"), max_length=20, choices=MeasurementMoment.choices)
    opens_on = models.DateField(_("open vanaf"))
    due_on = models.DateField(_("uiterlijk op"))

    class Meta:
        verbose_name = _("meetperiode")
        verbose_name_plural = _("meetperiodes")
        ordering = ["cohort", "opens_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "moment"], name="unique_window_per_moment")]

    def __str__(self):
        return self.get_moment_display()

    def clean(self):
        if self.opens_on and self.due_on and self.due_on < self.opens_on:
            raise ValidationError({"due_on": _("De deadline ligt vóór de dag waarop de meting opengaat.")})


class Participant(models.Model):
    """A participant of a cohort; `user` is empty once a removed participant's answers are kept anonymised."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begeleider"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who answers the follow-up about the participant's behaviour at work. Named by the programme team
    # for now; once employees have a record with their manager (competentie/people), that is read
    # instead (ontwikkeling/people.py is the one place that asks).
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    anonymised_at = models.DateTimeField(_("anoniem gemaakt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["cohort", "user__username"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="unique_participant_per_cohort")]

    def __str__(self):
        return str(self.user) if self.user_id else str(_("anonieme deelnemer"))


# A participant's development plan is their one POP in the shared people app (competentie/people):
# ontwikkeling/people.py reads and writes it.
