"""The conversation (functionerings-/beoordelingsgesprek): the agreed level per competency, the
employee's comment and "gezien" or "akkoord"; then frozen. A new version needs a reason (audit log)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.revisions import Revisioned


class Conversation(Revisioned):
    class Response(models.TextChoices):
        SEEN = "gezien", _("gezien")
        AGREED = "akkoord", _("akkoord")

    cycle = models.ForeignKey("medewerkers.AssessmentCycle", on_delete=models.CASCADE, related_name="conversations")
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="conversations"
    )
    version = models.PositiveIntegerField(_("versie"), default=1)
    manager_summary = models.TextField(_("samenvatting van de leidinggevende"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), null=True, blank=True)
    employee_comment = models.TextField(_("reactie van de medewerker"), blank=True)
    employee_response = models.CharField(_("reactie"), max_length=10, choices=Response.choices, blank=True)
    responded_at = models.DateTimeField(_("gereageerd op"), null=True, blank=True)
    frozen_at = models.DateTimeField(_("vastgezet op"), null=True, blank=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["cycle_id", "employee_id"]
        constraints = [models.UniqueConstraint(fields=["cycle", "employee"], name="one_conversation_per_cycle")]

    def __str__(self):
        return f"{self.employee} – {self.cycle}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class ConversationItem(models.Model):
    """The level the manager and employee agreed on for one competency of the profile."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="items")
    profile_competency = models.ForeignKey(
        "frameworks.ProfileCompetency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    agreed_value = models.SmallIntegerField(_("afgesproken niveau"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("afspraak per competentie")
        verbose_name_plural = _("afspraken per competentie")
        ordering = ["conversation_id", "profile_competency__order", "profile_competency_id"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "profile_competency"], name="unique_item_per_competency")
        ]

    def __str__(self):
        return f"{self.conversation}: {self.agreed_value}"
