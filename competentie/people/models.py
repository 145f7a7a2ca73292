"""A person in an organisation (Employee) with a team, a manager and a function profile, and their one
personal development plan (POP): goals per competency with a learning approach, a deadline and notes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.revisions import Revisioned


class LearningApproach(models.TextChoices):
    """Seed 002 §4.4, the forms of learning a development plan can use (descriptions: learning.py)."""

    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    INTERVISIE = "intervisie", _("Intervisie")
    INTERNAL_PLACEMENT = "interne_stage", _("Interne stage")
    EXTERNAL_PLACEMENT = "externe_stage", _("Externe stage")
    ON_THE_JOB = "training_on_the_job", _("Training-on-the-job")


class Team(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("naam"), max_length=200)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["organisation_id", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")]

    def __str__(self):
        return self.name


class Employee(models.Model):
    """A person of an organisation. `user` is empty for someone without an account (yet)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="employees",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employee_records",
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    profile = models.ForeignKey(
        "frameworks.Profile",
        verbose_name=_("functieprofiel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Een profiel uit een vastgestelde versie van een framework."),
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_employees",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    left_on = models.DateField(_("uit dienst op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["organisation_id", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="unique_employee_per_user",
            ),
        ]

    def __str__(self):
        return self.name


class DevelopmentPlan(models.Model):
    """The one POP of an employee; it carries from cycle to cycle and programme to programme."""

    employee = models.OneToOneField(
        Employee, verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="plan"
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("persoonlijk ontwikkelplan")
        verbose_name_plural = _("persoonlijke ontwikkelplannen")
        ordering = ["employee_id"]

    def __str__(self):
        return str(self.employee)


class PlanGoal(Revisioned):
    """One goal of a POP for one competency: what to reach, how (learning approach), by when."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    goal = models.TextField(_("ontwikkeldoel"), blank=True)
    actions = models.TextField(_("hoe ik dat doe"), blank=True)
    learning_approach = models.CharField(_("leerweg"), max_length=30, choices=LearningApproach.choices, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    achieved_at = models.DateField(_("bereikt op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("ontwikkeldoel")
        verbose_name_plural = _("ontwikkeldoelen")
        ordering = ["plan_id", "competency__order", "competency_id", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "competency"], name="unique_goal_per_competency")]

    def __str__(self):
        return str(self.competency)

    @property
    def is_open(self) -> bool:
        return self.achieved_at is None


class ProgressNote(models.Model):
    """A dated note on how a goal is going; written by the employee or their manager."""

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("voortgang"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")
        ordering = ["goal_id", "created_at", "pk"]

    def __str__(self):
        return self.text[:80]
