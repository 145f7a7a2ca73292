"""An assessment cycle of a team: per employee a self-assessment and the manager's assessment (and the
360° raters' ones, added by medewerkers/feedback.py), each a score per competency of the profile."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessmentCycle(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="assessment_cycles",
    )
    team = models.ForeignKey("people.Team", verbose_name=_("team"), on_delete=models.PROTECT, related_name="cycles")
    name = models.CharField(_("naam"), max_length=200)
    period_start = models.DateField(_("periode van"))
    period_end = models.DateField(_("periode tot en met"))
    self_deadline = models.DateField(_("zelfbeoordeling uiterlijk op"))
    manager_deadline = models.DateField(_("beoordeling leidinggevende uiterlijk op"))
    conversation_deadline = models.DateField(_("gesprek uiterlijk op"))
    scale = models.ForeignKey(
        "frameworks.RatingScale", verbose_name=_("beoordelingsschaal"), on_delete=models.PROTECT, related_name="+"
    )
    # The level every competency of a profile asks for on the cycle's scale, where the profile names none
    # (the Divosa and VTH profiles do not). Ours: 4 on schema 4.2 is "Is in staat om het gewenste gedrag
    # te realiseren en werkt aan verdere verbetering".
    required_value = models.SmallIntegerField(_("vereist niveau"), default=4)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("geopend door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("geopend op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("beoordelingscyclus")
        verbose_name_plural = _("beoordelingscycli")
        ordering = ["organisation_id", "-period_start", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Het einde van de periode ligt vóór het begin.")})
        if self.self_deadline and self.manager_deadline and self.manager_deadline < self.self_deadline:
            raise ValidationError(
                {"manager_deadline": _("De leidinggevende beoordeelt na de zelfbeoordeling, niet ervoor.")}
            )
        if self.manager_deadline and self.conversation_deadline and self.conversation_deadline < self.manager_deadline:
            raise ValidationError({"conversation_deadline": _("Het gesprek volgt op de beoordelingen, niet ervoor.")})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Assessment(models.Model):
    """One rater's judgement of one employee in a cycle; blind to others until handed in (blindness.py)."""

    class Kind(models.TextChoices):
        SELF = "self", _("zelfbeoordeling")
        MANAGER = "manager", _("leidinggevende")
        # 360° raters (medewerkers/feedback.py invites them): colleagues and people outside the organisation.
        COLLEAGUE = "colleague", _("collega")
        OUTSIDE = "outside", _("buiten de organisatie")

    cycle = models.ForeignKey(AssessmentCycle, on_delete=models.CASCADE, related_name="assessments")
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="assessments"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg voor een beoordelaar van buiten de organisatie."),
    )
    submitted_at = models.DateTimeField(_("ingeleverd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["cycle_id", "employee_id", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "employee", "kind"],
                condition=models.Q(kind__in=["self", "manager"]),
                name="one_self_and_one_manager_assessment",
            ),
        ]

    def __str__(self):
        return f"{self.employee} – {self.get_kind_display()}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class AssessmentScore(models.Model):
    """A level on the cycle's scale for one competency of the profile, with the evidence behind it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    profile_competency = models.ForeignKey(
        "frameworks.ProfileCompetency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("niveau"), null=True, blank=True)
    evidence = models.TextField(_("wat liet de medewerker zien?"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assessment_id", "profile_competency__order", "profile_competency_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "profile_competency"], name="unique_score_per_competency")
        ]

    def __str__(self):
        return f"{self.assessment}: {self.value}"
