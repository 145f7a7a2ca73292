"""A cohort runs a programme: participants (deelnemers), each with a coach (begeleider) and a plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    programme = models.ForeignKey("ontwikkeling.Programme", on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("naam"), max_length=200)
    starts_on = models.DateField(_("startdatum"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("groep deelnemers")
        verbose_name_plural = _("groepen deelnemers")
        ordering = ["programme", "-created_at", "pk"]

    def __str__(self):
        return self.name


class Participant(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deelnemer"), on_delete=models.CASCADE, related_name="+"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begeleider"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["cohort", "user__username"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="unique_participant_per_cohort")]

    def __str__(self):
        return str(self.user)


class PlanGoal(models.Model):
    """One line of a personal development plan: a programme competency, what to reach and how."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="plan_goals")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    goal = models.TextField(_("mijn ontwikkeldoel"), blank=True)
    actions = models.TextField(_("hoe ik dat doe"), blank=True)

    class Meta:
        verbose_name = _("ontwikkeldoel")
        verbose_name_plural = _("persoonlijk ontwikkelplan")
        ordering = ["participant", "competency__order", "competency__pk"]
        constraints = [models.UniqueConstraint(fields=["participant", "competency"], name="unique_plan_goal")]

    def __str__(self):
        return str(self.competency)
